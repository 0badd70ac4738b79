// The application form of an initiative (sáng kiến) or prevention solution (giải pháp phòng
// ngừa), one zod schema per section (Decree 13/2012, Circular 18/2013). Shared by the browser
// and the server; messages are catalog keys; no server imports. A draft may be incomplete:
// the schemas check the form of what was typed, `sectionProblems(..., { complete: true })`
// adds what submission requires. Status, times and organizations are not fields of any
// section: the parse drops whatever a request sends for them.
import { z } from "./z";
import type { InitiativeKind } from "../../db/enums";
import { parseDate } from "~/i18n/format";
import { noMarkup } from "./common";

export const SECTIONS = ["general", "solution", "conditions", "benefit", "trial", "confidential", "prevention", "authors", "statement"] as const;
export type Section = (typeof SECTIONS)[number];
export type SectionState = "not_started" | "in_progress" | "done";

/** The sections of the form of each kind, in the order of the task list. */
export function sectionsFor(kind: InitiativeKind): Section[] {
  return SECTIONS.filter((s) => s !== "prevention" || kind === "solution");
}

export const isSection = (s: string): s is Section => (SECTIONS as readonly string[]).includes(s);

export const MAX_AUTHORS = 20;
export const SHORT = 300;
export const LONG = 10_000;

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

/** "33,33" / "33.33" / 33.33 → 3333 hundredths of a percent; null when not a share. */
export function parseShare(value: unknown): number | null {
  const s = typeof value === "number" ? String(value) : typeof value === "string" ? value.trim() : "";
  const m = /^(\d{1,3})(?:[.,](\d{1,2}))?$/.exec(s);
  if (!m) return null;
  const bp = Number(m[1]) * 100 + Number((m[2] ?? "").padEnd(2, "0"));
  return bp > 0 && bp <= 10_000 ? bp : null;
}

/** 3333 → "33,33" (Vietnamese decimal comma). */
export function formatShare(bp: number): string {
  const whole = Math.floor(bp / 100);
  const rest = bp % 100;
  return rest ? `${whole},${String(rest).padStart(2, "0")}` : String(whole);
}

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

/** What submission requires of each section beyond the form of its values. */
export const REQUIRED: Record<Section, readonly string[]> = {
  general: ["title", "field", "firstAppliedOn"],
  solution: ["steps", "improvement", "howToApply"],
  conditions: ["conditions"],
  benefit: ["expectedBenefit"],
  trial: [],
  confidential: [],
  prevention: ["risk", "scope", "resources", "expectedEffect"],
  authors: [],
  statement: [],
};

export type FieldErrors = Record<string, string>;
export type SectionCheck = { ok: true; data: Record<string, unknown> } | { ok: false; errors: FieldErrors };

/** Check one section's values: their form always, and with `complete` what submission needs. */
export function checkSection(section: Section, values: unknown, opts: { today: string | null; complete: boolean }): SectionCheck {
  const result = sectionSchemas(opts.today)[section].safeParse(values ?? {});
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

/** The author rows as a plain form sends them ("authors.0.fullName" …), in index order; a
 * missing index is an empty row, so that row numbers match what the person sees. */
export function authorRowsFromForm(values: Record<string, string>): Record<string, string>[] {
  const rows: Record<string, string>[] = [];
  for (const [key, value] of Object.entries(values)) {
    const m = /^authors\.(\d{1,2})\.(\w+)$/.exec(key);
    if (!m || Number(m[1]) >= MAX_AUTHORS) continue;
    (rows[Number(m[1])] ??= {})[m[2]] = value;
  }
  return Array.from(rows, (r) => r ?? {});
}

/** A spare row of the form left empty (not an author). */
export const isBlankRow = (row: Record<string, string>) => Object.values(row).every((v) => v.trim() === "");

/** Rows back to the form's flat names. */
export function authorRowsToValues(rows: Record<string, string>[]): Record<string, string> {
  const out: Record<string, string> = {};
  rows.forEach((row, i) => Object.entries(row).forEach(([k, v]) => (out[`authors.${i}.${k}`] = v)));
  return out;
}

// --- Decisions ---------------------------------------------------------------------------

export const reasonSchema = z.object({
  reason: z.string({ error: "errors.required" }).trim().normalize("NFC").min(1, "errors.required").max(2000, "errors.tooLong").refine(noMarkup, "errors.noMarkup"),
});
export const optionalReasonSchema = z.object({ reason: text(2000) });

// --- Inbox filters ------------------------------------------------------------------------

export const INBOX_SORTS = ["newest", "oldest", "due", "number"] as const;
export type InboxSort = (typeof INBOX_SORTS)[number];

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
