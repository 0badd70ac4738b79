import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { RubricForm } from "~/components/rubric-form";
import { useT } from "~/i18n/use-t";
import { createRubric, ownOrgChoices } from "~/models/rubrics.server";
import { forbidden } from "~/models/errors";
import { DEFAULT_RUBRIC_VALUES, rubricCreateSchema } from "~/schemas/councils";
import { attempt, formFailure, formValues, guard, zodFieldErrors } from "~/utils/http.server";
import { requireSession } from "~/utils/request.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const { ctx } = await requireSession(request);
  const orgs = ownOrgChoices(ctx, "rubric.manage");
  if (!orgs.length) guard(() => { throw forbidden(); });
  return json({ orgs });
}

export async function action({ request }: ActionFunctionArgs) {
  const { ctx } = await requireSession(request);
  const { values } = await formValues(request);
  const parsed = rubricCreateSchema.safeParse(values);
  if (!parsed.success) return formFailure(zodFieldErrors(parsed.error), values);
  const result = await attempt(() => createRubric(ctx, parsed.data), values);
  if (!result.ok) return result.response;
  return redirect(`/danh-gia/phieu-cham/${result.value.id}?da-luu`);
}

export default function NewRubric() {
  const { orgs } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <RubricForm
      title={t("councils.rubric.new.title")}
      lead={t("councils.rubric.new.lead")}
      submitLabel={t("councils.rubric.new.submit")}
      orgs={orgs}
      defaults={{ ...DEFAULT_RUBRIC_VALUES, orgId: orgs.length === 1 ? String(orgs[0].id) : "" }}
      server={useActionData<typeof action>()}
    />
  );
}
