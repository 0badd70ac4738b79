// Server entry. Differs from Remix's default in three ways that matter here:
// - documents are rendered to one string, not streamed: no route defers data, so a stream
//   sent nothing sooner, and React's stream encoded every small chunk on its own (about a
//   third of a list page's CPU). It also dropped zero bytes inside Vietnamese letters
//   (react#31134), which a string render cannot do;
// - every document gets a nonce-based Content-Security-Policy and `Cache-Control: no-store`
//   (pages behind sign-in must not stay in shared or back-button caches);
// - errors are logged with the request's reference id, which the error page shows instead of
//   any stack trace, SQL or path.
import type { ActionFunctionArgs, AppLoadContext, EntryContext, HandleErrorFunction, LoaderFunctionArgs } from "@remix-run/node";
import { RemixServer, isRouteErrorResponse } from "@remix-run/react";
import { renderToString } from "react-dom/server";
import { RequestInfoContext } from "~/components/request-info";
import { getHandle } from "../db/client";
import { secrets } from "~/utils/request.server";
import { utf8 } from "~/utils/utf8.server";

type LoadContext = AppLoadContext & { nonce?: string; requestId?: string };

function contentSecurityPolicy(nonce: string): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'`,
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "object-src 'none'",
  ].join("; ");
}

/** Called by the server process before it listens: opens and migrates the database and makes
 * the portal's keys if there are none, so that a second process started after it finds both. */
export function prepareServer(): void {
  getHandle();
  secrets();
}

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: LoadContext,
) {
  const nonce = loadContext.nonce ?? "";
  const requestId = loadContext.requestId ?? "";
  const html = renderToString(
    <RequestInfoContext.Provider value={{ nonce, requestId }}>
      <RemixServer context={remixContext} url={request.url} nonce={nonce} />
    </RequestInfoContext.Provider>,
  );
  responseHeaders.set("Content-Type", "text/html; charset=utf-8");
  responseHeaders.set("Content-Security-Policy", contentSecurityPolicy(nonce));
  responseHeaders.set("Cache-Control", "no-store");
  if (requestId) responseHeaders.set("X-Request-Id", requestId);
  return new Response(utf8(`<!DOCTYPE html>${html}`), { headers: responseHeaders, status: responseStatusCode });
}

export function handleDataRequest(response: Response) {
  response.headers.set("Cache-Control", "no-store");
  return response;
}

export const handleError: HandleErrorFunction = (error, args: LoaderFunctionArgs | ActionFunctionArgs) => {
  if (args.request.signal.aborted) return;
  // An address that matches no route (a browser asking for /favicon.ico) is not a server fault.
  if (isRouteErrorResponse(error) && error.status === 404) return;
  const requestId = (args.context as LoadContext).requestId ?? "-";
  console.error(`[${requestId}] ${args.request.method} ${new URL(args.request.url).pathname}`, error);
};
