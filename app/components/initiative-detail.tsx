// The two faces of an initiative's page: the authors' task list while it is a draft or returned
// for revision (each section with its state, attachments, then check and submit), and the
// record everyone allowed to see it reads (summary, actions, content, files, versions).
import type { SerializeFrom } from "@remix-run/node";
import { AttachmentList } from "~/components/attachment-list";
import { ContentSections, InitiativeStatusTag, SectionStateTag } from "~/components/initiative-parts";
import { SummaryList, Tag } from "~/components/summary";
import type { MessageKey } from "~/i18n";
import { formatDate, formatDateTime, formatNumber } from "~/i18n/format";
import { useT } from "~/i18n/use-t";
import type { AttachmentItem } from "~/models/attachments.server";
import type { InitiativeDetail } from "~/models/initiatives.server";
import { REQUIRED, sectionsFor, type Section } from "~/schemas/initiative-sections";
import { Link } from "~/components/link";

/** Sections nothing is required of (trial, confidential): left empty, they are complete. */
const optionalSection = (s: Section) => s !== "statement" && s !== "authors" && REQUIRED[s].length === 0;

type Detail = SerializeFrom<InitiativeDetail>;
type Files = SerializeFrom<AttachmentItem[]>;

function Heading({ initiative }: { initiative: Detail }) {
  const t = useT();
  return (
    <>
      <p className="caption">
        {t(`initiatives.kind.${initiative.kind}` as MessageKey)}
        {initiative.registrationNumber ? (
          <>
            {" · "}
            <span className="mono">{initiative.registrationNumber}</span>
          </>
        ) : null}
      </p>
      <h1>{initiative.title || t("initiatives.untitled")}</h1>
      <p>
        <InitiativeStatusTag status={initiative.status} />
      </p>
    </>
  );
}

function ReturnedBanner({ initiative }: { initiative: Detail }) {
  const t = useT();
  if (initiative.status !== "returned" || !initiative.returnedReason) return null;
  return (
    <div className="banner banner--warning" role="region" aria-labelledby="returned-title">
      <h2 id="returned-title">{t("initiatives.returned.title")}</h2>
      <p className="prewrap">{initiative.returnedReason}</p>
      <p>{t("initiatives.returned.next")}</p>
    </div>
  );
}

/** The authors' task list (GOV.UK "task list" pattern). */
export function DraftTaskList({ initiative, files }: { initiative: Detail; files: Files }) {
  const t = useT();
  const base = `/sang-kien/${initiative.id}`;
  const states = initiative.sections ?? {};
  const sections = sectionsFor(initiative.kind);
  const done = sections.filter((s) => states[s] === "done" || (optionalSection(s) && states[s] === "not_started")).length;
  return (
    <>
      <Heading initiative={initiative} />
      <ReturnedBanner initiative={initiative} />
      <SummaryList
        rows={[
          { label: t("initiatives.detail.org"), value: initiative.receivingOrg.name },
          { label: t("initiatives.detail.task"), value: initiative.task ? <Link to={`/nhiem-vu/${initiative.task.id}`}>{initiative.task.title}</Link> : t("initiatives.detail.noTask") },
        ]}
      />
      <h2 id="task-list-title">{t("initiatives.taskList.title")}</h2>
      <p>{t("initiatives.taskList.progress", { done, total: sections.length })}</p>
      <ol className="task-list" aria-labelledby="task-list-title">
        {sections.map((section) => (
          <li key={section} className="task-list__item">
            <Link to={`${base}/muc/${section}`} aria-describedby={`state-${section}`}>
              {t(`initiatives.section.${section}` as MessageKey)}
            </Link>
            <span id={`state-${section}`}>
              {optionalSection(section) && states[section] !== "done" ? (
                <Tag tone="grey">{t("initiatives.taskList.optional")}</Tag>
              ) : (
                <SectionStateTag state={states[section] ?? "not_started"} />
              )}
            </span>
          </li>
        ))}
        <li className="task-list__item">
          <Link to={`${base}/tep-dinh-kem`} aria-describedby="state-files">
            {t("initiatives.field.attachments")}
          </Link>
          <span id="state-files">
            <Tag tone="grey">{files.length ? t("initiatives.taskList.files", { count: formatNumber(files.length) }) : t("initiatives.taskList.optional")}</Tag>
          </span>
        </li>
      </ol>
      <h2>{t("initiatives.taskList.submitTitle")}</h2>
      <p>{t(initiative.registrationNumber ? "initiatives.taskList.resubmitLead" : "initiatives.taskList.submitLead")}</p>
      <p>
        <Link to={`${base}/kiem-tra`} className="button">
          {t("initiatives.check.link")}
        </Link>
      </p>
      {initiative.allowed.withdraw ? (
        <p>
          <Link to={`${base}/rut`}>{t("initiatives.withdraw.link")}</Link>
        </p>
      ) : null}
      {initiative.versions.some((v) => v.submittedAt) ? <Versions initiative={initiative} /> : null}
    </>
  );
}

