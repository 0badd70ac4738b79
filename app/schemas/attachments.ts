// The attachments section's forms. The browser checks what it can know (a file chosen, its size,
// an accepted extension); the server decides from the bytes. No server imports here.
import { z } from "./z";
import { EXTENSIONS } from "~/utils/file-kinds";

const accepted = new Set(Object.values(EXTENSIONS).flat());

/** The chosen file, as the browser holds it: a FileList (with JavaScript), a File (in the action). */
function firstFile(v: unknown): { size: number; name: string } | null {
  const f = v && typeof v === "object" && "length" in v ? (v as ArrayLike<unknown>)[0] : v;
  return f && typeof f === "object" && "size" in f && "name" in f ? (f as { size: number; name: string }) : null;
}

const extension = (name: string) => /\.([A-Za-z0-9]{1,10})$/.exec(name)?.[1]?.toLowerCase() ?? "";

export function uploadSchema(maxBytes: number) {
  return z.object({
    file: z
      .custom<unknown>((v) => {
        const f = firstFile(v);
        return !!f && f.name !== "";
      }, "attachments.errors.required")
      .refine((v) => (firstFile(v)?.size ?? 0) > 0, "attachments.errors.empty")
      .refine((v) => (firstFile(v)?.size ?? 0) <= maxBytes, "attachments.errors.tooLarge")
      .refine((v) => {
        const ext = extension(firstFile(v)?.name ?? "");
        return ext === "doc" || ext === "xls" || accepted.has(ext);
      }, "attachments.errors.wrongType")
      .refine((v) => !["doc", "xls"].includes(extension(firstFile(v)?.name ?? "")), "attachments.errors.legacyOffice"),
  });
}

export const removeSchema = z.object({
  intent: z.literal("remove"),
  attachmentId: z.string().regex(/^\d{1,12}$/).transform(Number),
});

/** An id from the URL or a form; anything else is 0, which no record has. */
export function idOf(s: string | null | undefined): number {
  return s && /^\d{1,12}$/.test(s) ? Number(s) : 0;
}
