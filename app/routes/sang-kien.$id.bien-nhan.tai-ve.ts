// The signed receipt file (JSON) of a submitted version, as a download.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { receiptFor } from "~/models/initiatives.server";
import { guard } from "~/utils/http.server";
import { initiativeIdParam, receiptVersion } from "~/utils/initiatives-route.server";
import { requireSession } from "~/utils/request.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { ctx } = await requireSession(request);
  const id = initiativeIdParam(params);
  const receipt = guard(() => receiptFor(ctx, id, receiptVersion(new URL(request.url))));
  const name = `bien-nhan-${receipt.receipt.registrationNumber}-v${receipt.receipt.version}.json`;
  return new Response(`${JSON.stringify(receipt, null, 2)}\n`, {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="${name}"`,
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
    },
  });
}
