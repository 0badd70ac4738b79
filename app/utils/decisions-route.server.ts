// Route plumbing of the decision, credit and report pages: positive id parameters, model
// calls whose 409 refusals belong on the form (not on an error page), and file downloads.
import { json } from "@remix-run/node";
import { DomainError } from "~/models/errors";
import { attempt, formFailure, toResponse } from "./http.server";

export function idParam(value: string | undefined): number {
  const n = Number(value);
  if (!value || !/^\d{1,12}$/.test(value) || !Number.isSafeInteger(n) || n <= 0) throw json({ message: "not_found" }, { status: 404 });
  return n;
}

/** Like attempt(), but a conflict ("already decided", "sheets still open") is shown on the
 * form with what was typed, since the person can act on it. */
export async function attemptForm<T>(fn: () => T | Promise<T>, values: Record<string, string>) {
  try {
    return { ok: true as const, value: await fn() };
  } catch (error) {
    if (error instanceof DomainError && error.status === 409 && !Object.keys(error.fieldErrors).length) {
      return { ok: false as const, response: formFailure({}, values, error.message, 409) };
    }
    return attempt(() => {
      throw error;
    }, values) as Promise<{ ok: false; response: ReturnType<typeof formFailure> }>;
  }
}

const TYPES = {
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
} as const;

/** A generated document as a download, never cached (it may be confidential). */
export async function download(make: () => Promise<{ body: Buffer; fileName: string }>, kind: keyof typeof TYPES): Promise<Response> {
  let file: { body: Buffer; fileName: string };
  try {
    file = await make();
  } catch (error) {
    throw toResponse(error);
  }
  return new Response(new Uint8Array(file.body), {
    headers: {
      "Content-Type": TYPES[kind],
      "Content-Length": String(file.body.length),
      "Content-Disposition": `attachment; filename="${file.fileName.replace(/[^\w.-]/g, "_")}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
