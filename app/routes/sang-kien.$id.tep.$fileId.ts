// Download one attachment, for those the model lets open it (the authors; once a version that
// includes it is submitted, whoever may see the registration). Always a download under the type
// detected at upload, never rendered in the portal's origin: attachment, a sandboxing CSP, no
// caching anywhere (the file may be a private draft), and `X-Content-Type-Options: nosniff`,
// which app/server.mjs sets on every response (set here too, Remix would send it twice).
import { createReadStream, statSync } from "node:fs";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { openAttachment } from "~/models/attachments.server";
import { notFound } from "~/models/errors";
import { guard, toResponse } from "~/utils/http.server";
import { requireSession } from "~/utils/request.server";

const idOf = (s: string | undefined) => (s && /^\d{1,12}$/.test(s) ? Number(s) : 0);

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

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { ctx } = await requireSession(request);
  const file = guard(() => openAttachment(ctx, idOf(params.id), idOf(params.fileId)));
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
