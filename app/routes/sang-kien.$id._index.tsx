import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { PageTitle } from "~/components/form";
import { DraftTaskList, RecordView } from "~/components/initiative-detail";
import { SuccessBanner } from "~/components/summary";
import { useT } from "~/i18n/use-t";
import { getInitiativeWithFiles } from "~/models/initiatives.server";
import { guard } from "~/utils/http.server";
import { initiativeIdParam, savedBanner } from "~/utils/initiatives-route.server";
import { requireSession } from "~/utils/request.server";
import { Link } from "~/components/link";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { ctx } = await requireSession(request);
  const id = initiativeIdParam(params);
  const { initiative, files } = guard(() => getInitiativeWithFiles(ctx, id));
  return json({ initiative, files, saved: savedBanner(new URL(request.url)) });
}

export default function InitiativePage() {
  const { initiative, files, saved } = useLoaderData<typeof loader>();
  const t = useT();
  const title = initiative.title || t("initiatives.untitled");
  return (
    <>
      <PageTitle title={title} />
      {saved ? <SuccessBanner>{t(saved)}</SuccessBanner> : null}
      <p className="no-print">
        <Link to="/sang-kien">‹ {t("initiatives.list.title")}</Link>
      </p>
      {initiative.allowed.edit ? <DraftTaskList initiative={initiative} files={files} /> : <RecordView initiative={initiative} files={files} />}
    </>
  );
}
