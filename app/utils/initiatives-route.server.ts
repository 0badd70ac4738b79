// Route plumbing shared by the initiative pages: the :id and :version parameters, and the
// banner a page shows after a change (?da-luu=…).
import { json } from "@remix-run/node";

function positiveParam(value: string | undefined): number {
  const n = Number(value);
  if (!value || !Number.isSafeInteger(n) || n <= 0) throw json({ message: "not_found" }, { status: 404 });
  return n;
}

/** The :id of an initiative URL; anything but a positive integer is a 404. */
export const initiativeIdParam = (params: Record<string, string | undefined>) => positiveParam(params.id);
export const versionParam = (params: Record<string, string | undefined>) => positiveParam(params.version);

const SAVED = {
  tao: "initiatives.saved.created",
  muc: "initiatives.saved.section",
  "tiep-nhan": "initiatives.saved.accepted",
  "tra-lai": "initiatives.saved.returned",
  rut: "initiatives.saved.withdrawn",
} as const;
export type SavedBanner = (typeof SAVED)[keyof typeof SAVED];

export function savedBanner(url: URL): SavedBanner | null {
  const value = url.searchParams.get("da-luu") ?? "";
  return value in SAVED ? SAVED[value as keyof typeof SAVED] : null;
}

/** ?phien-ban=N on a receipt URL: that submitted version; otherwise the latest one. */
export function receiptVersion(url: URL): number | undefined {
  const n = Number(url.searchParams.get("phien-ban"));
  return Number.isSafeInteger(n) && n > 0 ? n : undefined;
}
