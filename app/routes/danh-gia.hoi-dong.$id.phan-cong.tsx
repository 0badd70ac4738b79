// Assign evaluators: chosen items × chosen evaluators, with a due date. A conflicted pair refuses
// the whole request; each refused pair is named with its reason, and nothing is written.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { Checkbox, ErrorSummary, FieldError, fieldId, Form, PageTitle, TextField, useValidatedForm, type ServerForm } from "~/components/form";
import type { MessageKey } from "~/i18n";
import { fullName } from "~/i18n/format";
import { useT } from "~/i18n/use-t";
import { assignEvaluators, ConflictRefusal, type RefusedPair } from "~/models/councils-assign.server";
import { runnable } from "~/models/councils.server";
import { councilView } from "~/models/councils-view.server";
import { assignEvaluatorsSchema, EVAL_ITEM_PREFIX, EVALUATOR_PREFIX } from "~/schemas/councils";
import { idParam } from "~/utils/councils-route.server";
import { attempt, formFailure, formValues, guard, zodFieldErrors } from "~/utils/http.server";
import { requireSession } from "~/utils/request.server";
import { Link } from "~/components/link";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { ctx } = await requireSession(request);
  const id = idParam(params.id);
  guard(() => runnable(ctx, ctx.db, id));
  const view = guard(() => councilView(ctx, id));
  const muc = new URL(request.url).searchParams.get("muc");
  return json({
    council: { id: view.council.id, name: view.council.name },
    items: view.items
      .filter((i) => i.initiativeStatus === "evaluating")
      .map((i) => ({ itemId: i.itemId, number: i.registrationNumber ?? "", title: i.title, evaluators: i.evaluators.map((e) => fullName(e)) })),
    evaluators: view.evaluatorChoices.map((m) => ({ personId: m.personId, name: fullName(m), role: m.role })),
    preselected: muc && /^\d{1,12}$/.test(muc) ? Number(muc) : null,
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { ctx } = await requireSession(request);
  const id = idParam(params.id);
  const { values } = await formValues(request);
  const parsed = assignEvaluatorsSchema.safeParse(values);
  if (!parsed.success) return formFailure(zodFieldErrors(parsed.error), values);
  try {
    assignEvaluators(ctx, id, parsed.data);
  } catch (error) {
    if (error instanceof ConflictRefusal) {
      const refused = error.refused.map((r: RefusedPair) => ({ name: fullName(r), number: r.registrationNumber ?? "", reason: r.reason }));
      return json({ ok: false as const, formError: null, fieldErrors: {}, values, refused }, { status: 409 });
    }
    // Other refusals: invalid input back to the form, the rest as error pages.
    const result = await attempt(() => {
      throw error;
    }, values);
    if (!result.ok) return result.response;
  }
  return redirect(`/danh-gia/hoi-dong/${id}?da-luu=phan-cong`);
}

export default function AssignEvaluators() {
  const { council, items, evaluators, preselected } = useLoaderData<typeof loader>();
  const server = useActionData<typeof action>() as (ServerForm & { refused?: { name: string; number: string; reason: string }[] }) | undefined;
  const t = useT();
  const defaults: Record<string, unknown> = { dueOn: "" };
  if (preselected) defaults[`${EVAL_ITEM_PREFIX}${preselected}`] = "on";
  const form = useValidatedForm(assignEvaluatorsSchema, { defaults, server });
  const refused = server?.refused;
  const group = (name: string, legend: string, hint: string | null, children: React.ReactNode) => {
    const error = form.errors[name];
    const id = fieldId(name);
    return (
      <fieldset className={error ? "field field--error" : "field"} id={id} tabIndex={-1} aria-describedby={error ? `${id}-error` : undefined}>
        <legend>{legend}</legend>
        {hint ? <p className="field__hint">{hint}</p> : null}
        <FieldError id={id} error={error} />
        {children}
      </fieldset>
    );
  };
  return (
    <div className="narrow">
      <PageTitle title={t("councils.assign.title")} hasErrors={form.hasErrors || !!refused} />
      <ErrorSummary errors={form.errors} formError={form.formError} summaryRef={form.summaryRef} />
      {refused ? (
        <div className="error-summary" role="alert" aria-labelledby="refused-title" tabIndex={-1}>
          <h2 id="refused-title">{t("councils.assign.refused")}</h2>
          <p>{t("councils.assign.refusedLead")}</p>
          <ul>
            {refused.map((r) => (
              <li key={`${r.number}-${r.name}`}>{t("councils.assign.refusedPair", { name: r.name, number: r.number, reason: t(`councils.conflict.${r.reason}` as MessageKey) })}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <p>
        <Link to={`/danh-gia/hoi-dong/${council.id}`}>‹ {t("councils.backToCouncil")}</Link>
      </p>
      <h1>{t("councils.assign.title")}</h1>
      <p className="caption">{council.name}</p>
      <p className="lead">{t("councils.assign.lead")}</p>
      {evaluators.length === 0 ? (
        <div className="banner banner--warning">
          <p>{t("councils.assign.noEvaluators")}</p>
        </div>
      ) : null}
      <Form method="post" noValidate onSubmit={form.onSubmit}>
        {group(
          "items",
          t("councils.assign.items"),
          null,
          items.map((i) => <Checkbox key={i.itemId} name={`${EVAL_ITEM_PREFIX}${i.itemId}`} label={`${i.number} — ${i.title}${i.evaluators.length ? ` (${i.evaluators.join(", ")})` : ""}`} form={form} />),
        )}
        {group(
          "evaluators",
          t("councils.assign.evaluators"),
          t("councils.assign.evaluators.hint"),
          evaluators.map((e) => <Checkbox key={e.personId} name={`${EVALUATOR_PREFIX}${e.personId}`} label={`${e.name} — ${t(`councils.role.${e.role}` as MessageKey)}`} form={form} />),
        )}
        <TextField name="dueOn" label={t("councils.field.dueOn")} hint={t("councils.field.dueOn.hint")} width="short" inputMode="numeric" autoComplete="off" form={form} />
        <button type="submit" className="button">
          {t("councils.assign.submit")}
        </button>
      </Form>
    </div>
  );
}
