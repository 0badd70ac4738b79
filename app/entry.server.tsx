// Server entry. Differs from Remix's default in three ways that matter here:
// - the 5-second abort timer is cleared when rendering ends (the default kept every response
//   alive for 5 s and grew the process to 0.6–1.2 GB under load);
// - every document gets a nonce-based Content-Security-Policy and `Cache-Control: no-store`
//   (pages behind sign-in must not stay in shared or back-button caches);
// - errors are logged with the request's reference id, which the error page shows instead of
//   any stack trace, SQL or path.
import { Transform } from "node:stream";
import type { ActionFunctionArgs, AppLoadContext, EntryContext, HandleErrorFunction, LoaderFunctionArgs } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { RemixServer, isRouteErrorResponse } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { RequestInfoContext } from "~/components/request-info";

const ABORT_DELAY = 5_000;

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

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: LoadContext,
) {
  const nonce = loadContext.nonce ?? "";
  const requestId = loadContext.requestId ?? "";
  const waitForAll = isbot(request.headers.get("user-agent") ?? "") || remixContext.isSpaMode;
  return new Promise((resolve, reject) => {
    let shellRendered = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const send = () => {
      shellRendered = true;
      const body = withoutNulBytes();
      responseHeaders.set("Content-Type", "text/html; charset=utf-8");
      responseHeaders.set("Content-Security-Policy", contentSecurityPolicy(nonce));
      responseHeaders.set("Cache-Control", "no-store");
      if (requestId) responseHeaders.set("X-Request-Id", requestId);
      resolve(new Response(createReadableStreamFromReadable(body), { headers: responseHeaders, status: responseStatusCode }));
      pipe(body);
    };
    const { pipe, abort } = renderToPipeableStream(
      <RequestInfoContext.Provider value={{ nonce, requestId }}>
        <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
      </RequestInfoContext.Provider>,
      {
        nonce,
        onShellReady() {
          if (!waitForAll) send();
        },
        onAllReady() {
          clearTimeout(timer);
          if (waitForAll) send();
        },
        onShellError(error: unknown) {
          clearTimeout(timer);
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          if (shellRendered) console.error(`[${requestId}]`, error);
        },
      },
    );
    timer = setTimeout(abort, ABORT_DELAY);
  });
}

export function handleDataRequest(response: Response) {
  response.headers.set("Cache-Control", "no-store");
  return response;
}

/**
 * React 18.3's renderToPipeableStream sometimes flushes a whole 2 KB buffer, unused zero bytes
 * included, when a multi-byte character does not fit (react#31134): "mười" arrives as
 * "m\u0000ười". UTF-8 uses 0x00 only for U+0000, which no page contains, so dropping zero
 * bytes restores exactly what React meant to send.
 */
export function withoutNulBytes(): Transform {
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      callback(null, chunk.includes(0) ? chunk.filter((b) => b !== 0) : chunk);
    },
  });
}

export const handleError: HandleErrorFunction = (error, args: LoaderFunctionArgs | ActionFunctionArgs) => {
  if (args.request.signal.aborted) return;
  // An address that matches no route (a browser asking for /favicon.ico) is not a server fault.
  if (isRouteErrorResponse(error) && error.status === 404) return;
  const requestId = (args.context as LoadContext).requestId ?? "-";
  console.error(`[${requestId}] ${args.request.method} ${new URL(args.request.url).pathname}`, error);
};
