// The confirmation step before submitting a score sheet: the saved scores and the total, and the
// warning that a submitted sheet cannot be changed. The POST names the scores it confirmed (their
// hash), so a sheet changed meanwhile in another window is not submitted unseen.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary, PageTitle } from "~/components/form";
import { ScoresTable, SheetSummary } from "~/components/scoring-parts";
import { useT } from "~/i18n/use-t";
import { getSheet, submitSheet } from "~/models/scoring.server";
import { badRequest, formValues, guard } from "~/utils/http.server";
import { attemptScoring, sheetIdParam } from "~/utils/scoring-route.server";
import { requireSession } from "~/utils/request.server";
import { Link } from "~/components/link";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { ctx } = await requireSession(request);
  const id = sheetIdParam(params);
  const sheet = guard(() => getSheet(ctx, id));
  if (!sheet.allowed.submit) throw redirect(`/danh-gia/phieu/${id}`);
  return json({ sheet });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { ctx } = await requireSession(request);
  const id = sheetIdParam(params);
  const { values } = await formValues(request);
  if (values.intent !== "submit" || !/^[0-9a-f]{64}$/.test(values.scoresSha256 ?? "")) badRequest();
  const result = await attemptScoring(() => submitSheet(ctx, id, { expectedSha256: values.scoresSha256 }), {});
  if (!result.ok) return result.response;
  return redirect(`/danh-gia?da-luu=da-nop`);
}

export default function ConfirmSubmit() {
  const { sheet } = useLoaderData<typeof loader>();
  const server = useActionData<typeof action>();
  const t = useT();
  const formError = server && !server.ok ? server.formError : null;
  return (
    <div className="narrow">
      <PageTitle title={t("scoring.confirm.title")} hasErrors={!!formError} />
      <p className="no-print">
        <Link to={`/danh-gia/phieu/${sheet.id}`}>‹ {t("scoring.confirm.change")}</Link>
      </p>
      <ErrorSummary errors={{}} formError={formError} />
      <h1>{t("scoring.confirm.title")}</h1>
      <p className="lead">{t("scoring.confirm.lead")}</p>
      <p>
        <strong>{sheet.initiative.title}</strong>
      </p>
      <SheetSummary sheet={sheet} />
      <ScoresTable criteria={sheet.criteria} scores={sheet.scores} caption={t("scoring.sheet.readOnlyCaption")} />
      <div className="banner banner--warning" role="note">
        <p>{t("scoring.confirm.warning")}</p>
      </div>
      <Form method="post">
        <input type="hidden" name="intent" value="submit" />
        <input type="hidden" name="scoresSha256" value={sheet.scoresSha256} />
        <div className="button-group">
          <button type="submit" className="button">
            {t("scoring.confirm.submit")}
          </button>
          <Link to={`/danh-gia/phieu/${sheet.id}`}>{t("scoring.confirm.change")}</Link>
        </div>
      </Form>
    </div>
  );
}
