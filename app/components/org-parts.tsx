// Small pieces the organization pages share: status tag, kind label, the way back to a node.
import type { MessageKey } from "~/i18n";
import { formatDate } from "~/i18n/format";
import { useT } from "~/i18n/use-t";
import { Tag } from "./summary";
import { Link } from "~/components/link";

export function OrgStatus({ validTo }: { validTo: string | null }) {
  const t = useT();
  return validTo ? <Tag tone="grey">{t("status.closed")}</Tag> : <Tag tone="green">{t("status.active")}</Tag>;
}

export function useKindLabel() {
  const t = useT();
  return (kind: string) => t(`orgKind.${kind}` as MessageKey);
}

export function BackToNode({ id, name }: { id: number; name: string }) {
  const t = useT();
  return (
    <p className="no-print">
      <Link to={`/quan-tri/to-chuc/${id}`}>‹ {t("orgs.backToNode", { name })}</Link>
    </p>
  );
}

/** Shown instead of a change form when the node has been dissolved. */
export function ClosedNotice({ validTo }: { validTo: string | null }) {
  const t = useT();
  if (!validTo) return null;
  return (
    <div className="banner banner--warning" role="status">
      <p>{t("orgs.closedNotice", { date: formatDate(validTo) })}</p>
    </div>
  );
}
