// Issue 5's budget "under 100 KB of gzipped JavaScript for any page's first load" is proven by
// tests/bench/js-weight.ts on a build; these checks keep the sources from undoing it quietly:
// zod (~25 KB gz), react-hook-form with its resolvers (~15 KB gz) and the catalogs (~30 KB gz
// each) must never be imported statically by code the browser bundles. react-hook-form is the
// form engine, but only app/components/form-check.client.ts imports it, and that module is only
// reached by one dynamic import() in app/components/form.tsx (loaded with zod on first focus).
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

/** Files the browser bundle may include: everything under app/ but *.server modules. */
const browserFiles = files("app").filter((f) => !/\.server\.(ts|tsx)$/.test(f) && !f.startsWith(join("app", "server")));

/** The one module that imports react-hook-form (only ever loaded by a dynamic import). */
const ENGINE = join("app", "components", "form-check.client.ts");

/** Static value imports (not `import type`) of `specifier` in `source`. */
function valueImports(source: string, specifier: RegExp): string[] {
  const out: string[] = [];
  for (const m of source.matchAll(/^\s*(import|export)\s+(?!type\b)([^;]*?)\s+from\s+["']([^"']+)["']/gm)) {
    if (specifier.test(m[3]!)) out.push(m[0].trim());
  }
  for (const m of source.matchAll(/^\s*import\s+["']([^"']+)["']/gm)) if (specifier.test(m[1]!)) out.push(m[0].trim());
  return out;
}

describe("what the browser bundles", () => {
  it("finds the app's files", () => {
    expect(browserFiles.length).toBeGreaterThan(100);
    expect(browserFiles).toContain(join("app", "root.tsx"));
  });

  it("never imports zod statically (schemas use ./z, which loads zod on demand)", () => {
    const offenders = browserFiles.flatMap((f) => valueImports(readFileSync(f, "utf8"), /^zod(\/|$)/).map((i) => `${f}: ${i}`));
    expect(offenders).toEqual([]);
  });

  it("never imports a whole catalog statically (the page's strings come with the page)", () => {
    const offenders = browserFiles
      .filter((f) => !f.endsWith(join("i18n", "catalog.en.ts")))
      .flatMap((f) => valueImports(readFileSync(f, "utf8"), /(^|\/)(catalog\.(vi|en)|vi\/|en\/)/).map((i) => `${f}: ${i}`))
      // The catalogs are assembled from the area files in catalog.vi.ts / catalog.en.ts only.
      .filter((line) => !line.startsWith(join("app", "i18n", "catalog.vi.ts")));
    expect(offenders).toEqual([]);
  });

  it("imports react-hook-form only in the form engine module", () => {
    const offenders = browserFiles
      .filter((f) => f !== ENGINE)
      .flatMap((f) => valueImports(readFileSync(f, "utf8"), /^(react-hook-form|@hookform\/)/).map((i) => `${f}: ${i}`));
    expect(offenders).toEqual([]);
    // It is the engine: the check really runs through react-hook-form and zodResolver.
    const engine = valueImports(readFileSync(ENGINE, "utf8"), /^(react-hook-form|@hookform\/)/).join("\n");
    expect(engine).toMatch(/createFormControl[^\n]*from "react-hook-form"/);
    expect(engine).toMatch(/zodResolver[^\n]*from "@hookform\/resolvers\/zod"/);
  });

  it("reaches the form engine only by the one dynamic import in form.tsx", () => {
    const engineName = /(^|\/)form-check(\.client)?(\.ts)?$/;
    const staticImports = browserFiles.flatMap((f) => valueImports(readFileSync(f, "utf8"), engineName).map((i) => `${f}: ${i}`));
    expect(staticImports).toEqual([]);
    // (`typeof import(...)` is a type, not a load.)
    const dynamic = browserFiles.flatMap((f) =>
      [...readFileSync(f, "utf8").matchAll(/(?<!typeof\s+)\bimport\(\s*["']([^"']+)["']\s*\)/g)].filter((m) => engineName.test(m[1]!)).map(() => f),
    );
    expect(dynamic).toEqual([join("app", "components", "form.tsx")]);
  });

  it("the guards see a static import when there is one", () => {
    expect(valueImports('import * as z from "zod";\nimport type * as Y from "zod";', /^zod$/)).toHaveLength(1);
    expect(valueImports('import { vi } from "./catalog.vi";', /(^|\/)(catalog\.(vi|en))/)).toHaveLength(1);
    expect(valueImports('import { checkWithForm } from "./form-check.client";\nconst m = import("./form-check.client");', /form-check/)).toHaveLength(1);
  });
});

describe("what the browser bundle leaves out (patches/, applied by npm install)", () => {
  // Single fetch is off (remix.config.js), so its browser code and turbo-stream (~2.5 KB gz of
  // every page) are not bundled: patches/@remix-run+react*.patch. If single fetch is ever turned
  // on, that part of the patch must go (the browser would throw "Single fetch is not bundled").
  it("keeps single fetch off, since the browser bundle does not contain it", async () => {
    const config = (await import("../../remix.config.js")) as { default?: { future: Record<string, boolean> }; future?: Record<string, boolean> };
    const future = (config.default ?? config).future!;
    expect(future.v3_singleFetch).toBe(false);
    expect(future.v3_lazyRouteDiscovery).toBe(true);
  });

  it("has the @remix-run/react patch applied: the browser entry does not import single-fetch.js", () => {
    for (const file of ["browser.js", "components.js"]) {
      const source = readFileSync(join("node_modules", "@remix-run", "react", "dist", "esm", file), "utf8");
      expect(source, file).not.toMatch(/from '\.\/single-fetch\.js'/);
      expect(source, file).toMatch(/Patched \(patches\/@remix-run\+react/);
    }
  });

  it("has the @remix-run/dev patch applied: empty stand-ins for .server modules have no side effects", () => {
    const source = readFileSync(join("node_modules", "@remix-run", "dev", "dist", "compiler", "plugins", "emptyModules.js"), "utf8");
    expect(source).toMatch(/namespace: "empty-module",[^}]*sideEffects: false/);
  });
});

describe("schema modules stay out of pages that only need their constants", () => {
  // A schema module builds zod schemas at load (recorded in the browser): importing one for a
  // constant brings all its definitions along. The constants live in zod-free modules.
  it("keeps the constants modules free of zod", () => {
    for (const file of ["initiative-sections.ts", "task-filters.ts", "initiative-filters.ts", "search.ts", "common.ts"]) {
      const source = readFileSync(join("app", "schemas", file), "utf8");
      expect(valueImports(source, /(^|\/)z$|^zod$|(^|\/)(initiatives|tasks|councils|scoring|people|orgs|decisions|proposals)$/), file).toEqual([]);
    }
  });

  it("list, search and read-only pages import the constants modules, not the schemas", () => {
    const readers = [
      "app/routes/tim-kiem.tsx",
      "app/routes/sang-kien._index.tsx",
      "app/routes/nhiem-vu._index.tsx",
      "app/routes/ghi-nhan._index.tsx",
      "app/routes/quyet-dinh.$id._index.tsx",
      "app/components/initiative-parts.tsx",
      "app/components/initiative-detail.tsx",
      "app/components/initiative-inbox-filters.tsx",
      "app/components/decision-preview.tsx",
      "app/components/status-tags.tsx",
    ];
    const offenders = readers.flatMap((f) => valueImports(readFileSync(f, "utf8"), /schemas\/(initiatives|tasks)$/).map((i) => `${f}: ${i}`));
    expect(offenders).toEqual([]);
  });
});
