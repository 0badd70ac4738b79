// The CSV template (UTF-8 with a byte-order mark, semicolons): header row and one example row.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { templateCsv } from "~/models/import-template.server";
import { guard } from "~/utils/http.server";
import { requireSession } from "~/utils/request.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const { ctx } = await requireSession(request);
  const body = await guard(() => templateCsv(ctx));
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": 'attachment; filename="mau-danh-sach-can-bo.csv"',
      "Cache-Control": "no-store",
    },
  });
}
