// The Excel template: the header row the importer reads and one example row.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { templateXlsx } from "~/models/import-template.server";
import { guard } from "~/utils/http.server";
import { requireSession } from "~/utils/request.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const { ctx } = await requireSession(request);
  const body = await guard(() => templateXlsx(ctx));
  return new Response(body, {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": 'attachment; filename="mau-danh-sach-can-bo.xlsx"',
      "Cache-Control": "no-store",
    },
  });
}
