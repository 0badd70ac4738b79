// One process of the HTTP server (app/server.mjs starts one per core): Express around the Remix build. It exists (instead of remix-serve) for
// what must hold for every request before any route runs: the same-site check on every
// non-GET request, baseline security headers, a per-request CSP nonce and reference id.
import { randomBytes, randomUUID } from "node:crypto";
import { createRequestHandler } from "@remix-run/express";
import compression from "compression";
import express from "express";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";

const BUILD_DIR = process.env.BUILD_DIR;
const build = await import(pathToFileURL(resolve(BUILD_DIR ? `${BUILD_DIR}/index.js` : "build/index.js")).href);
const ASSETS = BUILD_DIR ? `${BUILD_DIR}/assets` : "public/build";

// The policy of every response that is not a document (those get a nonce-based one).
const STATIC_CSP = "default-src 'none'; style-src 'self'; font-src 'self'; img-src 'self'; frame-ancestors 'none'";

const app = express();
app.disable("x-powered-by");
if (process.env.TRUST_PROXY) app.set("trust proxy", process.env.TRUST_PROXY);
app.use(compression());

app.use((req, res, next) => {
  res.setHeader("X-Content-Type-Options", "nosniff");
  res.setHeader("Referrer-Policy", "same-origin");
  res.setHeader("X-Frame-Options", "DENY");
  res.setHeader("Cross-Origin-Opener-Policy", "same-origin");
  res.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
  if (req.secure) res.setHeader("Strict-Transport-Security", "max-age=31536000");
  // Documents carry entry.server's nonce policy; every other response (files, downloads,
  // refusals) gets the closed one, set last so that the two never stack.
  const writeHead = res.writeHead;
  res.writeHead = function (...args) {
    if (!res.getHeader("Content-Security-Policy")) res.setHeader("Content-Security-Policy", STATIC_CSP);
    return writeHead.apply(this, args);
  };
  next();
});

/** A request that changes state must come from this site's own pages. */
function sameSite(req) {
  const own = `${req.protocol}://${req.get("host")}`;
  const origin = req.get("origin");
  if (origin) return origin === own;
  const referer = req.get("referer");
  return !!referer && (referer === own || referer.startsWith(`${own}/`));
}

app.use((req, res, next) => {
  if (req.method === "GET" || req.method === "HEAD" || sameSite(req)) return next();
  res.status(403).type("text/plain; charset=utf-8").send(
    "403 — Yêu cầu bị từ chối: nguồn gửi không phải trang của Cổng. / Request refused: it did not come from this site's pages.",
  );
});

app.use("/build", express.static(ASSETS, { immutable: true, maxAge: "1y", index: false }));
// Files of public/ (the favicon) have an extension; pages do not. Asking the file system about
// every page first (a stat per request) cost more than some pages' queries.
const publicFiles = express.static("public", { maxAge: "1h", index: false, redirect: false });
app.use((req, res, next) => (/\.\w+$/.test(req.path) ? publicFiles(req, res, next) : next()));

// Pages are served in the order they were asked for, a few milliseconds of them per turn of the
// event loop. Rendering is CPU work on this one thread, and Node accepts one new connection per
// turn and starts every request it read in that turn: under load each turn was a whole round of
// everybody's pages, new connections waited seconds to be accepted and p99 was 10–20 times p50.
// Queued, a page waits for the pages asked before it and no more. A page runs to its end in the
// turn it starts in (its awaits are on work already done), so a turn starts as many pages as
// fit in TURN_MS at the recent average page time. Writes are not queued: submissions that arrive
// together share one commit (app/models/group-commit.server.ts).
const TURN_MS = 6;
const waitingPages = [];
let drainScheduled = false;
let pageMs = 5;
function servePages() {
  drainScheduled = false;
  for (let n = Math.max(1, Math.floor(TURN_MS / pageMs)); n > 0 && waitingPages.length; n--) waitingPages.shift()();
  if (waitingPages.length) scheduleDrain();
}
function scheduleDrain() {
  drainScheduled = true;
  setImmediate(servePages);
}
app.use((req, res, next) => {
  if (req.method !== "GET" && req.method !== "HEAD") return next();
  waitingPages.push(() => {
    // A page whose reader has gone (closed the tab, timed out) is skipped: nobody would read it.
    if (req.socket.destroyed) return;
    const started = performance.now();
    res.once("finish", () => (pageMs = 0.9 * pageMs + 0.1 * Math.min(100, performance.now() - started)));
    next();
  });
  if (!drainScheduled) scheduleDrain();
});

app.all(
  "*",
  createRequestHandler({
    build,
    mode: process.env.NODE_ENV ?? "production",
    getLoadContext: () => ({ nonce: randomBytes(16).toString("base64"), requestId: randomUUID().slice(0, 8).toUpperCase() }),
  }),
);

build.entry.module.prepareServer();
const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? "0.0.0.0";
app.listen(port, host, () => {
  // Under app/server.mjs the primary process says where the server runs, once.
  if (!process.send) console.log(`Cổng sáng kiến đang chạy: http://${host === "0.0.0.0" ? "localhost" : host}:${port}`);
});
// A process of a cluster ends with its primary.
process.on("disconnect", () => process.exit(0));
