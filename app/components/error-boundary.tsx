import { isRouteErrorResponse, useRouteError } from "@remix-run/react";
import { useRootData } from "~/root";
import { useT } from "~/i18n/use-t";
import { useRequestInfo } from "./request-info";
import type { MessageKey } from "~/i18n";
import { Link } from "~/components/link";

const KNOWN = new Set([403, 404, 409]);

/** One error page for every route: a per-status message, and for unexpected errors only a
 * reference id (no stack trace, SQL or path). */
export function AppErrorBoundary() {
  const error = useRouteError();
  const t = useT();
  const root = useRootData();
  const server = useRequestInfo();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const kind = KNOWN.has(status) ? status : 500;
  // On the client the server's context is gone: keep the id the server rendered.
  const rendered = typeof document === "undefined" ? "" : (document.querySelector("[data-request-id]")?.getAttribute("data-request-id") ?? "");
  const requestId = root?.requestId || server.requestId || rendered;
  return (
    <div className="narrow">
      <title>{t(`error.${kind}.title` as MessageKey)}</title>
      <h1>{t(`error.${kind}.title` as MessageKey)}</h1>
      <p>{t(`error.${kind}.body` as MessageKey)}</p>
      {kind === 500 && requestId ? (
        <p>
          {t("error.reference")}: <strong className="reference" data-request-id={requestId}>
            {requestId}
          </strong>
        </p>
      ) : null}
      <p>
        <Link to="/">{t("error.home")}</Link>
      </p>
    </div>
  );
}
