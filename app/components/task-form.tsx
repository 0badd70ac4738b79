// The task form (create and edit): posting organization, title, areas, description, period,
// deadline, target codes, assignees by username, and a people finder that works without
// JavaScript (a second submit button, intent=find, that keeps everything typed and lists
// matching cadres with a tick box each to add them).
import { useSubmit } from "@remix-run/react";
import type { FormEvent } from "react";
import { TASK_AREAS } from "../../db/enums";
import {
  Checkbox, ErrorSummary, fieldId, Form, PageTitle, SelectField, TextArea, TextField, useValidatedForm, type ServerForm,
} from "~/components/form";
import type { MessageKey } from "~/i18n";
import { fullName } from "~/i18n/format";
import { useT } from "~/i18n/use-t";
import { areaField, taskSchema } from "~/schemas/tasks";
import { Link } from "~/components/link";

export type Candidate = { familyName: string; middleName: string; givenName: string; username: string; orgName: string };
export type TaskServerForm = ServerForm & { candidates?: Candidate[] | null };

export const EMPTY_TASK_VALUES = {
  orgId: "",
  title: "",
  area_corruption: false,
  area_waste: false,
  area_negative: false,
  description: "",
  periodYear: "",
  periodQuarter: "",
  deadline: "",
  targets: "",
  assignees: "",
};

export function TaskForm(props: {
  title: string;
  lead?: string;
  submitLabel: string;
  cancelHref: string;
  orgs: { id: number; code: string; name: string }[];
  defaults: Record<string, unknown>;
  server: TaskServerForm;
}) {
  const t = useT();
  const submit = useSubmit();
  const form = useValidatedForm(taskSchema, { defaults: props.defaults, server: props.server });
  // The finder button skips the browser-side check: it only looks people up.
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    if (submitter?.value === "find") {
      event.preventDefault();
      submit(submitter, { method: "post" });
      return;
    }
    form.onSubmit?.(event);
  };
  const areasError = form.errors.areas;
  const areasId = fieldId("areas");
  const candidates = props.server?.candidates;
  const finderQ = String(form.values.timCanBo ?? "");
  return (
    <div className="narrow">
      <PageTitle title={props.title} hasErrors={form.hasErrors} />
      <ErrorSummary errors={form.errors} formError={form.formError} summaryRef={form.summaryRef} />
      <p>
        <Link to={props.cancelHref}>‹ {t("tasks.detail.back")}</Link>
      </p>
      <h1>{props.title}</h1>
      {props.lead ? <p className="lead">{props.lead}</p> : null}
      <Form method="post" noValidate onSubmit={onSubmit}>
        <SelectField
          name="orgId"
          label={t("tasks.field.org")}
          hint={t("tasks.field.org.hint")}
          options={props.orgs.map((o) => ({ value: String(o.id), label: `${o.name} (${o.code})` }))}
          placeholder={props.orgs.length > 1 ? "" : undefined}
          form={form}
        />
        <TextField name="title" label={t("tasks.field.title")} autoComplete="off" form={form} />
        <fieldset
          className={areasError ? "field field--error" : "field"}
          id={areasId}
          tabIndex={-1}
          aria-describedby={[`${areasId}-hint`, areasError ? `${areasId}-error` : ""].filter(Boolean).join(" ")}
        >
          <legend>{t("tasks.field.areas")}</legend>
          <p className="field__hint" id={`${areasId}-hint`}>
            {t("tasks.field.areas.hint")}
          </p>
          {areasError ? (
            <p className="field__error" id={`${areasId}-error`}>
              <span className="visually-hidden">{t("form.errorTitlePrefix")}</span>
              {areasError}
            </p>
          ) : null}
          {TASK_AREAS.map((a) => (
            <Checkbox key={a} name={areaField(a)} label={t(`tasks.area.${a}` as MessageKey)} form={form} />
          ))}
        </fieldset>
        <TextArea name="description" label={t("tasks.field.description")} hint={t("tasks.field.description.hint")} rows={6} form={form} />
        <fieldset className="field task-period">
          <legend>{t("tasks.field.period")}</legend>
          <TextField name="periodYear" label={t("tasks.field.periodYear")} width="short" inputMode="numeric" autoComplete="off" form={form} />
          <SelectField
            name="periodQuarter"
            label={t("tasks.field.periodQuarter")}
            placeholder={t("tasks.period.wholeYear")}
            options={[1, 2, 3, 4].map((q) => ({ value: String(q), label: t(`tasks.quarter.${q}` as MessageKey) }))}
            form={form}
          />
        </fieldset>
        <TextField name="deadline" label={t("tasks.field.deadline")} hint={t("tasks.field.deadline.hint")} width="short" inputMode="numeric" autoComplete="off" form={form} />
        <TextArea name="targets" label={t("tasks.field.targets")} hint={t("tasks.field.targets.hint")} optional rows={3} form={form} />
        <TextArea name="assignees" label={t("tasks.field.assignees")} hint={t("tasks.field.assignees.hint")} optional rows={3} form={form} />
        <section className="task-finder" aria-labelledby="task-finder-heading">
          <h2 id="task-finder-heading">{t("tasks.finder.heading")}</h2>
          <TextField name="timCanBo" label={t("tasks.finder.q")} hint={t("tasks.finder.q.hint")} autoComplete="off" defaultValue={finderQ} />
          <button type="submit" name="intent" value="find" className="button button--secondary">
            {t("tasks.finder.submit")}
          </button>
          {candidates ? (
            candidates.length ? (
              <div className="table-wrap">
                <table className="task-table">
                  <caption>{t("tasks.finder.caption")}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t("tasks.finder.add")}</th>
                      <th scope="col">{t("tasks.finder.col.name")}</th>
                      <th scope="col">{t("tasks.finder.col.username")}</th>
                      <th scope="col">{t("tasks.finder.col.org")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {candidates.map((c) => (
                      <tr key={c.username}>
                        <td>
                          <input type="checkbox" className="task-finder__tick" name="addAssignee" value={c.username} id={`add-${c.username}`} />
                          <label htmlFor={`add-${c.username}`} className="visually-hidden">
                            {t("tasks.finder.add")} {fullName(c)}
                          </label>
                        </td>
                        <td data-label={t("tasks.finder.col.name")}>{fullName(c)}</td>
                        <td className="mono" data-label={t("tasks.finder.col.username")}>{c.username}</td>
                        <td data-label={t("tasks.finder.col.org")}>{c.orgName}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            ) : (
              <p role="status">{t("tasks.finder.none")}</p>
            )
          ) : null}
        </section>
        <div className="button-group">
          <button type="submit" name="intent" value="save" className="button">
            {props.submitLabel}
          </button>
          <Link to={props.cancelHref}>{t("form.cancel")}</Link>
        </div>
      </Form>
    </div>
  );
}
