// Route plumbing of the organization pages.
import { json, type LoaderFunctionArgs } from "@remix-run/node";

/** The :id of an organization URL; anything but a positive integer is a 404. */
export function orgIdParam(params: LoaderFunctionArgs["params"]): number {
  const id = Number(params.id);
  if (!Number.isSafeInteger(id) || id <= 0) throw json({ message: "not_found" }, { status: 404 });
  return id;
}

/** ?da-luu=… on a node page after a change → the banner's catalog key. */
export const SAVED_BANNERS = {
  tao: "orgs.saved.created",
  "doi-ten": "orgs.saved.renamed",
  chuyen: "orgs.saved.moved",
  "giai-the": "orgs.saved.closed",
} as const;

export function savedBanner(url: URL): (typeof SAVED_BANNERS)[keyof typeof SAVED_BANNERS] | null {
  const value = url.searchParams.get("da-luu") ?? "";
  return value in SAVED_BANNERS ? SAVED_BANNERS[value as keyof typeof SAVED_BANNERS] : null;
}
