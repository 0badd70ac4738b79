// Download one evidence file of a results report, for whoever may see the initiative: always
// a download under the type detected at upload, sandboxed, never cached.
import { createReadStream, statSync } from "node:fs";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { notFound } from "~/models/errors";
import { openReportFile } from "~/models/result-reports.server";
import { idParam } from "~/utils/decisions-route.server";
import { guard, toResponse } from "~/utils/http.server";
import { requireSession } from "~/utils/request.server";

function disposition(fileName: string): string {
  const fallback = fileName.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[đĐ]/g, "d").replace(/[^\x20-\x7e]|["\\%;]/g, "_") || "tep";
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { ctx } = await requireSession(request);
  const file = guard(() => openReportFile(ctx, idParam(params.id), idParam(params.fileId)));
  let size: number;
  try {
    size = statSync(file.filePath).size;
  } catch {
    throw toResponse(notFound());
  }
  return new Response(createReadableStreamFromReadable(createReadStream(file.filePath)), {
    headers: {
      "Content-Type": file.mediaType,
      "Content-Length": String(size),
      "Content-Disposition": disposition(file.fileName),
      "Cache-Control": "private, no-store",
      "Content-Security-Policy": "default-src 'none'; sandbox",
    },
  });
}
