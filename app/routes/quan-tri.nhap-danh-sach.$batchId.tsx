import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { ErrorSummary, PageTitle } from "~/components/form";
import { CreateTable, ProblemTable } from "~/components/import-tables";
import { Pagination, pageFromUrl } from "~/components/pagination";
import { SummaryList, Tag } from "~/components/summary";
import { isMessageKey } from "~/i18n";
import { formatDateTime, formatNumber } from "~/i18n/format";
import { useT } from "~/i18n/use-t";
import { confirmImport, discardImport, getImportBatch } from "~/models/import.server";
import { batchActionSchema, batchIdOf } from "~/schemas/import";
import { attempt, badRequest, formValues, guard } from "~/utils/http.server";
import { requireSession } from "~/utils/request.server";
import { Link } from "~/components/link";

const PAGE_SIZE = 100;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { ctx } = await requireSession(request);
  const id = batchIdOf(params.batchId);
  if (id === null) throw json({ message: "not_found" }, { status: 404 });
  const page = pageFromUrl(new URL(request.url));
  return json({ batch: guard(() => getImportBatch(ctx, id, page, PAGE_SIZE)), page });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { ctx } = await requireSession(request);
  const id = batchIdOf(params.batchId);
  if (id === null) throw json({ message: "not_found" }, { status: 404 });
  const { values } = await formValues(request);
  const parsed = batchActionSchema.safeParse(values);
  if (!parsed.success) badRequest();
  if (parsed.data.intent === "discard") {
    const result = await attempt(() => discardImport(ctx, id), {});
    if (!result.ok) return result.response;
    return redirect("/quan-tri/nhap-danh-sach?da-huy");
  }
  const result = await attempt(() => confirmImport(ctx, id), {});
  if (!result.ok) return result.response;
  if (!result.value.ok) {
    // Things changed since the preview: the batch now shows the new problems.
    return json({ ok: false, formError: "import.confirm.changed", count: result.value.problemCount, fieldErrors: {} }, { status: 409 });
  }
  return redirect(`/quan-tri/nhap-danh-sach/${id}`);
}

export default function ImportPreview() {
  const { batch, page } = useLoaderData<typeof loader>();
  const server = useActionData<typeof action>();
  const t = useT();
  const busy = useNavigation().state === "submitting";
  const toCreate = batch.rowCount - batch.problemCount;
  const formError =
    server?.formError && isMessageKey(server.formError) ? t(server.formError, { count: formatNumber(("count" in server && server.count) || 0) }) : null;
  return (
    <>
      <PageTitle title={batch.status === "confirmed" ? t("import.done.title") : t("import.preview.title")} hasErrors={!!formError} />
      <ErrorSummary errors={{}} formError={formError} />
      {batch.status === "confirmed" ? (
        <>
          <div className="panel" role="status">
            <h1>{t("import.done.title")}</h1>
            <p className="panel__big">{t("import.done.count", { count: formatNumber(batch.createdCount) })}</p>
          </div>
          <p>{t("import.done.accounts")}</p>
          <div className="button-group">
            <Link to="/quan-tri/can-bo" className="button">
              {t("import.done.next")}
            </Link>
            <Link to="/quan-tri/nhap-danh-sach">{t("import.uploadAgain")}</Link>
          </div>
        </>
      ) : (
        <h1>{t("import.preview.title")}</h1>
      )}
      <SummaryList
        rows={[
          { label: t("import.preview.file"), value: batch.fileName },
          { label: t("import.preview.uploadedAt"), value: formatDateTime(batch.createdAt) },
          { label: t("import.preview.sha"), value: <span className="mono">{batch.fileSha256}</span> },
          { label: t("import.preview.rows"), value: formatNumber(batch.rowCount) },
          ...(batch.status === "pending"
            ? [
                { label: t("import.preview.toCreate"), value: formatNumber(toCreate) },
                { label: t("import.preview.withProblems"), value: formatNumber(batch.problemCount) },
              ]
            : []),
          {
            label: t("import.preview.status"),
            value: <Tag tone={batch.status === "confirmed" ? "green" : batch.status === "discarded" ? "grey" : "blue"}>{t(`import.status.${batch.status}`)}</Tag>,
          },
        ]}
      />
      {batch.status === "discarded" ? (
        <div className="banner" role="status">
          <p>{t("import.discardedPanel")}</p>
          <p>
            <Link to="/quan-tri/nhap-danh-sach">{t("import.uploadAgain")}</Link>
          </p>
        </div>
      ) : null}
      {batch.status === "pending" ? (
        <>
          {batch.problemCount > 0 ? (
            <div className="banner banner--warning">
              <h2>{t("import.preview.problems.title", { count: formatNumber(batch.problemCount) })}</h2>
              <p>{t("import.preview.problems.body")}</p>
              <p>{t("import.howTo.allOrNothing")}</p>
            </div>
          ) : (
            <div className="banner">
              <p>{t("import.preview.ready")}</p>
            </div>
          )}
          <div className="button-group">
            {batch.problemCount === 0 ? (
              <Form method="post" className="inline-form">
                <input type="hidden" name="intent" value="confirm" />
                <button type="submit" className="button" disabled={busy}>
                  {t("import.confirm.submit", { count: formatNumber(toCreate) })}
                </button>
              </Form>
            ) : (
              <Link to="/quan-tri/nhap-danh-sach" className="button">
                {t("import.uploadAgain")}
              </Link>
            )}
            <Form method="post" className="inline-form">
              <input type="hidden" name="intent" value="discard" />
              <button type="submit" className="button button--secondary" disabled={busy}>
                {t("import.discard.submit")}
              </button>
            </Form>
          </div>
          <ProblemTable rows={batch.problemRows} />
          <CreateTable rows={batch.createRows} blocked={batch.problemCount > 0} />
          <Pagination page={page} total={batch.rowCount} pageSize={PAGE_SIZE} />
        </>
      ) : null}
    </>
  );
}
