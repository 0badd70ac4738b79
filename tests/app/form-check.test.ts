// The browser check of useValidatedForm runs through react-hook-form (createFormControl +
// zodResolver, app/components/form-check.client.ts). It must show exactly what the action shows:
// the same fields, the same catalog key on each (the first issue of the field), "form" for an
// error of the whole form, nested rows flattened back to the form's dotted names, and for the
// flat forms the same order (the order of the error summary).
import { describe, expect, it } from "vitest";
import { FORM_SCHEMA_MODULES, sampleInputs } from "../helpers/form-inputs";
import * as zod from "zod";
import { checkWithForm, flattenErrors } from "~/components/form-check.client";
import { changePasswordSchema, signInSchema } from "~/schemas/auth";
import { assignEvaluatorsSchema } from "~/schemas/councils";
import { sectionSchemas } from "~/schemas/initiatives";

const FACTORIES: Record<string, unknown[]> = {
  "attachments.uploadSchema": [1000],
  "proposals.votesSchema": [[3, 5]],
  "scoring.sheetSchema": [[{ id: 1, maxPoints: 10 }, { id: 2, maxPoints: 5 }], { requireAll: true }],
};

/** What the action reports (zodFieldErrors / the check before react-hook-form): first issue per path. */
function zodKeys(schema: zod.ZodType, values: unknown): Record<string, string> {
  const result = schema.safeParse(values);
  const out: Record<string, string> = {};
  if (!result.success) for (const issue of result.error.issues) out[issue.path.join(".") || "form"] ??= issue.message;
  return out;
}

const authors = sectionSchemas("2026-03-01").authors as unknown as zod.ZodType;
const statement = sectionSchemas(null).statement as unknown as zod.ZodType;

describe("the form check through react-hook-form", () => {
  it("sign-in: the catalog keys of the empty fields, in the form's order", async () => {
    const errors = await checkWithForm(signInSchema, { username: " ", password: "" });
    expect(Object.entries(errors)).toEqual([
      ["username", "auth.username.required"],
      ["password", "auth.password.required"],
    ]);
    expect(await checkWithForm(signInSchema, { username: "quantri", password: "x", next: "/" })).toEqual({});
  });

  it("a refinement on another field (confirm password) lands on that field", async () => {
    const values = { currentPassword: "x", newPassword: "abcdefghijkl", confirmPassword: "abcdefghijkm" };
    expect(await checkWithForm(changePasswordSchema, values)).toEqual({ confirmPassword: "auth.password.mismatch" });
  });

  it("authors: nested rows flatten back to authors.<row>.<field>, first message per field", async () => {
    const values = {
      authors: [
        { fullName: "", share: "50" }, // outside person without a name
        { username: "<b>x</b>", share: "abc" }, // markup in the username, not a share
        { fullName: "Lê Thị B", dateOfBirth: "01/01/2099" }, // no share at all (a union), born in the future
        { fullName: "Lê Thị B", dateOfBirth: "01/01/2099", share: "10" },
      ],
    };
    const errors = await checkWithForm(authors, values);
    expect(errors).toEqual(zodKeys(authors, values));
    expect(errors).toEqual({
      "authors.1.username": "errors.noMarkup",
      "authors.1.share": "initiatives.errors.share",
      // The union's own message, not a branch's generic "expected string" (see asTheServerReports).
      "authors.2.share": "initiatives.errors.share",
      "authors.2.dateOfBirth": "initiatives.errors.birthFuture",
      "authors.3.dateOfBirth": "initiatives.errors.birthFuture",
    });
  });

  it("authors: errors of the whole list and of the rows' refinement", async () => {
    expect(await checkWithForm(authors, { authors: [] })).toEqual({ authors: "initiatives.errors.authorsRequired", shares: "initiatives.errors.sharesTotal" });
    expect(await checkWithForm(authors, {})).toEqual(zodKeys(authors, {}));
    const rows = { authors: [{ fullName: "", share: "50" }, { fullName: "An", share: "30" }, { fullName: "an", share: "20" }] };
    const errors = await checkWithForm(authors, rows);
    expect(errors).toEqual(zodKeys(authors, rows));
    expect(errors).toEqual({ "authors.0.fullName": "initiatives.errors.outsideName", "authors.2.fullName": "initiatives.errors.duplicateAuthor" });
    const shares = { authors: [{ fullName: "An", share: "50" }, { fullName: "Bình", share: "30" }] };
    expect(await checkWithForm(authors, shares)).toEqual({ shares: "initiatives.errors.sharesTotal" });
  });

  it("checkboxes: ticked, unticked, and a value no checkbox sends", async () => {
    expect(await checkWithForm(statement, { sworn: "on" })).toEqual({});
    expect(await checkWithForm(statement, {})).toEqual({});
    expect(await checkWithForm(statement, { sworn: 5 })).toEqual(zodKeys(statement, { sworn: 5 }));
    expect(Object.keys(await checkWithForm(statement, { sworn: 5 }))).toEqual(["sworn"]);
    // Ticked-box groups: nothing ticked is an error of a name that is no input.
    const ticked = { dueOn: "", muc_3: "on" };
    expect(await checkWithForm(assignEvaluatorsSchema, ticked)).toEqual(zodKeys(assignEvaluatorsSchema, ticked));
    expect(await checkWithForm(assignEvaluatorsSchema, ticked)).toEqual({ dueOn: "errors.required", evaluators: "councils.errors.pickEvaluator" });
  });

  it("an error of the whole form is reported as \"form\"", async () => {
    const schema = zod.object({ a: zod.string() }).refine(() => false, "errors.whole");
    expect(await checkWithForm(schema, { a: "x" })).toEqual({ form: "errors.whole" });
    expect(flattenErrors({ "": { message: "errors.whole", type: "custom" } })).toEqual({ form: "errors.whole" });
  });

  it("every form schema of the portal: same fields, keys and order as the action", async () => {
    let compared = 0;
    for (const m of FORM_SCHEMA_MODULES) {
      const mod = (await import(`../../app/schemas/${m}.ts`)) as Record<string, unknown>;
      for (const [name, value] of Object.entries(mod)) {
        const args = FACTORIES[`${m}.${name}`];
        const built = args ? (value as (...a: unknown[]) => unknown)(...args) : value;
        const schemas: [string, unknown][] =
          name === "sectionSchemas" ? Object.entries(sectionSchemas("2026-03-01")).map(([s, v]) => [`${name}.${s}`, v]) : [[name, built]];
        for (const [label, schema] of schemas) {
          if (!schema || typeof schema !== "object" || !("safeParse" in schema)) continue;
          for (const input of sampleInputs(schema)) {
            const rhf = await checkWithForm(schema as zod.ZodType, input);
            expect(Object.entries(rhf), `${m}.${label}`).toEqual(Object.entries(zodKeys(schema as zod.ZodType, input)));
          }
          compared++;
        }
      }
    }
    expect(compared).toBeGreaterThan(30);
  });
});
