import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { PageTitle } from "~/components/form";
import { Pagination, pageFromUrl } from "~/components/pagination";
import { Tag, SuccessBanner } from "~/components/summary";
import { isMessageKey } from "~/i18n";
import { formatDateTime, formatNumber } from "~/i18n/format";
import { useT } from "~/i18n/use-t";
import { listMyNotifications, markAllRead, markRead, NOTIFICATION_PAGE_SIZE } from "~/models/notifications.server";
import { badRequest, formValues, guard } from "~/utils/http.server";
import { requireSession } from "~/utils/request.server";
import { Link } from "~/components/link";

export async function loader({ request }: LoaderFunctionArgs) {
  const { ctx } = await requireSession(request);
  const url = new URL(request.url);
  const unreadOnly = url.searchParams.get("chua-doc") === "1";
  return json({ ...listMyNotifications(ctx, { page: pageFromUrl(url), unreadOnly }), unreadOnly, marked: url.searchParams.has("da-doc") });
}

export async function action({ request }: ActionFunctionArgs) {
  const { ctx } = await requireSession(request);
  const { values } = await formValues(request);
  if (values.intent === "read") guard(() => markRead(ctx, Number(values.id)));
  else if (values.intent === "readAll") markAllRead(ctx);
  else badRequest();
  const back = new URL(request.url);
  back.searchParams.set("da-doc", "1");
  return redirect(`/thong-bao${back.search}`);
}

export default function Notifications() {
  const { rows, total, page, unread, unreadOnly, marked } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <>
      <PageTitle title={t("tasks.notifications.title")} />
      {marked ? (
        <SuccessBanner>{t("tasks.notifications.marked")}</SuccessBanner>
      ) : null}
      <h1>{t("tasks.notifications.title")}</h1>
      <p className="lead">{t("tasks.notifications.unreadCount", { count: formatNumber(unread) })}</p>
      <div className="button-group">
        <Link to={unreadOnly ? "/thong-bao" : "/thong-bao?chua-doc=1"}>{t(unreadOnly ? "tasks.notifications.showAll" : "tasks.notifications.onlyUnread")}</Link>
        {unread > 0 ? (
          <Form method="post" className="inline-form">
            <input type="hidden" name="intent" value="readAll" />
            <button type="submit" className="button button--secondary">
              {t("tasks.notifications.markAllRead")}
            </button>
          </Form>
        ) : null}
      </div>
      {rows.length ? (
        <div className="table-wrap">
          <table className="task-table">
            <caption>{t("tasks.notifications.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("tasks.notifications.col.message")}</th>
                <th scope="col">{t("tasks.notifications.col.at")}</th>
                <th scope="col">{t("tasks.notifications.col.state")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((n) => {
                const text = isMessageKey(n.key) ? t(n.key, n.params) : n.key;
                return (
                  <tr key={n.id} className={n.readAt ? undefined : "notification--unread"}>
                    <td>
                      <Link to={n.href}>{text}</Link>
                    </td>
                    <td data-label={t("tasks.notifications.col.at")}>{formatDateTime(n.createdAt)}</td>
                    <td data-label={t("tasks.notifications.col.state")}>
                      {n.readAt ? (
                        <Tag tone="grey">{t("tasks.notifications.read")}</Tag>
                      ) : (
                        <>
                          <Tag>{t("tasks.notifications.unread")}</Tag>{" "}
                          <Form method="post" className="inline-form">
                            <input type="hidden" name="intent" value="read" />
                            <input type="hidden" name="id" value={n.id} />
                            <button type="submit" className="link-button">
                              {t("tasks.notifications.markRead")}
                              <span className="visually-hidden"> — {text}</span>
                            </button>
                          </Form>
                        </>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : (
        <p>{t("tasks.notifications.none")}</p>
      )}
      <Pagination page={page} total={total} pageSize={NOTIFICATION_PAGE_SIZE} />
    </>
  );
}
