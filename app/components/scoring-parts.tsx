// Pieces of the scoring pages: the sheet's status tag, its summary, the read-only scores table
// (after submission, on the confirmation step) and the score form's fields per criterion.
import { Tag, SummaryList } from "~/components/summary";
import { TextArea, TextField, type FormApi } from "~/components/form";
import type { EvaluationStatus } from "../../db/enums";
import type { MessageKey } from "~/i18n";
import { formatDate, formatDateTime, formatNumber, fullName } from "~/i18n/format";
import { useT } from "~/i18n/use-t";
import { commentField, scoreField } from "~/schemas/scoring";

const TONES: Record<EvaluationStatus, "grey" | "blue" | "green"> = { assigned: "grey", draft: "blue", submitted: "green" };

export function EvaluationStatusTag({ status }: { status: EvaluationStatus }) {
  const t = useT();
  return <Tag tone={TONES[status]}>{t(`scoring.status.${status}` as MessageKey)}</Tag>;
}

export function DueDate({ dueOn, overdue }: { dueOn: string; overdue: boolean }) {
  const t = useT();
  return (
    <>
      {formatDate(dueOn)}
      {overdue ? (
        <>
          {" "}
          <Tag tone="red">{t("scoring.overdueTag")}</Tag>
        </>
      ) : null}
    </>
  );
}

/** 15 half points → "7,5". */
export const points = (halfPoints: number) => formatNumber(halfPoints / 2);

type Person = { familyName: string; middleName: string; givenName: string };

export function SheetSummary({
  sheet,
}: {
  sheet: {
    status: EvaluationStatus;
    dueOn: string;
    overdue: boolean;
    submittedAt: string | null;
    reopenedCount: number;
    evaluator: Person | null;
    council: { name: string };
    initiative: { registrationNumber: string | null; version: number; submittedAt: string | null };
  };
}) {
  const t = useT();
  const rows = [
    { label: t("scoring.sheet.council"), value: sheet.council.name },
    { label: t("scoring.sheet.number"), value: <span className="mono">{sheet.initiative.registrationNumber ?? t("scoring.noNumber")}</span> },
    { label: t("scoring.sheet.version"), value: t("scoring.sheet.versionValue", { version: sheet.initiative.version, at: formatDateTime(sheet.initiative.submittedAt) }) },
    { label: t("scoring.sheet.due"), value: <DueDate dueOn={sheet.dueOn} overdue={sheet.overdue} /> },
    { label: t("scoring.sheet.status"), value: <EvaluationStatusTag status={sheet.status} /> },
  ];
  if (sheet.evaluator) rows.splice(1, 0, { label: t("scoring.sheet.evaluator"), value: fullName(sheet.evaluator) });
  if (sheet.submittedAt) rows.push({ label: t("scoring.sheet.submittedAt"), value: formatDateTime(sheet.submittedAt) });
  if (sheet.reopenedCount > 0) rows.push({ label: t("scoring.sheet.reopened"), value: formatNumber(sheet.reopenedCount) });
  return <SummaryList rows={rows} />;
}

type Criterion = { id: number; position: number; name: string; maxPoints: number; guidance: string };
type Score = { criterionId: number; halfPoints: number; comment: string };

/** The scores by criterion with the total, read only. */
export function ScoresTable({ criteria, scores, caption }: { criteria: Criterion[]; scores: Score[]; caption: string }) {
  const t = useT();
  const max = criteria.reduce((sum, c) => sum + c.maxPoints, 0);
  const total = scores.reduce((sum, s) => sum + s.halfPoints, 0);
  return (
    <div className="table-wrap">
      <table className="scores-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("scoring.sheet.criterion")}</th>
            <th scope="col">{t("scoring.sheet.max")}</th>
            <th scope="col">{t("scoring.sheet.score")}</th>
            <th scope="col">{t("scoring.sheet.comment")}</th>
          </tr>
        </thead>
        <tbody>
          {criteria.map((c) => {
            const s = scores.find((x) => x.criterionId === c.id);
            return (
              <tr key={c.id}>
                <th scope="row">
                  {c.position}. {c.name}
                </th>
                <td data-label={t("scoring.sheet.max")}>{formatNumber(c.maxPoints)}</td>
                <td data-label={t("scoring.sheet.score")}>{s ? points(s.halfPoints) : t("scoring.sheet.notScored")}</td>
                <td data-label={t("scoring.sheet.comment")} className="prewrap">
                  {s?.comment || "—"}
                </td>
              </tr>
            );
          })}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t("scoring.sheet.total")}</th>
            <td colSpan={3} data-label={t("scoring.sheet.total")}>
              <strong>{t("scoring.sheet.totalValue", { total: points(total), max: formatNumber(max) })}</strong>
            </td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

/** One criterion of the form: its name and guidance, the score (short input) and the comment. */
export function CriterionFields({ criterion, form }: { criterion: Criterion; form: FormApi }) {
  const t = useT();
  const name = `${criterion.position}. ${criterion.name}`;
  return (
    <fieldset className="criterion">
      <legend>{name}</legend>
      <TextField
        name={scoreField(criterion.id)}
        label={t("scoring.sheet.scoreLabel", { name: criterion.name })}
        hint={t("scoring.sheet.scoreHint", { max: formatNumber(criterion.maxPoints), guidance: criterion.guidance }).trim()}
        width="short"
        autoComplete="off"
        form={form}
      />
      <TextArea name={commentField(criterion.id)} label={t("scoring.sheet.commentLabel", { name: criterion.name })} optional rows={3} form={form} />
    </fieldset>
  );
}
