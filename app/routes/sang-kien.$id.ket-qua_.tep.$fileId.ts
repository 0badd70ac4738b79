// Download one evidence file of a results report, for whoever may see the initiative.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { openReportFile } from "~/models/result-reports.server";
import { idParam } from "~/utils/decisions-route.server";
import { fileDownload } from "~/utils/download.server";
import { guard } from "~/utils/http.server";
import { requireSession } from "~/utils/request.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { ctx } = await requireSession(request);
  return fileDownload(guard(() => openReportFile(ctx, idParam(params.id), idParam(params.fileId))));
}
