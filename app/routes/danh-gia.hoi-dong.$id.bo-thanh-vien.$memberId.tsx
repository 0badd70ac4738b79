// Removing a council member: a confirmation step of its own.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Form, PageTitle } from "~/components/form";
import type { MessageKey } from "~/i18n";
import { fullName } from "~/i18n/format";
import { useT } from "~/i18n/use-t";
import { memberById, removeMember } from "~/models/councils.server";
import { idParam } from "~/utils/councils-route.server";
import { guard } from "~/utils/http.server";
import { requireSession } from "~/utils/request.server";
import { Link } from "~/components/link";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { ctx } = await requireSession(request);
  const id = idParam(params.id);
  const memberId = idParam(params.memberId);
  const { council, member } = guard(() => memberById(ctx, id, memberId));
  return json({ council: { id: council.id, name: council.name }, member: { name: fullName(member), role: member.role } });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { ctx } = await requireSession(request);
  const id = idParam(params.id);
  const memberId = idParam(params.memberId);
  guard(() => removeMember(ctx, id, memberId));
  return redirect(`/danh-gia/hoi-dong/${id}?da-luu=bo-thanh-vien`);
}

export default function RemoveMember() {
  const { council, member } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <div className="narrow">
      <PageTitle title={t("councils.remove.title")} />
      <h1>{t("councils.remove.title")}</h1>
      <p className="caption">{council.name}</p>
      <div className="banner banner--warning">
        <p>{t("councils.remove.lead", { name: member.name, role: t(`councils.role.${member.role}` as MessageKey) })}</p>
      </div>
      <Form method="post">
        <div className="button-group">
          <button type="submit" className="button button--warning">
            {t("councils.remove.submit")}
          </button>
          <Link to={`/danh-gia/hoi-dong/${council.id}`} className="button button--secondary">
            {t("councils.cancel")}
          </Link>
        </div>
      </Form>
    </div>
  );
}
