// The browser check of a form, run by react-hook-form (the design card's form engine) with
// zodResolver over the action's own zod schema. This module is only ever reached by the dynamic
// import() in app/components/form.tsx, at the moment zod itself is loaded (a field's first
// focus, or the first submit), so react-hook-form (~15 KB gz), @hookform/resolvers and zod stay
// out of every page's first load (issue 5; tests/app/js-weight-guards.test.ts keeps it so).
//
// Inputs stay uncontrolled and nothing is registered: a check is one submit of a fresh
// headless control (createFormControl, no React hook) whose values are the form's FormData as
// the action reads it. RHF runs the resolver (mode "onSubmit", criteriaMode "firstError") and
// hands its nested errors (errors.authors[0].fullName.message) to onInvalid; they are flattened
// back into the dotted names the page uses ("authors.0.fullName" → catalog key), the first
// message per field, "form" for an error of the whole form: what zodFieldErrors gives on the
// server. One adjustment keeps the messages identical: a union's issue is handed to zodResolver
// without its branches (it would otherwise show a branch's generic message instead of the
// union's catalog key, as `share: z.union([...], { error })` has).
//
// Bundling: react-hook-form imports React. esbuild would then see React reached by one more
// entry point (this module) than react-dom and Remix, with which it shares the chunk every
// first load carries, and split React into a chunk of its own: +1 file and ~0.5 KB gz on every
// page. The two re-exports at the end reach the rest of that chunk from here as well, so it stays
// whole; they cost nothing (that chunk is on every page already). tests/bench/js-weight.ts shows it.
import { zodResolver } from "@hookform/resolvers/zod";
import { createFormControl, type FieldValues } from "react-hook-form";
import type * as Zod from "zod";

/** The schema as zodResolver sees it, with each union issue reported as the server reports it. */
function asTheServerReports(schema: Zod.ZodType): Zod.ZodType<FieldValues, FieldValues> {
  return {
    _zod: schema._zod,
    async parseAsync(values: unknown, params?: Zod.core.ParseContext<Zod.core.$ZodIssue>) {
      const result = await schema.safeParseAsync(values, params);
      if (result.success) return result.data;
      const issues = result.error.issues;
      issues.forEach((issue, i) => {
        if (issue.code === "invalid_union") issues[i] = { ...issue, errors: [] };
      });
      throw result.error;
    },
  } as unknown as Zod.ZodType<FieldValues, FieldValues>;
}

const ERROR_KEYS = new Set(["message", "type", "types", "ref"]);

/** RHF's nested errors → { "authors.0.fullName": "catalog.key" }, first message per field. */
export function flattenErrors(node: unknown, path: string[] = [], out: Record<string, string> = {}): Record<string, string> {
  if (!node || typeof node !== "object") return out;
  const leaf = typeof (node as { message?: unknown }).message === "string";
  if (leaf) out[path.join(".") || "form"] ??= (node as { message: string }).message;
  for (const [key, child] of Object.entries(node)) {
    if (!(leaf && ERROR_KEYS.has(key))) flattenErrors(child, [...path, key], out);
  }
  return out;
}

/** Check `values` (the form's FormData as a record) against `schema` through react-hook-form. */
export async function checkWithForm(schema: Zod.ZodType, values: Record<string, unknown>): Promise<Record<string, string>> {
  const form = createFormControl<FieldValues>({
    defaultValues: values,
    resolver: zodResolver(asTheServerReports(schema)),
    mode: "onSubmit",
    criteriaMode: "firstError",
    shouldFocusError: false,
  });
  let errors: Record<string, string> = {};
  await form.handleSubmit(
    () => undefined,
    (nested) => {
      errors = flattenErrors(nested);
    },
  )();
  return errors;
}

// See "Bundling" above: keeps the shared React/Remix chunk whole (not used otherwise).
export { RemixBrowser as keepsRemixChunkWhole } from "@remix-run/react";
export { jsx as keepsJsxRuntimeInIt } from "react/jsx-runtime";
