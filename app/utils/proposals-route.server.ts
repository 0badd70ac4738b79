// Route plumbing shared by the proposal pages: the :id parameter and the banner after a change.
import { json } from "@remix-run/node";

export function proposalIdParam(params: Record<string, string | undefined>): number {
  const n = Number(params.id);
  if (!params.id || !Number.isSafeInteger(n) || n <= 0) throw json({ message: "not_found" }, { status: 404 });
  return n;
}

const SAVED = ["tao", "luu", "gui", "phieu", "quyet-dinh", "ket-thuc", "bao-cao", "danh-gia"] as const;
export type ProposalSaved = `proposals.saved.${(typeof SAVED)[number]}`;

export function proposalSaved(url: URL): ProposalSaved | null {
  const value = url.searchParams.get("da-luu") ?? "";
  return (SAVED as readonly string[]).includes(value) ? (`proposals.saved.${value}` as ProposalSaved) : null;
}
