// The browser builds form schemas from a recording of the z calls (app/schemas/zod-lazy.client.ts)
// so that zod is not part of a page's first load. The rebuilt schema must judge every input
// exactly as the schema the action uses: same success, same data, same messages on the same fields.
import { afterEach, describe, expect, it, vi } from "vitest";
import { FORM_SCHEMA_MODULES, sampleInputs } from "../helpers/form-inputs";

type Parsed = { success: boolean; data?: unknown; error?: { issues: { path: PropertyKey[]; message: string }[] } };
type SchemaLike = { safeParse: (v: unknown) => Parsed };

async function load(recorded: boolean): Promise<Record<string, Record<string, unknown>>> {
  vi.resetModules();
  if (recorded) vi.doMock("~/schemas/zod.server", () => ({ zod: undefined }));
  else vi.doUnmock("~/schemas/zod.server");
  const out: Record<string, Record<string, unknown>> = {};
  for (const m of FORM_SCHEMA_MODULES) out[m] = (await import(`../../app/schemas/${m}.ts`)) as Record<string, unknown>;
  return out;
}

/** Schemas that are built by a function, with arguments to build them. */
const FACTORIES: Record<string, unknown[][]> = {
  "attachments.uploadSchema": [[1000]],
  "initiatives.sectionSchemas": [["2026-03-01"], [null]],
  "proposals.votesSchema": [[[3, 5]]],
  "scoring.sheetSchema": [[[{ id: 1, maxPoints: 10 }, { id: 2, maxPoints: 5 }], { requireAll: true }]],
};

const outcome = (r: Parsed) =>
  r.success ? { ok: true, data: r.data } : { ok: false, issues: r.error!.issues.map((i) => [i.path.join("."), i.message]) };

afterEach(() => {
  vi.doUnmock("~/schemas/zod.server");
  vi.resetModules();
});

describe("schemas recorded in the browser and rebuilt with zod", () => {
  it("judge every input as the server's schemas do", async () => {
    const recorded = await load(true);
    const { realize, isRecording } = await import("~/schemas/zod-lazy.client");
    const real = await load(false);
    let compared = 0;
    for (const m of FORM_SCHEMA_MODULES) {
      for (const [name, value] of Object.entries(real[m]!)) {
        const pairs: [SchemaLike, unknown][] = [];
        const args = FACTORIES[`${m}.${name}`];
        if (args) for (const a of args) pairs.push([(value as (...x: unknown[]) => SchemaLike)(...a), (recorded[m]![name] as (...x: unknown[]) => unknown)(...a)]);
        else if (value && typeof value === "object" && "safeParse" in value) pairs.push([value as SchemaLike, recorded[m]![name]]);
        for (const [server, browser] of pairs) {
          const rebuilt = name === "sectionSchemas" ? null : ((await realize(browser)) as unknown as SchemaLike);
          if (name === "sectionSchemas") {
            // A record of section → schema: compare each section.
            for (const [section, s] of Object.entries(server as unknown as Record<string, SchemaLike>)) {
              expect(isRecording((browser as Record<string, unknown>)[section]), `${m}.${name}.${section} is a recording`).toBe(true);
              const r = (await realize((browser as Record<string, unknown>)[section])) as unknown as SchemaLike;
              for (const input of sampleInputs(s)) expect(outcome(r.safeParse(input)), `${m}.${name}.${section}`).toEqual(outcome(s.safeParse(input)));
              compared++;
            }
            continue;
          }
          expect(isRecording(browser), `${m}.${name} is a recording in the browser`).toBe(true);
          for (const input of sampleInputs(server)) expect(outcome(rebuilt!.safeParse(input)), `${m}.${name}`).toEqual(outcome(server.safeParse(input)));
          compared++;
        }
      }
    }
    // Every form schema of the portal was compared (a new one is picked up automatically).
    expect(compared).toBeGreaterThan(30);
  });

  it("the sign-in schema rebuilt gives the catalog keys the form shows", async () => {
    const recorded = await load(true);
    const { realize } = await import("~/schemas/zod-lazy.client");
    const schema = (await realize(recorded.auth!.signInSchema)) as unknown as SchemaLike;
    expect(outcome(schema.safeParse({ username: " ", password: "" }))).toEqual({
      ok: false,
      issues: [
        ["username", "auth.username.required"],
        ["password", "auth.password.required"],
      ],
    });
  });
});
