// Pieces of the initiative pages: status and section-state tags, the fields of each section,
// an application's content as summary lists (with change links on the check-answers page),
// and the authors table.
import type { InitiativeKind } from "../../db/enums";
import { SummaryList, Tag } from "~/components/summary";
import type { MessageKey, Translate } from "~/i18n";
import { formatDate } from "~/i18n/format";
import { useT } from "~/i18n/use-t";
import type { StoredAuthor } from "~/models/initiatives-shared.server";
import { formatShare, REQUIRED, sectionsFor, type Section } from "~/schemas/initiative-sections";

// The tags live in ./status-tags (list and search pages need only them, not this module).
export { InitiativeStatusTag, SectionStateTag } from "~/components/status-tags";

export type FieldKind = "text" | "textarea" | "date" | "checkbox";
export type FieldSpec = { name: string; kind: FieldKind };

/** The fields of every section but the authors, in the order of the application form. */
export const SECTION_FIELDS: Record<Exclude<Section, "authors">, FieldSpec[]> = {
  general: [
    { name: "title", kind: "text" },
    { name: "field", kind: "text" },
    { name: "firstAppliedOn", kind: "date" },
  ],
  solution: [
    { name: "steps", kind: "textarea" },
    { name: "improvement", kind: "textarea" },
    { name: "howToApply", kind: "textarea" },
  ],
  conditions: [{ name: "conditions", kind: "textarea" }],
  benefit: [
    { name: "expectedBenefit", kind: "textarea" },
    { name: "measuredBenefit", kind: "textarea" },
  ],
  trial: [{ name: "trialParticipants", kind: "textarea" }],
  confidential: [{ name: "confidential", kind: "textarea" }],
  prevention: [
    { name: "risk", kind: "textarea" },
    { name: "scope", kind: "textarea" },
    { name: "resources", kind: "textarea" },
    { name: "expectedEffect", kind: "textarea" },
  ],
  statement: [{ name: "sworn", kind: "checkbox" }],
};

export const isOptional = (section: Section, field: string) => section !== "statement" && !REQUIRED[section].includes(field);

export const fieldLabel = (t: Translate, section: Section, field: string) => t(`initiatives.field.${section}.${field}` as MessageKey);

/** One stored value as text for reading: dates dd/mm/yyyy, the statement as a sentence. */
function shownValue(t: Translate, spec: FieldSpec, value: unknown): string {
  if (spec.kind === "checkbox") return value === true ? t("initiatives.statement.given") : t("initiatives.statement.notGiven");
  const text = typeof value === "string" ? value : "";
  if (!text) return t("initiatives.value.empty");
  return spec.kind === "date" ? formatDate(text) : text;
}

export type AuthorView = StoredAuthor;

/**
 * The content of an application, section by section. With `changeBase` each row has a
 * "Thay đổi" link to its section's page (the check-answers pattern).
 */
export function ContentSections({
  kind,
  content,
  authors,
  changeBase,
  headingLevel = 2,
}: {
  kind: InitiativeKind;
  content: Record<string, unknown>;
  authors: AuthorView[];
  changeBase?: string;
  headingLevel?: 2 | 3;
}) {
  const t = useT();
  const H = headingLevel === 2 ? "h2" : "h3";
  return (
    <>
      {sectionsFor(kind).map((section) => {
        const title = t(`initiatives.section.${section}` as MessageKey);
        const href = changeBase ? `${changeBase}/muc/${section}` : undefined;
        if (section === "authors") {
          return (
            <section key={section} aria-labelledby={`sec-${section}`}>
              <H id={`sec-${section}`}>{title}</H>
              <AuthorsTable authors={authors} />
              {href ? (
                <p className="no-print">
                  <a href={href}>
                    {t("initiatives.change")}
                    <span className="visually-hidden"> {title}</span>
                  </a>
                </p>
              ) : null}
            </section>
          );
        }
        const values = (content[section] ?? {}) as Record<string, unknown>;
        const rows = SECTION_FIELDS[section].map((spec) => ({
          label: fieldLabel(t, section, spec.name),
          value: <span className="prewrap">{shownValue(t, spec, values[spec.name])}</span>,
          href,
          hrefLabel: href ? t("initiatives.change") : undefined,
        }));
        return (
          <section key={section} aria-labelledby={`sec-${section}`}>
            <H id={`sec-${section}`}>{title}</H>
            <SummaryList rows={rows} />
          </section>
        );
      })}
    </>
  );
}

export function AuthorsTable({ authors }: { authors: AuthorView[] }) {
  const t = useT();
  return (
    <div className="table-wrap">
      <table className="authors-table">
        <caption className="visually-hidden">{t("initiatives.section.authors")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("initiatives.author.fullName")}</th>
            <th scope="col">{t("initiatives.author.dateOfBirth")}</th>
            <th scope="col">{t("initiatives.author.workplace")}</th>
            <th scope="col">{t("initiatives.author.jobTitle")}</th>
            <th scope="col">{t("initiatives.author.qualification")}</th>
            <th scope="col">{t("initiatives.author.shareShort")}</th>
          </tr>
        </thead>
        <tbody>
          {authors.map((a, i) => (
            <tr key={`${a.personId ?? "x"}-${i}`}>
              <th scope="row">
                {a.fullName}
                {a.personId === null ? (
                  <>
                    {" "}
                    <Tag tone="grey">{t("initiatives.author.outside")}</Tag>
                  </>
                ) : null}
              </th>
              <td data-label={t("initiatives.author.dateOfBirth")}>{formatDate(a.dateOfBirth) || "—"}</td>
              <td data-label={t("initiatives.author.workplace")}>{a.workplace || "—"}</td>
              <td data-label={t("initiatives.author.jobTitle")}>{a.jobTitle || "—"}</td>
              <td data-label={t("initiatives.author.qualification")}>{a.qualification || "—"}</td>
              <td data-label={t("initiatives.author.shareShort")}>{formatShare(a.shareBp)} %</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
