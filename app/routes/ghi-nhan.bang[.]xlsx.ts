// The credit table (by organization, person and year, within the actor's subtrees) as XLSX.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { creditXlsx } from "~/models/credit.server";
import { download } from "~/utils/decisions-route.server";
import { requireSession } from "~/utils/request.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const { ctx } = await requireSession(request);
  const n = Number(new URL(request.url).searchParams.get("nam"));
  const year = Number.isInteger(n) && n >= 2000 && n <= 2100 ? n : null;
  return download(async () => ({ body: await creditXlsx(ctx, { year }), fileName: `ghi-nhan${year ? `-${year}` : ""}.xlsx` }), "xlsx");
}
