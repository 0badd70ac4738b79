// Inputs that exercise every form schema (empty, markup, dates, numbers, checkbox values, long
// text, files, mismatched passwords), shared by the tests that compare the browser's check with
// the action's: tests/app/schema-recording.test.ts and form-check.test.ts.

/** The schema modules whose schemas forms use. */
export const FORM_SCHEMA_MODULES = ["auth", "attachments", "councils", "decisions", "import", "initiatives", "ledger", "orgs", "people", "proposals", "scoring", "tasks", "search", "initiative-filters"];

export const testFile = (name: string, size: number) => new File([new Uint8Array(size)], name);

/** Values for each field of an object schema (read from its `shape`), and some whole forms. */
export function sampleInputs(schema: unknown): Record<string, unknown>[] {
  const keys = Object.keys((schema as { shape?: Record<string, unknown> }).shape ?? {});
  const fill = (v: unknown) => Object.fromEntries(keys.map((k) => [k, v]));
  return [
    {},
    fill(""),
    fill("abc"),
    fill("<b>x</b>"),
    fill("01/02/2026"),
    fill("12"),
    fill("on"),
    fill("x".repeat(20_000)),
    { ...fill("Nguyễn Văn A"), file: testFile("a.pdf", 10), intent: "remove", attachmentId: "7" },
    { file: testFile("a.doc", 10_000_000) },
    { newPassword: "abcdefghijkl", confirmPassword: "abcdefghijkm", currentPassword: "x" },
  ];
}