/** What a submitted registration shows: the record, the actions the viewer may take, the content. */
export function RecordView({ initiative, files }: { initiative: Detail; files: Files }) {
  const t = useT();
  const base = `/sang-kien/${initiative.id}`;
  const rows = [
    { label: t("initiatives.detail.number"), value: initiative.registrationNumber ? <span className="mono">{initiative.registrationNumber}</span> : t("initiatives.noNumber") },
    { label: t("initiatives.detail.org"), value: initiative.receivingOrg.name },
    { label: t("initiatives.detail.task"), value: initiative.task ? <Link to={`/nhiem-vu/${initiative.task.id}`}>{initiative.task.title}</Link> : t("initiatives.detail.noTask") },
    ...(initiative.firstSubmittedAt ? [{ label: t("initiatives.detail.firstSubmittedAt"), value: formatDateTime(initiative.firstSubmittedAt) }] : []),
    ...(initiative.submittedAt && initiative.submittedAt !== initiative.firstSubmittedAt
      ? [{ label: t("initiatives.detail.submittedAt"), value: formatDateTime(initiative.submittedAt) }]
      : []),
    ...(initiative.acceptedAt ? [{ label: t("initiatives.detail.acceptedAt"), value: formatDateTime(initiative.acceptedAt) }] : []),
    ...(initiative.decisionDueOn ? [{ label: t("initiatives.detail.decisionDueOn"), value: formatDate(initiative.decisionDueOn) }] : []),
    ...(initiative.withdrawnAt ? [{ label: t("initiatives.detail.withdrawnAt"), value: formatDateTime(initiative.withdrawnAt) }] : []),
  ];
  const author = initiative.sections !== null;
  return (
    <>
      <Heading initiative={initiative} />
      <ReturnedBanner initiative={initiative} />
      {initiative.allowed.receive ? (
        <div className="panel no-print" role="region" aria-labelledby="decide-title">
          <h2 id="decide-title">{t("initiatives.decide.title")}</h2>
          <p>{t("initiatives.decide.lead")}</p>
          <div className="button-group">
            <Link to={`${base}/tiep-nhan`} className="button">
              {t("initiatives.accept.link")}
            </Link>
            <Link to={`${base}/tra-lai`} className="button button--secondary">
              {t("initiatives.return.link")}
            </Link>
          </div>
        </div>
      ) : null}
      <SummaryList rows={rows} />
      <ul className="link-list no-print">
        {initiative.registrationNumber && author ? (
          <li>
            <Link to={`${base}/bien-nhan`}>{t("initiatives.receipt.link")}</Link>
          </li>
        ) : null}
        {initiative.allowed.withdraw ? (
          <li>
            <Link to={`${base}/rut`}>{t("initiatives.withdraw.link")}</Link>
          </li>
        ) : null}
        {initiative.status === "recognised" || initiative.status === "not_recognised" ? (
          <li>
            <Link to={`${base}/quyet-dinh`}>{t("initiatives.decision.link")}</Link>
          </li>
        ) : null}
        {initiative.status === "recognised" ? (
          <li>
            <Link to={`${base}/ket-qua`}>{t("initiatives.results.link")}</Link>
          </li>
        ) : null}
      </ul>
      <h2>{t("initiatives.detail.content", { version: initiative.version })}</h2>
      <ContentSections kind={initiative.kind} content={initiative.content} authors={initiative.authors} headingLevel={3} />
      <h3>{t("initiatives.field.attachments")}</h3>
      <AttachmentList initiativeId={initiative.id} files={files} />
      <Versions initiative={initiative} />
    </>
  );
}

function Versions({ initiative }: { initiative: Detail }) {
  const t = useT();
  const submitted = initiative.versions.filter((v) => v.submittedAt);
  if (!submitted.length) return null;
  const base = `/sang-kien/${initiative.id}/phien-ban`;
  return (
    <section aria-labelledby="versions-title">
      <h2 id="versions-title">{t("initiatives.versions.title")}</h2>
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">{t("initiatives.versions.title")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("initiatives.versions.version")}</th>
              <th scope="col">{t("initiatives.versions.submittedAt")}</th>
              <th scope="col">{t("initiatives.versions.hash")}</th>
              <th scope="col">{t("initiatives.versions.ledger")}</th>
            </tr>
          </thead>
          <tbody>
            {submitted.map((v) => (
              <tr key={v.version}>
                <th scope="row">
                  <Link to={`${base}/${v.version}`}>{t("initiatives.versions.label", { version: v.version })}</Link>
                </th>
                <td data-label={t("initiatives.versions.submittedAt")}>{formatDateTime(v.submittedAt)}</td>
                <td data-label={t("initiatives.versions.hash")} className="mono">
                  {v.contentSha256?.slice(0, 16)}…
                </td>
                <td data-label={t("initiatives.versions.ledger")}>#{v.ledgerSeq}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
