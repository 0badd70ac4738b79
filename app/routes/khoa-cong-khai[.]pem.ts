// The portal's public key, published so that receipts and the ledger can be checked offline.
import { secrets } from "~/utils/request.server";

export function loader() {
  return new Response(secrets().publicKeyPem, {
    headers: {
      "Content-Type": "application/x-pem-file; charset=utf-8",
      "Content-Disposition": 'inline; filename="khoa-cong-khai.pem"',
      "Cache-Control": "public, max-age=3600",
    },
  });
}
