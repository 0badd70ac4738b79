// The council's score sheet (every evaluator's scores) as XLSX, for the council's viewers only.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { scoreSheetXlsx } from "~/models/decisions-docs.server";
import { download, idParam } from "~/utils/decisions-route.server";
import { requireSession } from "~/utils/request.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { ctx } = await requireSession(request);
  const id = idParam(params.id);
  return download(() => scoreSheetXlsx(ctx, id), "xlsx");
}
