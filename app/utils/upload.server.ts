// Reading a multipart form with one file in it. The file is held in memory up to the limit;
// past it, the rest of the part is read and dropped (not buffered) and the form still comes
// back with its other fields, so the page can say "too large" next to the file input and keep
// what else was typed.
import {
  MaxPartSizeExceededError,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
  type UploadHandler,
} from "@remix-run/node";

export type Upload = {
  /** The text fields as submitted. */
  values: Record<string, string>;
  /** The file of `fileField`, when one was chosen and it fits. */
  file: { name: string; bytes: Uint8Array } | null;
  /** The file was over the limit (and was not kept). */
  tooLarge: boolean;
};

// Text fields of these forms are short; anything longer is not a field of ours.
const MAX_TEXT_PART = 64 * 1024;

export function isMultipart(request: Request): boolean {
  return (request.headers.get("Content-Type") ?? "").toLowerCase().startsWith("multipart/form-data");
}

export async function readUpload(request: Request, opts: { fileField: string; maxBytes: number }): Promise<Upload> {
  let tooLarge = false;
  const files = unstable_createMemoryUploadHandler({ maxPartSize: opts.maxBytes, filter: ({ name, filename }) => name === opts.fileField && filename !== undefined });
  const texts = unstable_createMemoryUploadHandler({ maxPartSize: MAX_TEXT_PART, filter: ({ filename }) => filename === undefined });
  const handler: UploadHandler = async (part) => {
    // A file input left empty comes as a part named like it with an empty (or no) file name.
    if (part.name === opts.fileField && !part.filename) return drain(part.data);
    if (part.filename === undefined) return texts(part);
    if (part.name !== opts.fileField) return drain(part.data);
    try {
      return await files(part);
    } catch (error) {
      if (!(error instanceof MaxPartSizeExceededError)) throw error;
      tooLarge = true;
      // The parser would otherwise buffer the rest of the part itself.
      return drain(part.data);
    }
  };
  const form = await unstable_parseMultipartFormData(request, handler);
  const values: Record<string, string> = {};
  let file: Upload["file"] = null;
  for (const [key, value] of form) {
    if (typeof value === "string") values[key] = value;
    else if (key === opts.fileField && !file) file = { name: value.name, bytes: new Uint8Array(await value.arrayBuffer()) };
  }
  return { values, file, tooLarge };
}

async function drain(data: AsyncIterable<Uint8Array>): Promise<undefined> {
  for await (const _chunk of data) {
    // dropped
  }
  return undefined;
}
