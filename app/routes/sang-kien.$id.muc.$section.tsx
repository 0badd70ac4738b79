import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useMemo } from "react";
import { ErrorSummary, Form, PageTitle, useValidatedForm } from "~/components/form";
import { AuthorsFields, SectionFields } from "~/components/initiative-section-form";
import type { MessageKey } from "~/i18n";
import { formatDate } from "~/i18n/format";
import { useT } from "~/i18n/use-t";
import { getInitiative, saveSection } from "~/models/initiatives.server";
import {
  authorRowsFromForm, authorRowsToValues, formatShare, isBlankRow, isSection, sectionSchemas, sectionsFor, type Section,
} from "~/schemas/initiatives";
import { attempt, badRequest, formValues, guard } from "~/utils/http.server";
import { initiativeIdParam } from "~/utils/initiatives-route.server";
import { requireSession } from "~/utils/request.server";
import { Link } from "~/components/link";

function sectionParam(params: Record<string, string | undefined>): Section {
  const s = params.section ?? "";
  if (!isSection(s)) throw json({ message: "not_found" }, { status: 404 });
  return s;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { ctx } = await requireSession(request);
  const id = initiativeIdParam(params);
  const section = sectionParam(params);
  const initiative = guard(() => getInitiative(ctx, id));
  if (!sectionsFor(initiative.kind).includes(section)) throw json({ message: "not_found" }, { status: 404 });
  // Only the authors edit, and only a draft or a returned registration: others read the record.
  if (!initiative.allowed.edit) throw redirect(`/sang-kien/${id}`);
  let values: Record<string, string>;
  if (section === "authors") {
    values = authorRowsToValues(
      initiative.authors.map((a) => ({
        fullName: a.fullName,
        dateOfBirth: formatDate(a.dateOfBirth),
        workplace: a.workplace,
        jobTitle: a.jobTitle,
        qualification: a.qualification,
        share: formatShare(a.shareBp),
        ...(a.personId ? { personId: String(a.personId) } : {}),
      })),
    );
  } else {
    const stored = (initiative.content[section] ?? {}) as Record<string, unknown>;
    values = Object.fromEntries(
      Object.entries(stored).map(([k, v]) => [k, typeof v === "boolean" ? (v ? "on" : "") : k === "firstAppliedOn" ? formatDate(String(v)) : String(v ?? "")]),
    );
  }
  return json({ id, section, title: initiative.title, kind: initiative.kind, creatorId: initiative.createdBy, values, rows: initiative.authors.length });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { ctx } = await requireSession(request);
  const id = initiativeIdParam(params);
  const section = sectionParam(params);
  const { values } = await formValues(request);
  const { intent = "save", ...rest } = values;
  if (section !== "authors") {
    if (intent !== "save") badRequest();
    // An unticked box sends nothing: save it as unticked.
    const input = section === "statement" ? { sworn: rest.sworn ?? "" } : rest;
    const result = await attempt(() => saveSection(ctx, id, section, input), rest);
    if (!result.ok) return result.response;
    return redirect(`/sang-kien/${id}?da-luu=muc`);
  }
  let rows = authorRowsFromForm(rest);
  const removing = /^remove-(\d{1,2})$/.exec(intent);
  if (removing) rows.splice(Number(removing[1]), 1);
  else if (intent !== "save" && intent !== "add") badRequest();
  rows = rows.filter((r) => !isBlankRow(r));
  if (intent !== "save") {
    // Adding or removing a row changes only the form; nothing is saved until "Lưu".
    return json({ ok: false as const, formError: null, fieldErrors: {}, values: authorRowsToValues(rows), rows: rows.length + (intent === "add" ? 1 : 0) });
  }
  const result = await attempt(() => saveSection(ctx, id, "authors", { authors: rows }), authorRowsToValues(rows));
  if (!result.ok) return result.response;
  return redirect(`/sang-kien/${id}?da-luu=muc`);
}

export default function SectionPage() {
  const data = useLoaderData<typeof loader>();
  const server = useActionData<typeof action>();
  const t = useT();
  const sectionTitle = t(`initiatives.section.${data.section}` as MessageKey);
  const schema = useMemo(() => sectionSchemas(null)[data.section], [data.section]);
  const form = useValidatedForm(schema, { defaults: data.values, server: data.section === "authors" ? undefined : server });
  const authorErrors = data.section === "authors" ? (server?.fieldErrors ?? {}) : {};
  const hasErrors = data.section === "authors" ? Object.keys(authorErrors).length > 0 || !!server?.formError : form.hasErrors;
  const values = data.section === "authors" ? (server?.values ?? data.values) : {};
  const rows = data.section === "authors" ? Math.max(1, server && "rows" in server ? server.rows : server ? Object.keys(values).filter((k) => k.endsWith(".share")).length : data.rows) : 0;
  return (
    <div className="narrow">
      <PageTitle title={`${sectionTitle} — ${data.title || t("initiatives.untitled")}`} hasErrors={hasErrors} />
      <p className="no-print">
        <Link to={`/sang-kien/${data.id}`}>‹ {t("initiatives.taskList.back")}</Link>
      </p>
      {data.section === "authors" ? null : <ErrorSummary errors={form.errors} formError={form.formError} summaryRef={form.summaryRef} />}
      <p className="caption">{data.title || t("initiatives.untitled")}</p>
      <h1>{sectionTitle}</h1>
      <p className="lead">{t(`initiatives.sectionLead.${data.section}` as MessageKey)}</p>
      {data.section === "authors" ? (
        <Form method="post" noValidate key={JSON.stringify(values)}>
          {/* Enter in a field saves (the first submit button of a form is its default). */}
          <button type="submit" name="intent" value="save" className="visually-hidden" tabIndex={-1} aria-hidden="true">
            {t("initiatives.section.save")}
          </button>
          <AuthorsFields values={values} errors={authorErrors} rows={rows} creatorId={data.creatorId} />
          <p>
            <button type="submit" name="intent" value="add" className="button button--secondary" formNoValidate>
              {t("initiatives.author.add")}
            </button>
          </p>
          <div className="button-group">
            <button type="submit" name="intent" value="save" className="button">
              {t("initiatives.section.save")}
            </button>
            <Link to={`/sang-kien/${data.id}`}>{t("form.cancel")}</Link>
          </div>
        </Form>
      ) : (
        <Form method="post" noValidate onSubmit={form.onSubmit}>
          <SectionFields section={data.section} form={form} />
          <div className="button-group">
            <button type="submit" name="intent" value="save" className="button">
              {t("initiatives.section.save")}
            </button>
            <Link to={`/sang-kien/${data.id}`}>{t("form.cancel")}</Link>
          </div>
        </Form>
      )}
    </div>
  );
}
