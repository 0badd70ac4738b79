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
