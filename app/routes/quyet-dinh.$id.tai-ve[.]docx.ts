// The decision as a DOCX in the party layout, for whoever may see the decision.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { decisionDocx } from "~/models/decisions-docs.server";
import { download, idParam } from "~/utils/decisions-route.server";
import { requireSession } from "~/utils/request.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { ctx } = await requireSession(request);
  const id = idParam(params.id);
  return download(() => decisionDocx(ctx, id), "docx");
}
