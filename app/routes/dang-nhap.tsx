import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { lockoutPolicy, signIn } from "~/models/accounts.server";
import { sessionPolicy } from "~/auth/sessions.server";
import { signInSchema } from "~/schemas/auth";
import { ErrorSummary, Form, Hidden, PageTitle, TextField, useValidatedForm } from "~/components/form";
import { useT } from "~/i18n/use-t";
import { formFailure, formValues, zodFieldErrors } from "~/utils/http.server";
import { baseCtx, currentSession, safeNext, sessionCookie } from "~/utils/request.server";
import { SuccessBanner } from "~/components/summary";

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const next = safeNext(url.searchParams.get("next"));
  if (await currentSession(request)) throw redirect(next);
  return json({ next, signedOut: url.searchParams.has("da-dang-xuat") });
}

export async function action({ request }: ActionFunctionArgs) {
  const { values } = await formValues(request);
  const { password: _omit, ...keep } = values;
  const parsed = signInSchema.safeParse(values);
  if (!parsed.success) return formFailure(zodFieldErrors(parsed.error), keep);
  const result = await signIn(
    baseCtx(),
    { username: parsed.data.username, password: parsed.data.password, userAgent: request.headers.get("User-Agent") },
    { session: sessionPolicy(), lockout: lockoutPolicy() },
  );
  if (!result.ok) return formFailure({ password: "auth.signIn.failed" }, keep, null, 401);
  const target = result.mustChangePassword ? "/doi-mat-khau" : safeNext(parsed.data.next);
  return redirect(target, { headers: { "Set-Cookie": await sessionCookie(request).serialize(result.token) } });
}

export default function SignIn() {
  const { next, signedOut } = useLoaderData<typeof loader>();
  const server = useActionData<typeof action>();
  const t = useT();
  const form = useValidatedForm(signInSchema, { defaults: { username: "", password: "", next }, server });
  return (
    <div className="narrow">
      <PageTitle title={t("auth.signIn.title")} hasErrors={form.hasErrors} />
      {signedOut && !server ? (
        <SuccessBanner>{t("auth.signedOut")}</SuccessBanner>
      ) : null}
      <ErrorSummary errors={form.errors} summaryRef={form.summaryRef} />
      <h1>{t("auth.signIn.title")}</h1>
      <p className="lead">{t("auth.signIn.lead")}</p>
      <Form method="post" noValidate onSubmit={form.onSubmit}>
        <Hidden name="next" form={form} />
        <TextField name="username" label={t("auth.username")} autoComplete="username" form={form} />
        <TextField
          name="password"
          type="password"
          label={t("auth.password")}
          autoComplete="current-password"
          form={form}
        />
        <button type="submit" className="button">
          {t("auth.signIn.submit")}
        </button>
      </Form>
    </div>
  );
}
