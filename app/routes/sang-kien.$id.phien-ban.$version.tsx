import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { AttachmentList } from "~/components/attachment-list";
import { PageTitle } from "~/components/form";
import { ContentSections } from "~/components/initiative-parts";
import { SummaryList } from "~/components/summary";
import type { MessageKey, Translate } from "~/i18n";
import { formatDate, formatDateTime } from "~/i18n/format";
import { useT } from "~/i18n/use-t";
import { listAttachments } from "~/models/attachments.server";
import { getVersionView } from "~/models/initiatives.server";
import { guard } from "~/utils/http.server";
import { initiativeIdParam, versionParam } from "~/utils/initiatives-route.server";
import { requireSession } from "~/utils/request.server";
import { Link } from "~/components/link";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { ctx } = await requireSession(request);
  const id = initiativeIdParam(params);
  const version = versionParam(params);
  const view = guard(() => getVersionView(ctx, id, version));
  const files = guard(() => listAttachments(ctx, id, version));
  return json({ view, files });
}

/** "general.title" → "Thông tin chung — Tên sáng kiến, giải pháp". */
function changeLabel(t: Translate, field: string): string {
  if (field === "authors") return t("initiatives.section.authors");
  if (field === "attachments") return t("initiatives.field.attachments");
  const [section, name] = field.split(".");
  return `${t(`initiatives.section.${section}` as MessageKey)} — ${t(`initiatives.field.${section}.${name}` as MessageKey)}`;
}

function changeText(field: string, text: string): string {
  return field === "general.firstAppliedOn" ? formatDate(text) : text;
}

export default function VersionPage() {
  const { view, files } = useLoaderData<typeof loader>();
  const t = useT();
  const title = t("initiatives.versions.label", { version: view.version });
  return (
    <>
      <PageTitle title={`${title} — ${view.title || t("initiatives.untitled")}`} />
      <p className="no-print">
        <Link to={`/sang-kien/${view.id}`}>‹ {t("initiatives.versions.back")}</Link>
      </p>
      <p className="caption">
        {view.registrationNumber ? <span className="mono">{view.registrationNumber}</span> : null} {view.title}
      </p>
      <h1>{title}</h1>
      <SummaryList
        rows={[
          { label: t("initiatives.versions.submittedAt"), value: view.submittedAt ? formatDateTime(view.submittedAt) : t("initiatives.versions.draft") },
          ...(view.contentSha256 ? [{ label: t("receipts.field.hash"), value: <span className="mono">{view.contentSha256}</span> }] : []),
          ...(view.ledgerSeq ? [{ label: t("receipts.field.ledger"), value: <span className="mono">#{view.ledgerSeq} {view.ledgerHash}</span> }] : []),
        ]}
      />
      {view.submittedAt ? (
        <p className="no-print">
          <Link to={`/sang-kien/${view.id}/bien-nhan?phien-ban=${view.version}`}>{t("initiatives.versions.receipt")}</Link>
        </p>
      ) : null}
      {view.previous ? (
        <section aria-labelledby="changes-title">
          <h2 id="changes-title">{t("initiatives.versions.changes", { previous: view.previous })}</h2>
          {view.changes.length ? (
            <div className="table-wrap">
              <table className="diff-table">
                <caption className="visually-hidden">{t("initiatives.versions.changes", { previous: view.previous })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("initiatives.versions.field")}</th>
                    <th scope="col">{t("initiatives.versions.before", { version: view.previous })}</th>
                    <th scope="col">{t("initiatives.versions.after", { version: view.version })}</th>
                  </tr>
                </thead>
                <tbody>
                  {view.changes.map((c) => (
                    <tr key={c.field}>
                      <th scope="row">{changeLabel(t, c.field)}</th>
                      <td data-label={t("initiatives.versions.before", { version: view.previous! })} className="prewrap diff-before">
                        {changeText(c.field, c.before) || "—"}
                      </td>
                      <td data-label={t("initiatives.versions.after", { version: view.version })} className="prewrap diff-after">
                        {changeText(c.field, c.after) || "—"}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : (
            <p>{t("initiatives.versions.noChanges")}</p>
          )}
        </section>
      ) : null}
      <h2>{t("initiatives.versions.content")}</h2>
      <ContentSections kind={view.kind} content={view.content} authors={view.authors} headingLevel={3} />
      <h3>{t("initiatives.field.attachments")}</h3>
      <AttachmentList initiativeId={view.id} files={files} />
    </>
  );
}
