// patches/@remix-run+react*.patch: <Links> and <Scripts> computed the page's links and its
// modules script (with the partial route manifest) on every render, though both depend only on
// the path and its routes; they are remembered per path. A minimal app rendered by the real
// RemixServer shows that the links are computed once per set of routes and that each path still
// gets the modules script it got before.
import { Links, Outlet, RemixServer, Scripts } from "@remix-run/react";
import { createRequestHandler, type EntryContext, type ServerBuild } from "@remix-run/server-runtime";
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";

let linkCalls = 0;

function app(): ServerBuild {
  const root = {
    id: "root",
    path: "",
    module: {
      links: () => {
        linkCalls++;
        return [{ rel: "stylesheet", href: "/app.css" }];
      },
      default: () => (
        <html lang="vi">
          <head>
            <Links />
          </head>
          <body>
            <Outlet />
            <Scripts />
          </body>
        </html>
      ),
    },
  };
  const page = { id: "routes/a.$id", parentId: "root", path: "a/:id", module: { default: () => <p>trang</p> } };
  const routes = { root, "routes/a.$id": page };
  const assetRoutes = Object.fromEntries(
    Object.values(routes).map((r) => [
      r.id,
      { id: r.id, parentId: "parentId" in r ? r.parentId : undefined, path: r.path, module: `/build/${r.id}.js`, imports: [], hasLoader: false, hasAction: false, hasClientAction: false, hasClientLoader: false, hasErrorBoundary: false },
    ]),
  );
  const handleRequest = (request: Request, status: number, headers: Headers, context: EntryContext) =>
    new Response(`<!DOCTYPE html>${renderToString(<RemixServer context={context} url={request.url} />)}`, { status, headers: { "Content-Type": "text/html" } });
  return {
    mode: "production",
    entry: { module: { default: handleRequest } },
    routes,
    assets: { entry: { module: "/build/entry.js", imports: [] }, routes: assetRoutes, url: "/build/manifest.js", version: "1" },
    publicPath: "/build/",
    assetsBuildDirectory: "public/build",
    future: { v3_lazyRouteDiscovery: true },
    isSpaMode: false,
    basename: undefined,
  } as unknown as ServerBuild;
}

describe("Remix's links and modules script (patched)", () => {
  it("computes a set of routes' links once, and renders the same scripts and links as before", async () => {
    const handler = createRequestHandler(app(), "production");
    const html = async (path: string) => (await handler(new Request(`http://portal.test${path}`))).text();
    linkCalls = 0;
    const first = await html("/a/1");
    const again = await html("/a/1");
    const other = await html("/a/2");
    expect(linkCalls).toBe(1);
    expect(again).toBe(first);
    for (const page of [first, other]) {
      expect(page).toContain('<link rel="stylesheet" href="/app.css"/>');
      expect(page).toContain('import * as route1 from "/build/routes/a.$id.js"');
      expect(page).toContain('window.__remixManifest = {');
    }
  });
});
