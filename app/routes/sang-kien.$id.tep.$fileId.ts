// Download one attachment, for those the model lets open it (the authors; once a version that
// includes it is submitted, whoever may see the registration).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { openAttachment } from "~/models/attachments.server";
import { fileDownload } from "~/utils/download.server";
import { guard } from "~/utils/http.server";
import { requireSession } from "~/utils/request.server";

const idOf = (s: string | undefined) => (s && /^\d{1,12}$/.test(s) ? Number(s) : 0);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { ctx } = await requireSession(request);
  return fileDownload(guard(() => openAttachment(ctx, idOf(params.id), idOf(params.fileId))));
}
