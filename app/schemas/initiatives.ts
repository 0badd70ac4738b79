// The application form of an initiative (sáng kiến) or prevention solution (giải pháp phòng
// ngừa), one zod schema per section (Decree 13/2012, Circular 18/2013). Shared by the browser
// and the server; messages are catalog keys; no server imports. A draft may be incomplete:
// the schemas check the form of what was typed, `sectionProblems(..., { complete: true })`
// adds what submission requires. Status, times and organizations are not fields of any
// section: the parse drops whatever a request sends for them.
import { z } from "./z";
import { parseDate } from "~/i18n/format";
import { noMarkup } from "./common";
import { LONG, MAX_AUTHORS, parseShare, REQUIRED, SHORT, type FieldErrors, type Section } from "./initiative-sections";

export * from "./initiative-sections";

export const text = (max: number) =>
  z.string({ error: "errors.required" }).trim().normalize("NFC").max(max, "errors.tooLong").refine(noMarkup, "errors.noMarkup").default("");

/** dd/mm/yyyy (or YYYY-MM-DD as stored) → 'YYYY-MM-DD', "" when empty; never after `today`. */
const date = (today: string | null, futureMessage: string) =>
  z
    .string({ error: "errors.invalidDate" })
    .trim()
    .default("")
    .refine((v) => v === "" || parseDate(v) !== null, "errors.invalidDate")
    .transform((v) => (v === "" ? "" : (parseDate(v) ?? "")))
    .refine((v) => !today || v === "" || v <= today, futureMessage);

const checkbox = z
  .union([z.boolean(), z.string()])
  .optional()
  .transform((v) => v === true || v === "on" || v === "true");

const authorRow = (today: string | null) =>
  z.object({
    // A person of the portal, by username or id; otherwise an outside person by name.
    username: z.string().trim().toLowerCase().max(64, "errors.tooLong").refine(noMarkup, "errors.noMarkup").default(""),
    personId: z
      .union([z.number(), z.string()])
      .optional()
      .transform((v) => (v === undefined || v === "" ? null : Number(v)))
      .refine((v) => v === null || (Number.isSafeInteger(v) && v > 0), "initiatives.errors.unknownPerson"),
    fullName: text(200),
    workplace: text(SHORT),
    jobTitle: text(200),
    qualification: text(200),
    dateOfBirth: date(today, "initiatives.errors.birthFuture"),
    share: z
      .union([z.string(), z.number()], { error: "initiatives.errors.share" })
      .transform((v) => parseShare(v) ?? -1)
      .refine((v) => v > 0, "initiatives.errors.share"),
  });
export type AuthorInput = z.output<ReturnType<typeof authorRow>>;

const authorsSchema = (today: string | null) =>
  z
    .object({ authors: z.array(authorRow(today), { error: "initiatives.errors.authorsRequired" }).min(1, "initiatives.errors.authorsRequired").max(MAX_AUTHORS, "initiatives.errors.tooManyAuthors") })
    .superRefine(({ authors }, ctx) => {
      const seen = new Set<string>();
      authors.forEach((a, i) => {
        const member = a.username !== "" || a.personId !== null;
        if (!member && a.fullName === "") ctx.addIssue({ code: "custom", path: ["authors", i, "fullName"], message: "initiatives.errors.outsideName" });
        const key = a.personId !== null ? `id:${a.personId}` : a.username ? `u:${a.username}` : `n:${a.fullName.toLowerCase()}|${a.dateOfBirth}`;
        if (seen.has(key)) ctx.addIssue({ code: "custom", path: ["authors", i, member ? "username" : "fullName"], message: "initiatives.errors.duplicateAuthor" });
        seen.add(key);
      });
      const total = authors.reduce((sum, a) => sum + Math.max(a.share, 0), 0);
      if (authors.every((a) => a.share > 0) && total !== 10_000) ctx.addIssue({ code: "custom", path: ["shares"], message: "initiatives.errors.sharesTotal" });
    });

/** One zod schema per section. `today` (YYYY-MM-DD, the server's date in Ho Chi Minh City)
 * turns on the "not in the future" rules; the browser may pass its own date. */
export function sectionSchemas(today: string | null) {
  return {
    general: z.object({ title: text(SHORT), field: text(SHORT), firstAppliedOn: date(today, "initiatives.errors.appliedFuture") }),
    solution: z.object({ steps: text(LONG), improvement: text(LONG), howToApply: text(LONG) }),
    conditions: z.object({ conditions: text(LONG) }),
    benefit: z.object({ expectedBenefit: text(LONG), measuredBenefit: text(LONG) }),
    trial: z.object({ trialParticipants: text(LONG) }),
    confidential: z.object({ confidential: text(LONG) }),
    prevention: z.object({ risk: text(LONG), scope: text(LONG), resources: text(LONG), expectedEffect: text(LONG) }),
    authors: authorsSchema(today),
    statement: z.object({ sworn: checkbox }),
  } satisfies Record<Section, z.ZodType>;
}

export type SectionCheck = { ok: true; data: Record<string, unknown> } | { ok: false; errors: FieldErrors };

// zod schemas are immutable: the set of one date is built once, not for every section checked
// (a submission checks eight sections; building all nine schemas each time was most of its CPU).
let built: { today: string | null; schemas: ReturnType<typeof sectionSchemas> } | undefined;
function schemasOf(today: string | null): ReturnType<typeof sectionSchemas> {
  if (!built || built.today !== today) built = { today, schemas: sectionSchemas(today) };
  return built.schemas;
}

/** Check one section's values: their form always, and with `complete` what submission needs. */
export function checkSection(section: Section, values: unknown, opts: { today: string | null; complete: boolean }): SectionCheck {
  const result = schemasOf(opts.today)[section].safeParse(values ?? {});
  if (!result.success) {
    const errors: FieldErrors = {};
    for (const issue of result.error.issues) errors[issue.path.join(".") || "form"] ??= issue.message;
    return { ok: false, errors };
  }
  const data = result.data as Record<string, unknown>;
  if (!opts.complete) return { ok: true, data };
  const errors: FieldErrors = {};
  for (const field of REQUIRED[section]) if (data[field] === "" || data[field] == null) errors[field] = "errors.required";
  if (section === "statement" && data.sworn !== true) errors.sworn = "initiatives.errors.swornRequired";
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, data };
}

// --- Decisions ---------------------------------------------------------------------------

export const reasonSchema = z.object({
  reason: z.string({ error: "errors.required" }).trim().normalize("NFC").min(1, "errors.required").max(2000, "errors.tooLong").refine(noMarkup, "errors.noMarkup"),
});
export const optionalReasonSchema = z.object({ reason: text(2000) });

// --- A new registration -------------------------------------------------------------------

const optionalId = z
  .string()
  .trim()
  .default("")
  .refine((v) => v === "" || /^[1-9]\d{0,15}$/.test(v), "errors.chooseOne")
  .transform((v) => (v === "" ? null : Number(v)));

export const newDraftSchema = z.object({
  kind: z.enum(["initiative", "solution"], { error: "initiatives.errors.chooseKind" }),
  taskId: optionalId,
  receivingOrgId: optionalId,
});
