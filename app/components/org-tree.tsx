// The tree browse: roots of the actor's scope, a page of their children, and nodes expanded
// by links (?mo=12,40) so that it works without JavaScript and never lists everything at once.
import { useLocation } from "@remix-run/react";
import { useT } from "~/i18n/use-t";
import { formatNumber } from "~/i18n/format";
import { OrgStatus, useKindLabel } from "./org-parts";
import { Link } from "~/components/link";

type Child = { id: number; code: string; name: string; kind: string; validTo: string | null; openChildren: number };
type Page = { rows: Child[]; total: number };

export function OrgTree({ roots, expanded }: { roots: { node: Child; children: Page }[]; expanded: Record<string, Page> }) {
  return (
    <ul className="tree">
      {roots.map((root) => (
        <TreeItem key={root.node.id} node={root.node} page={root.children} expanded={expanded} isRoot />
      ))}
    </ul>
  );
}

function TreeItem({ node, page, expanded, isRoot = false }: { node: Child; page?: Page; expanded: Record<string, Page>; isRoot?: boolean }) {
  const t = useT();
  const kindLabel = useKindLabel();
  const location = useLocation();
  const open = page ?? expanded[String(node.id)];
  const toggle = () => {
    const params = new URLSearchParams(location.search);
    const ids = (params.get("mo") ?? "").split(",").filter(Boolean);
    const next = open ? ids.filter((id) => id !== String(node.id)) : [...ids, String(node.id)];
    if (next.length) params.set("mo", next.join(","));
    else params.delete("mo");
    const qs = params.toString();
    return `${qs ? `?${qs}` : location.pathname}#n-${node.id}`;
  };
  return (
    <li id={`n-${node.id}`}>
      <span className="tree__node">
        <Link to={`/quan-tri/to-chuc/${node.id}`} className={isRoot ? "tree__root" : undefined}>
          {node.name}
        </Link>{" "}
        <span className="caption">
          <span className="mono">{node.code}</span> · {kindLabel(node.kind)}
          {node.openChildren ? ` · ${t("orgs.tree.childCount", { n: formatNumber(node.openChildren) })}` : ""}
        </span>{" "}
        {node.validTo ? <OrgStatus validTo={node.validTo} /> : null}{" "}
        {!isRoot && node.openChildren ? (
          <Link to={toggle()} preventScrollReset className="tree__toggle">
            {open ? t("orgs.tree.collapse") : t("orgs.tree.expand")}
            <span className="visually-hidden"> {node.name}</span>
          </Link>
        ) : null}
      </span>
      {open && open.rows.length ? (
        <ul>
          {open.rows.map((child) => (
            <TreeItem key={child.id} node={child} expanded={expanded} />
          ))}
          {!isRoot && open.total > open.rows.length ? (
            <li>
              <Link to={`/quan-tri/to-chuc/${node.id}`}>{t("orgs.tree.more", { n: formatNumber(open.total) })}</Link>
            </li>
          ) : null}
        </ul>
      ) : null}
    </li>
  );
}
