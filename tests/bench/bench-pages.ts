// Reading pages as a browser would, outside the load: what ids a signed-in person is shown (so
// that the load only asks for what they may see, by the app's own rules), how many pages a list
// has, and the JavaScript a page's first load fetches, gzipped.
import { gzipSync } from "node:zlib";
import { scriptsOfHtml } from "./js-weight";

export type Page = { status: number; location: string | null; html: string };

export async function getPage(origin: string, path: string, cookie?: string): Promise<Page> {
  const res = await fetch(origin + path, { redirect: "manual", headers: cookie ? { Cookie: cookie } : {} });
  return { status: res.status, location: res.headers.get("location"), html: await res.text() };
}

/** A page that must answer 200 (a redirect to sign-in means the cookie did not work). */
export async function mustGet(origin: string, path: string, cookie?: string): Promise<string> {
  const page = await getPage(origin, path, cookie);
  if (page.status !== 200) throw new Error(`GET ${path} answered ${page.status}${page.location ? ` → ${page.location}` : ""}`);
  return page.html;
}

/** Distinct numeric ids of links like /sang-kien/123 (the first path segment after `prefix`). */
export function linkedIds(html: string, prefix: string): number[] {
  const re = new RegExp(`href="${prefix.replace(/[/.]/g, "\\$&")}/(\\d+)(?=["/?#])`, "g");
  return [...new Set([...html.matchAll(re)].map((m) => Number(m[1])))];
}

/** The highest ?trang=N the pagination links to (1 when there is none). */
export function lastPage(html: string): number {
  const pages = [...html.matchAll(/[?&;]trang=(\d+)/g)].map((m) => Number(m[1]));
  return Math.max(1, ...pages);
}

/** Collect ids from page 1 and a few pages spread over the list. */
export async function collectIds(origin: string, listPath: string, cookie: string, prefix: string, want = 200): Promise<number[]> {
  const first = await mustGet(origin, listPath, cookie);
  const ids = new Set(linkedIds(first, prefix));
  const last = lastPage(first);
  const sep = listPath.includes("?") ? "&" : "?";
  for (let i = 1; i <= 8 && ids.size < want && last > 1; i++) {
    const page = Math.max(2, Math.round((last * i) / 8));
    for (const id of linkedIds(await mustGet(origin, `${listPath}${sep}trang=${page}`, cookie), prefix)) ids.add(id);
  }
  return [...ids];
}

export type JsWeight = { path: string; files: number; rawBytes: number; gzipBytes: number };

// Static imports only (import "x" / from "x"): dynamic import("x") is not part of a first load.
const STATIC_IMPORT = /(?:\bfrom\s*|\bimport\s*)["']([^"']+?\.js)["']/g;

/** Every /build/ script the page's HTML loads (modulepreload, the inline module script's
 * imports), with their static imports, each gzipped on its own at level 9. */
export async function jsWeight(origin: string, path: string, cookie: string | undefined, cache: Map<string, Buffer>): Promise<JsWeight> {
  const html = await mustGet(origin, path, cookie);
  // What a browser fetches (js-weight.ts): not the files the inline route manifest only names.
  const queue = scriptsOfHtml(html);
  const seen = new Set<string>();
  let rawBytes = 0;
  let gzipBytes = 0;
  while (queue.length) {
    const url = queue.pop()!;
    if (seen.has(url)) continue;
    seen.add(url);
    let body = cache.get(url);
    if (!body) {
      const res = await fetch(origin + url);
      if (res.status !== 200) throw new Error(`GET ${url} answered ${res.status}`);
      body = Buffer.from(await res.arrayBuffer());
      cache.set(url, body);
    }
    rawBytes += body.length;
    gzipBytes += gzipSync(body, { level: 9 }).length;
    for (const m of body.toString("utf8").matchAll(STATIC_IMPORT)) {
      const target = new URL(m[1]!, origin + url).pathname;
      if (target.startsWith("/build/")) queue.push(target);
    }
  }
  return { path, files: seen.size, rawBytes, gzipBytes };
}
