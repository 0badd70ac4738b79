// A person's record as a summary list (label / value / change link).
import { SummaryList } from "~/components/summary";
import { formatDate } from "~/i18n/format";
import { useT } from "~/i18n/use-t";

export type PersonSummaryData = {
  familyName: string;
  middleName: string;
  givenName: string;
  dateOfBirth: string | null;
  position: string;
  orgName: string;
  orgCode: string;
  partyMember: boolean;
  email: string | null;
  active: boolean;
};

export function PersonSummary({ person, editHref }: { person: PersonSummaryData; editHref?: string }) {
  const t = useT();
  const change = editHref ? { href: editHref, hrefLabel: t("form.change") } : {};
  const dash = t("people.value.none");
  return (
    <SummaryList
      rows={[
        { label: t("people.field.familyName"), value: person.familyName, ...change },
        { label: t("people.field.middleName"), value: person.middleName || dash, ...change },
        { label: t("people.field.givenName"), value: person.givenName, ...change },
        { label: t("people.field.dateOfBirth"), value: person.dateOfBirth ? formatDate(person.dateOfBirth) : dash, ...change },
        { label: t("people.field.position"), value: person.position || dash, ...change },
        {
          label: t("people.field.org"),
          value: (
            <>
              {person.orgName} <span className="mono">({person.orgCode})</span>
            </>
          ),
          ...change,
        },
        { label: t("people.field.partyMember"), value: t(person.partyMember ? "form.yes" : "form.no"), ...change },
        { label: t("people.field.email"), value: person.email || dash, ...change },
        { label: t("people.field.active"), value: t(person.active ? "status.active" : "status.inactive") },
      ]}
    />
  );
}
