// The score sheet: the frozen version to read, the rubric, and the form (a score and a comment
// per criterion). "Lưu nháp" saves; "Nộp phiếu chấm" saves with every criterion required and
// leads to the confirmation step. Read only once submitted, for the evaluator and for the
// council's chair and secretary.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useMemo, useRef } from "react";
import { AttachmentList } from "~/components/attachment-list";
import { ErrorSummary, Form, PageTitle, useValidatedForm } from "~/components/form";
import { ContentSections } from "~/components/initiative-parts";
import { CriterionFields, ScoresTable, SheetSummary, points } from "~/components/scoring-parts";
import { SuccessBanner } from "~/components/summary";
import { formatDate, formatDateTime, formatNumber } from "~/i18n/format";
import { useT } from "~/i18n/use-t";
import { getSheet, saveDraft, sheetValues } from "~/models/scoring.server";
import { sheetSchema } from "~/schemas/scoring";
import { badRequest, formValues, guard } from "~/utils/http.server";
import { attemptScoring, scoringBanner, sheetIdParam } from "~/utils/scoring-route.server";
import { requireSession } from "~/utils/request.server";
import { Link } from "~/components/link";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { ctx } = await requireSession(request);
  const sheet = guard(() => getSheet(ctx, sheetIdParam(params)));
  return json({ sheet, values: sheetValues(sheet.criteria, sheet.scores), saved: scoringBanner(new URL(request.url)) });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { ctx } = await requireSession(request);
  const id = sheetIdParam(params);
  const { values } = await formValues(request);
  const { intent, ...kept } = values;
  if (intent !== "save" && intent !== "review") badRequest();
  const result = await attemptScoring(() => saveDraft(ctx, id, kept, { complete: intent === "review" }), kept);
  if (!result.ok) return result.response;
  return redirect(intent === "review" ? `/danh-gia/phieu/${id}/nop` : `/danh-gia/phieu/${id}?da-luu=nhap`);
}

export default function ScoreSheet() {
  const { sheet, values, saved } = useLoaderData<typeof loader>();
  const server = useActionData<typeof action>();
  const t = useT();
  const schema = useMemo(() => sheetSchema(sheet.criteria), [sheet.criteria]);
  const form = useValidatedForm(schema, { defaults: values, server });
  const intentRef = useRef<HTMLInputElement>(null);
  const maxTotal = sheet.criteria.reduce((sum, c) => sum + c.maxPoints, 0);
  // With JavaScript the form is sent without its clicked button: carry the intent in the hidden field.
  const onSubmit: typeof form.onSubmit = (event) => {
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    if (intentRef.current && submitter?.value) intentRef.current.value = submitter.value;
    form.onSubmit?.(event);
  };
  return (
    <>
      <PageTitle title={`${t("scoring.sheet.title")}: ${sheet.initiative.title}`} hasErrors={form.hasErrors} />
      <p className="no-print">
        <Link to="/danh-gia">‹ {t("scoring.sheet.back")}</Link>
      </p>
      {saved ? <SuccessBanner>{t(saved)}</SuccessBanner> : null}
      <ErrorSummary errors={form.errors} formError={form.formError} summaryRef={form.summaryRef} />
      <p className="caption">{t("scoring.sheet.title")}</p>
      <h1>{sheet.initiative.title}</h1>
      {!sheet.own ? (
        <div className="banner" role="status">
          <p>{t("scoring.sheet.readOnlyBanner")}</p>
        </div>
      ) : sheet.status === "submitted" ? (
        <div className="banner" role="status">
          <p>{t("scoring.sheet.submittedBanner", { at: formatDateTime(sheet.submittedAt) })}</p>
        </div>
      ) : sheet.council.closed ? (
        <div className="banner banner--warning" role="status">
          <p>{t("scoring.sheet.closedBanner")}</p>
        </div>
      ) : sheet.overdue ? (
        <div className="banner banner--warning" role="status">
          <p>{t("scoring.sheet.overdueBanner", { due: formatDate(sheet.dueOn) })}</p>
        </div>
      ) : null}
      <h2>{t("scoring.sheet.summary")}</h2>
      <SheetSummary sheet={sheet} />
      {sheet.allowed.reopen ? (
        <p>
          <Link to={`/danh-gia/phieu/${sheet.id}/mo-lai`} className="button button--secondary">
            {t("scoring.sheet.reopen")}
          </Link>
        </p>
      ) : null}
      <section aria-labelledby="sheet-content">
        <h2 id="sheet-content">{t("scoring.sheet.content")}</h2>
        <ContentSections kind={sheet.initiative.kind} content={sheet.content} authors={sheet.authors} headingLevel={3} />
        <h3>{t("scoring.sheet.files")}</h3>
        <AttachmentList initiativeId={sheet.initiative.id} files={sheet.files} caption={t("scoring.sheet.filesCaption")} />
      </section>
      <section aria-labelledby="sheet-scores">
        <h2 id="sheet-scores">{t("scoring.sheet.scores")}</h2>
        {sheet.allowed.score ? (
          <>
            <p>{t("scoring.sheet.scoresLead")}</p>
            <Form method="post" noValidate onSubmit={onSubmit}>
              <input type="hidden" name="intent" defaultValue="save" ref={intentRef} />
              {sheet.criteria.map((c) => (
                <CriterionFields key={c.id} criterion={c} form={form} />
              ))}
              <p>
                {t("scoring.sheet.total")}: <strong>{t("scoring.sheet.totalValue", { total: points(sheet.totalHalfPoints), max: formatNumber(maxTotal) })}</strong>
              </p>
              <p className="field__hint">{t("scoring.sheet.submitHint")}</p>
              <div className="button-group">
                <button type="submit" name="intent" value="review" className="button">
                  {t("scoring.sheet.submit")}
                </button>
                <button type="submit" name="intent" value="save" className="button button--secondary">
                  {t("scoring.sheet.save")}
                </button>
              </div>
            </Form>
          </>
        ) : (
          <ScoresTable criteria={sheet.criteria} scores={sheet.scores} caption={t("scoring.sheet.readOnlyCaption")} />
        )}
      </section>
    </>
  );
}
