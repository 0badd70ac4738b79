// The fields of a form: a frame with label, hint and error; text, text area, select, checkbox,
// hidden and radio fields. Each renders the value to show (kept when a form comes back with
// errors, with or without JavaScript) and registers with the form when it has one.
import type { ChangeEvent, ReactNode } from "react";
import { useT } from "~/i18n/use-t";

/** What a field spreads onto its input: its name and the handlers of the browser check. */
export type Registration = {
  name: string;
  onChange: (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>) => void;
  onFocus: () => void;
};
export type Register = (name: string) => Registration;

/** A field's message, above it, announced as an error ("Lỗi:") to screen readers. */
export function FieldError({ id, error }: { id: string; error?: string }) {
  const t = useT();
  if (!error) return null;
  return (
    <p className="field__error" id={`${id}-error`}>
      <span className="visually-hidden">{t("form.errorTitlePrefix")}</span>
      {error}
    </p>
  );
}

export function fieldId(name: string): string {
  return `f-${name.replace(/[^\w-]/g, "-")}`;
}

/** What a field needs from its form: registration, the current errors, the values to show. */
export type FormApi = { register: Register; errors: Record<string, string>; values: Record<string, unknown> };

type FieldProps = {
  name: string;
  label: string;
  hint?: string;
  optional?: boolean;
  /** The form the field belongs to; without it the field is a plain uncontrolled input. */
  form?: FormApi;
  error?: string;
  defaultValue?: string;
};

/** Label, hint and error around any input, so every field is marked up alike. */
export function FieldFrame({ name, label, hint, error, optional, children }: FieldProps & { children: ReactNode }) {
  const t = useT();
  const id = fieldId(name);
  return (
    <div className={error ? "field field--error" : "field"}>
      <label htmlFor={id} className="field__label">
        {label} {optional ? <span className="field__optional">{t("form.optional")}</span> : null}
      </label>
      {hint ? (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      <FieldError id={id} error={error} />
      {children}
    </div>
  );
}

/** A field's frame around its input. Its props are passed one by one: a JSX spread first
 * (`<FieldFrame {...props} error={error}>`) copies the object and then adds to the copy, the slow
 * case of rows.server.ts. */
export function framed(props: FieldProps, error: string | undefined, input: ReactNode) {
  return (
    <FieldFrame name={props.name} label={props.label} hint={props.hint} optional={props.optional} error={error}>
      {input}
    </FieldFrame>
  );
}

/** The attributes every input shares: id, name (registered), server-rendered value, ARIA. */
export function inputProps(props: FieldProps) {
  const { name, form, hint } = props;
  const error = props.error ?? form?.errors[name];
  const id = fieldId(name);
  const value = props.defaultValue ?? form?.values[name];
  return {
    error,
    attrs: {
      id,
      // Rendered on the server too, so that a form sent back without JavaScript keeps what the user typed.
      defaultValue: value === undefined || value === null ? undefined : String(value),
      "aria-invalid": error ? true : undefined,
      "aria-describedby": [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined,
      ...(form ? form.register(name) : { name }),
    },
  };
}

export function TextField(props: FieldProps & { type?: string; autoComplete?: string; inputMode?: "numeric" | "email" | "text"; width?: "short" | "full" }) {
  const { type = "text", autoComplete, inputMode, width } = props;
  const { error, attrs } = inputProps(props);
  return framed(
    props,
    error,
    <input
      className={width === "short" ? "input input--short" : "input"}
      type={type}
      autoComplete={autoComplete}
      inputMode={inputMode}
      {...attrs}
      defaultValue={type === "password" ? undefined : attrs.defaultValue}
    />,
  );
}

export function TextArea(props: FieldProps & { rows?: number }) {
  const { error, attrs } = inputProps(props);
  return framed(props, error, <textarea className="input" rows={props.rows ?? 4} {...attrs} />);
}

export function SelectField(props: FieldProps & { options: { value: string; label: string }[]; placeholder?: string }) {
  const { error, attrs } = inputProps(props);
  return framed(
    props,
    error,
    <select className="input" {...attrs}>
      {props.placeholder !== undefined ? <option value="">{props.placeholder}</option> : null}
      {props.options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </select>,
  );
}

export function Checkbox(props: { name: string; label: string; form?: FormApi; defaultChecked?: boolean; value?: string }) {
  const { name, label, form, value = "on" } = props;
  const current = form?.values[name];
  const checked = props.defaultChecked ?? (current === true || current === value || current === "on");
  return (
    <div className="checkbox">
      <input id={fieldId(name)} type="checkbox" value={value} defaultChecked={checked} {...(form ? form.register(name) : { name })} />
      <label htmlFor={fieldId(name)}>{label}</label>
    </div>
  );
}

/** A hidden input that belongs to the form (its value is rendered on the server too). */
export function Hidden({ name, form, value }: { name: string; form?: FormApi; value?: string }) {
  const v = value ?? form?.values[name];
  return <input type="hidden" defaultValue={v == null ? undefined : String(v)} {...(form ? form.register(name) : { name })} />;
}

/** Radio buttons in a fieldset with a legend; each option may carry a hint. */
export function RadioGroup({ name, legend, options, form }: {
  name: string;
  legend: string;
  options: { value: string; label: string; hint?: string }[];
  form: FormApi;
}) {
  const error = form.errors[name];
  const current = String(form.values[name] ?? "");
  return (
    <fieldset className={error ? "field field--error" : "field"} id={fieldId(name)} aria-describedby={error ? `${fieldId(name)}-error` : undefined}>
      <legend>{legend}</legend>
      <FieldError id={fieldId(name)} error={error} />
      {options.map((o) => {
        const id = `${fieldId(name)}-${o.value}`;
        return (
          <div className="radio" key={o.value}>
            <input type="radio" id={id} value={o.value} defaultChecked={current === o.value} {...form.register(name)} />
            <label htmlFor={id}>
              {o.label}
              {o.hint ? <span className="radio__hint">{o.hint}</span> : null}
            </label>
          </div>
        );
      })}
    </fieldset>
  );
}
