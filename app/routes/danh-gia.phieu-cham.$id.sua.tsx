import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { RubricForm } from "~/components/rubric-form";
import { useT } from "~/i18n/use-t";
import { getRubric, updateRubric } from "~/models/rubrics.server";
import { critField, CRITERION_ROWS, rubricSchema } from "~/schemas/councils";
import { idParam } from "~/utils/councils-route.server";
import { attempt, formFailure, formValues, guard, zodFieldErrors } from "~/utils/http.server";
import { requireSession } from "~/utils/request.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { ctx } = await requireSession(request);
  const id = idParam(params.id);
  const { rubric, criteria } = guard(() => getRubric(ctx, id));
  if (rubric.lockedAt) throw redirect(`/danh-gia/phieu-cham/${id}`);
  const defaults: Record<string, string> = {
    name: rubric.name,
    thresholdUnit: String(rubric.thresholdUnit),
    thresholdWard: String(rubric.thresholdWard),
    thresholdCity: String(rubric.thresholdCity),
  };
  for (const row of CRITERION_ROWS) {
    const c = criteria[row - 1];
    defaults[critField(row, "name")] = c?.name ?? "";
    defaults[critField(row, "max")] = c ? String(c.maxPoints) : "";
    defaults[critField(row, "guidance")] = c?.guidance ?? "";
  }
  return json({ defaults });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { ctx } = await requireSession(request);
  const id = idParam(params.id);
  const { values } = await formValues(request);
  const parsed = rubricSchema.safeParse(values);
  if (!parsed.success) return formFailure(zodFieldErrors(parsed.error), values);
  const result = await attempt(() => updateRubric(ctx, id, parsed.data), values);
  if (!result.ok) return result.response;
  return redirect(`/danh-gia/phieu-cham/${id}?da-luu`);
}

export default function EditRubric() {
  const { defaults } = useLoaderData<typeof loader>();
  const [search] = useSearchParams();
  const t = useT();
  return (
    <RubricForm
      title={t("councils.rubric.edit.title")}
      lead={search.has("phien-ban-moi") ? t("councils.rubric.versionCreated") : undefined}
      submitLabel={t("councils.rubric.edit.submit")}
      orgs={null}
      defaults={defaults}
      server={useActionData<typeof action>()}
    />
  );
}
