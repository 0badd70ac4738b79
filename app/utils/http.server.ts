// One helper turns expected domain failures into responses: 404/403/409 are thrown to the
// error boundary; 422 (invalid input) comes back to the form with its field errors and the
// values the user typed, so nothing is lost.
import { json, type TypedResponse } from "@remix-run/node";
import type * as z from "zod";
import { DomainError, type FieldErrors } from "~/models/errors";

export type FormFailure = { ok: false; formError: string | null; fieldErrors: FieldErrors; values: Record<string, string> };
type Failed = { ok: false; response: TypedResponse<FormFailure> };

export function formFailure(fieldErrors: FieldErrors, values: Record<string, string>, formError: string | null = null, status = 422) {
  return json<FormFailure>({ ok: false, formError, fieldErrors, values }, { status });
}

/** zod issues → { "field.path": "catalog.key" }, the first message of each field. */
export function zodFieldErrors(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "form";
    out[key] ??= issue.message;
  }
  return out;
}

/** The form's text fields as submitted (files left out), to validate and to send back. */
export async function formValues(request: Request): Promise<{ form: FormData; values: Record<string, string> }> {
  const form = await request.formData();
  const values: Record<string, string> = {};
  for (const [key, value] of form) if (typeof value === "string") values[key] = value;
  return { form, values };
}

/** Run a model call from an action. Invalid input (422, or 409 with field errors) returns the
 * form failure to render; other expected failures are thrown as error pages. */
export async function attempt<T>(fn: () => T | Promise<T>, values: Record<string, string>): Promise<{ ok: true; value: T } | Failed> {
  try {
    return { ok: true, value: await fn() };
  } catch (error) {
    if (error instanceof DomainError && (error.status === 422 || Object.keys(error.fieldErrors).length)) {
      const formError = error.message === "invalid" ? null : error.message;
      return { ok: false, response: formFailure(error.fieldErrors, values, formError, error.status) };
    }
    throw toResponse(error);
  }
}

/** A DomainError becomes a Response with its status; anything else is returned unchanged. */
export function toResponse(error: unknown): unknown {
  if (error instanceof DomainError) return json({ message: error.message }, { status: error.status });
  return error;
}

/** Call a model from a loader: expected failures become the matching error page. */
export function guard<T>(fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    throw toResponse(error);
  }
}

export function badRequest(): never {
  throw json({ message: "errors.badRequest" }, { status: 400 });
}
