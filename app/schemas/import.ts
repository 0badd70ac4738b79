import { z } from "./z";

/** Kept in step with MAX_FILE_BYTES in app/models/import-parse.server.ts (no server import here). */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

/** The chosen file, as the browser holds it: a FileList (with JavaScript), a File (in the action). */
function firstFile(v: unknown): { size: number; name: string } | null {
  const f = v && typeof v === "object" && "length" in v ? (v as ArrayLike<unknown>)[0] : v;
  return f && typeof f === "object" && "size" in f && "name" in f ? (f as { size: number; name: string }) : null;
}

export const uploadSchema = z.object({
  file: z
    .custom<unknown>((v) => {
      const f = firstFile(v);
      return !!f && f.name !== "";
    }, "import.file.required")
    .refine((v) => (firstFile(v)?.size ?? 0) <= MAX_UPLOAD_BYTES, "import.file.tooLarge"),
});

export const batchActionSchema = z.object({ intent: z.enum(["confirm", "discard"]) });

/** A batch id from the URL; anything else is a page that does not exist. */
export function batchIdOf(param: string | undefined): number | null {
  return param && /^\d{1,12}$/.test(param) ? Number(param) : null;
}
