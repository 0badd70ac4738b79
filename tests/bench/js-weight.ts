// The JavaScript each route makes a browser download on a first load, gzipped (zlib level 9):
// the entry, the root, every route module of the match (the route and its parents), and every
// module those import, transitively (what <Scripts> modulepreloads and the modules then import).
// It proves issue 5's budget "under 100 KB gzipped for any page's first load" route by route;
// the benchmark (tests/bench/run.ts) measures the same thing from the HTML of a few pages.
//
//   BUILD_DIR=.builds/js npx remix build && BUILD_DIR=.builds/js npx tsx tests/bench/js-weight.ts [--budget 100]
//
// Reads the browser manifest (<assets>/manifest-*.js) of the build; the assets directory is
// $BUILD_DIR/assets, or public/build without BUILD_DIR (as remix.config.js and app/server.mjs).
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { pathToFileURL } from "node:url";

type ManifestRoute = { id: string; parentId?: string; module: string; imports?: string[] };
type Manifest = { entry: { module: string; imports?: string[] }; routes: Record<string, ManifestRoute>; url?: string };

export type RouteWeight = {
  route: string;
  files: number;
  /** Raw bytes of all first-load files. */
  raw: number;
  /** Sum of each file gzipped on its own at level 9 (what the wire carries with per-file compression). */
  gzip: number;
};

export function assetsDir(buildDir = process.env.BUILD_DIR): string {
  return buildDir ? join(buildDir, "assets") : "public/build";
}

export function readManifest(dir: string): Manifest {
  const file = readdirSync(dir).find((f) => /^manifest-[\w]+\.js$/.test(f));
  if (!file) throw new Error(`no manifest-*.js in ${dir}: build first`);
  const text = readFileSync(join(dir, file), "utf8");
  const json = text.slice(text.indexOf("=") + 1).replace(/;\s*$/, "");
  return JSON.parse(json) as Manifest;
}

const IMPORT = /(?:import|export)\s*(?:[\w*{}\s,$]*from\s*)?["']([^"']+\.js)["']/g;

/** Measure every route of the build in `dir` (the assets directory, served under publicPath). */
export function routeWeights(dir = assetsDir(), publicPath = "/build/"): RouteWeight[] {
  const manifest = readManifest(dir);
  const cache = new Map<string, { raw: number; gzip: number; imports: string[] }>();
  const fileOf = (url: string) => join(dir, url.startsWith(publicPath) ? url.slice(publicPath.length) : url);
  const info = (url: string) => {
    let hit = cache.get(url);
    if (!hit) {
      const buf = readFileSync(fileOf(url));
      const imports = [...buf.toString("utf8").matchAll(IMPORT)].map((m) => m[1]!).filter((u) => u.startsWith(publicPath));
      hit = { raw: buf.length, gzip: gzipSync(buf, { level: 9 }).length, imports };
      cache.set(url, hit);
    }
    return hit;
  };
  const rows: RouteWeight[] = [];
  for (const route of Object.values(manifest.routes)) {
    const start = [manifest.entry.module, ...(manifest.entry.imports ?? [])];
    for (let r: ManifestRoute | undefined = route; r; r = r.parentId ? manifest.routes[r.parentId] : undefined) {
      start.push(r.module, ...(r.imports ?? []));
    }
    const seen = new Set<string>();
    const queue = [...start];
    while (queue.length) {
      const url = queue.pop()!;
      if (seen.has(url)) continue;
      seen.add(url);
      queue.push(...info(url).imports);
    }
    let raw = 0;
    let gzip = 0;
    for (const url of seen) {
      raw += info(url).raw;
      gzip += info(url).gzip;
    }
    rows.push({ route: route.id, files: seen.size, raw, gzip });
  }
  return rows.sort((a, b) => b.gzip - a.gzip || a.route.localeCompare(b.route));
}

const kb = (n: number) => (n / 1024).toFixed(1);

export function formatTable(rows: RouteWeight[], budgetKb = 100): string {
  const width = Math.max(5, ...rows.map((r) => r.route.length));
  const lines = [`${"route".padEnd(width)}  files     raw KB   gzip KB`];
  for (const r of rows) {
    const flag = r.gzip > budgetKb * 1024 ? "  OVER BUDGET" : "";
    lines.push(`${r.route.padEnd(width)}  ${String(r.files).padStart(5)}  ${kb(r.raw).padStart(9)}  ${kb(r.gzip).padStart(8)}${flag}`);
  }
  return lines.join("\n");
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const i = process.argv.indexOf("--budget");
  const budget = i > 0 ? Number(process.argv[i + 1]) : 100;
  const top = process.argv.includes("--all") ? Infinity : Number(process.env.TOP ?? Infinity);
  const rows = routeWeights();
  console.log(formatTable(rows.slice(0, top), budget));
  const over = rows.filter((r) => r.gzip > budget * 1024);
  const max = rows[0];
  console.log(`\n${rows.length} routes; largest ${max?.route} ${kb(max?.gzip ?? 0)} KB gz; budget ${budget} KB: ${over.length ? `${over.length} OVER` : "all within"}`);
  if (over.length) process.exitCode = 1;
}
