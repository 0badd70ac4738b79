// A stored file sent as a download: never rendered in the portal's origin (attachment, a
// sandboxing CSP), never cached (it may be a private draft), under the type detected at upload.
// `X-Content-Type-Options: nosniff` is set on every response by app/server-worker.mjs (set here too,
// Remix would send it twice).
import { createReadStream, statSync } from "node:fs";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { notFound } from "~/models/errors";
import { toResponse } from "./http.server";

/** RFC 6266: an ASCII fallback (diacritics dropped, quotes and controls replaced) and the UTF-8 name. */
export function contentDisposition(fileName: string): string {
  const fallback =
    fileName
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/[đĐ]/g, (c) => (c === "đ" ? "d" : "D"))
      .replace(/[^\x20-\x7e]|["\\%;]/g, "_") || "tep";
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

export function fileDownload(file: { filePath: string; fileName: string; mediaType: string }): Response {
  let size: number;
  try {
    size = statSync(file.filePath).size;
  } catch {
    // A row whose bytes are missing is a fault of the server, but the visitor sees "not found".
    throw toResponse(notFound());
  }
  return new Response(createReadableStreamFromReadable(createReadStream(file.filePath)), {
    headers: {
      "Content-Type": file.mediaType,
      "Content-Length": String(size),
      "Content-Disposition": contentDisposition(file.fileName),
      "Cache-Control": "private, no-store",
      "Content-Security-Policy": "default-src 'none'; sandbox",
    },
  });
}
