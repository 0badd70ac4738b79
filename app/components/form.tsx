// Form building blocks. Every form posts without JavaScript (the action validates the same
// zod schema and sends back errors and values); with JavaScript, the browser checks the schema
// first. Errors: a summary on top linking to each field, the message above the field.
//
// The browser check runs through react-hook-form (with zodResolver), loaded lazily for the
// JavaScript budget (issue 5): neither react-hook-form nor zod is part of a first load. Inputs
// stay uncontrolled; on submit the form's own FormData (the same values the action reads, like
// formValues()) is checked by app/components/form-check.client.ts, which this module imports
// only dynamically, together with zod (both are loaded when a field is first focused, or on the
// first submit; the schema is rebuilt from its browser recording, see
// app/schemas/zod-lazy.client.ts). After a failed submit a field's message is checked again as
// it changes.
import { Form, useSubmit, type FormProps } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { catalogReady, translateMaybe, type Translate } from "~/i18n";
import { useLang, useT } from "~/i18n/use-t";
import { fieldId, type Register } from "./form-fields";
import { prefetchZod, realize } from "~/schemas/zod-lazy.client";

export type ServerForm = { fieldErrors?: Record<string, string>; formError?: string | null; values?: Record<string, string> } | undefined;

/** A zod schema (or, in the browser, its recording): anything with safeParse. */
type Schema = { safeParse: (data: unknown) => unknown };

/** The form's values as the action sees them: the last value of each name; files kept. */
function formValues(form: HTMLFormElement): Record<string, FormDataEntryValue> {
  const values: Record<string, FormDataEntryValue> = {};
  for (const [key, value] of new FormData(form)) values[key] = value;
  return values;
}

// The form engine (react-hook-form + zodResolver): only ever imported dynamically, never statically.
type Engine = typeof import("./form-check.client");
let engine: Promise<Engine> | undefined;
function loadEngine(): Promise<Engine> {
  engine ??= import("./form-check.client").catch((error) => {
    engine = undefined;
    throw error;
  });
  return engine;
}

/** A field was focused: start loading zod and the form engine without waiting. */
function prefetch(): void {
  prefetchZod();
  void loadEngine().catch(() => undefined);
}

/** Field → catalog key, the first message of each field (as zodFieldErrors on the server). */
async function check(schema: Schema, form: HTMLFormElement): Promise<Record<string, string>> {
  const values = formValues(form);
  const [real, { checkWithForm }] = await Promise.all([realize(schema), loadEngine()]);
  return checkWithForm(real, values);
}

/** The browser check over a zod schema whose fields are the form's named inputs. Server errors
 * show until the user submits again; values come back from the server after a failed POST. */
export function useValidatedForm(schema: Schema, options: { defaults: Record<string, unknown>; server: ServerForm }) {
  const t = useT();
  const lang = useLang();
  const submit = useSubmit();
  const summaryRef = useRef<HTMLDivElement>(null);
  const schemaRef = useRef(schema);
  schemaRef.current = schema;
  // submitted: the user has submitted in the browser; client: the keys of the last browser check.
  const [state, setState] = useState<{ submitted: boolean; ok: boolean; client: Record<string, string>; count: number }>({
    submitted: false,
    ok: false,
    client: {},
    count: 0,
  });
  const submittedRef = useRef(false);
  const errors: Record<string, string> = {};
  if (!state.submitted || state.ok) {
    for (const [k, v] of Object.entries(options.server?.fieldErrors ?? {})) errors[k] = translateMaybe(t, v);
  }
  for (const [k, v] of Object.entries(state.client)) errors[k] = translateMaybe(t, v);
  const count = Object.keys(errors).length;
  useEffect(() => {
    if (count > 0) summaryRef.current?.focus();
  }, [count, state.count, options.server]);

  const onSubmit: FormProps["onSubmit"] = (event) => {
    event.preventDefault();
    const target = event.currentTarget;
    submittedRef.current = true;
    // Messages are catalog keys: the whole catalog is there before they show.
    Promise.all([check(schemaRef.current, target), catalogReady(lang)]).then(
      ([client]) => {
        const ok = Object.keys(client).length === 0;
        setState((s) => ({ submitted: true, ok, client, count: s.count + 1 }));
        if (ok) submit(target, { method: "post" });
      },
      // zod or the form engine could not be loaded (offline?): the server checks the same schema.
      () => submit(target, { method: "post" }),
    );
  };

  const register: Register = (name) => ({
    name,
    onFocus: prefetch,
    onChange: (event) => {
      const target = event.currentTarget.form;
      if (!submittedRef.current || !target) return;
      // After a submit, the changed field's message follows what is typed.
      void check(schemaRef.current, target).then(
        (result) =>
          setState((s) => {
            if ((s.client[name] ?? null) === (result[name] ?? null)) return s;
            const client = { ...s.client };
            if (result[name]) client[name] = result[name]!;
            else delete client[name];
            return { ...s, client };
          }),
        () => undefined,
      );
    },
  });

  const values = { ...options.defaults, ...(options.server?.values ?? {}) };
  return {
    register,
    errors,
    values,
    onSubmit,
    summaryRef,
    formError: options.server?.formError ?? null,
    hasErrors: count > 0 || !!options.server?.formError,
  };
}

export function ErrorSummary({
  errors,
  formError,
  summaryRef,
}: {
  errors: Record<string, string>;
  formError?: string | null;
  summaryRef?: React.RefObject<HTMLDivElement>;
}) {
  const t = useT();
  const entries = Object.entries(errors);
  if (!entries.length && !formError) return null;
  return (
    <div className="error-summary" role="alert" aria-labelledby="error-summary-title" tabIndex={-1} ref={summaryRef}>
      <h2 id="error-summary-title">{t("form.errorSummary")}</h2>
      <ul>
        {formError ? <li>{translateMaybe(t, formError)}</li> : null}
        {entries.map(([name, message]) => (
          <li key={name}>
            <a href={`#${fieldId(name)}`}>{message}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The page's <title>; "Lỗi: " in front when the form on it has errors. */
export function PageTitle({ title, hasErrors = false }: { title: string; hasErrors?: boolean }) {
  const t = useT();
  return <title>{`${hasErrors ? t("form.errorTitlePrefix") : ""}${title} — ${t("app.shortName")}`}</title>;
}

export * from "./form-fields";
export { Form };
export type { Translate };
