import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { PageTitle } from "~/components/form";
import { AttachmentList } from "~/components/attachment-list";
import { ContentSections } from "~/components/initiative-parts";
import { SummaryList } from "~/components/summary";
import { translateMaybe, type MessageKey } from "~/i18n";
import { useT } from "~/i18n/use-t";
import { listAttachments } from "~/models/attachments.server";
import { getInitiative, submissionProblems, submitTogether } from "~/models/initiatives.server";
import { attempt, formValues, guard } from "~/utils/http.server";
import { initiativeIdParam } from "~/utils/initiatives-route.server";
import { requireSession } from "~/utils/request.server";
import { Link } from "~/components/link";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { ctx } = await requireSession(request);
  const id = initiativeIdParam(params);
  const initiative = guard(() => getInitiative(ctx, id));
  if (!initiative.allowed.edit) throw redirect(`/sang-kien/${id}`);
  const problems = guard(() => submissionProblems(ctx, id));
  const files = guard(() => listAttachments(ctx, id));
  return json({ initiative, problems, files });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { ctx } = await requireSession(request);
  const id = initiativeIdParam(params);
  // Nothing of the request is read but its intent: the server decides number, time and status.
  const { values } = await formValues(request);
  if (values.intent !== "submit") throw json({ message: "errors.badRequest" }, { status: 400 });
  const result = await attempt(() => submitTogether(ctx, id), {});
  if (!result.ok) return result.response;
  return redirect(`/sang-kien/${id}/da-nop`);
}

/** "general.title" → the field on its section's page. */
function problemHref(id: number, key: string): string {
  const [section, ...rest] = key.split(".");
  const field = rest.join(".") || section;
  return `/sang-kien/${id}/muc/${section}#f-${field.replace(/[^\w-]/g, "-")}`;
}

export default function CheckAnswers() {
  const { initiative, problems, files } = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  const t = useT();
  const base = `/sang-kien/${initiative.id}`;
  const shown = failed && "fieldErrors" in failed && Object.keys(failed.fieldErrors).length ? failed.fieldErrors : problems;
  const entries = Object.entries(shown);
  const formError = failed && "formError" in failed ? failed.formError : null;
  return (
    <>
      <PageTitle title={t("initiatives.check.title")} hasErrors={!!failed} />
      <p className="no-print">
        <Link to={base}>‹ {t("initiatives.taskList.back")}</Link>
      </p>
      {entries.length || formError ? (
        <div className="error-summary" role="alert" aria-labelledby="check-problems-title" tabIndex={-1}>
          <h2 id="check-problems-title">{t(failed ? "form.errorSummary" : "initiatives.check.incompleteTitle")}</h2>
          {formError ? <p>{translateMaybe(t, formError)}</p> : null}
          <ul>
            {entries.map(([key, message]) => {
              const [section, field] = key.split(".");
              const where = t(`initiatives.section.${section}` as MessageKey);
              const label = field && section !== "authors" ? ` — ${t(`initiatives.field.${section}.${field}` as MessageKey)}` : "";
              return (
                <li key={key}>
                  <a href={problemHref(initiative.id, key)}>
                    {where}
                    {label}: {translateMaybe(t, message)}
                  </a>
                </li>
              );
            })}
          </ul>
        </div>
      ) : null}
      <p className="caption">{initiative.title || t("initiatives.untitled")}</p>
      <h1>{t("initiatives.check.title")}</h1>
      <p className="lead">{t("initiatives.check.lead")}</p>
      <SummaryList
        rows={[
          { label: t("initiatives.detail.kind"), value: t(`initiatives.kind.${initiative.kind}` as MessageKey) },
          { label: t("initiatives.detail.org"), value: initiative.receivingOrg.name },
          { label: t("initiatives.detail.task"), value: initiative.task?.title ?? t("initiatives.detail.noTask") },
        ]}
      />
      <ContentSections kind={initiative.kind} content={initiative.content} authors={initiative.authors} changeBase={base} />
      <section aria-labelledby="check-files">
        <h2 id="check-files">{t("initiatives.field.attachments")}</h2>
        <AttachmentList initiativeId={initiative.id} files={files} />
        <p className="no-print">
          <Link to={`${base}/tep-dinh-kem`}>
            {t("initiatives.change")}
            <span className="visually-hidden"> {t("initiatives.field.attachments")}</span>
          </Link>
        </p>
      </section>
      <h2>{t("initiatives.check.sendTitle")}</h2>
      <p>{t("initiatives.check.sendLead")}</p>
      <Form method="post">
        <button type="submit" name="intent" value="submit" className="button">
          {t(initiative.registrationNumber ? "initiatives.check.resubmit" : "initiatives.check.submit")}
        </button>
      </Form>
    </>
  );
}
