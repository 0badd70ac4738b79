// The council's minutes (biên bản) as a DOCX in the party layout, for the council's viewers.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { minutesDocx } from "~/models/decisions-docs.server";
import { download, idParam } from "~/utils/decisions-route.server";
import { requireSession } from "~/utils/request.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { ctx } = await requireSession(request);
  const id = idParam(params.id);
  return download(() => minutesDocx(ctx, id), "docx");
}
