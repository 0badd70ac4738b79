// patches/@remix-run+server-runtime*.patch: Remix used to hand every loader a copy of the request
// (rebuilt to strip "?index" and "?_data" even when neither was there), so the per-request memo
// of the session (app/utils/request.server.ts currentSession) never hit: the root's loader and
// the route's each read the cookie and queried the session, the person and the grants again, and
// each copy cost two URL parses and an undici Request. These tests pin the patched behaviour.
import { createRequestHandler, type ServerBuild } from "@remix-run/server-runtime";
import { describe, expect, it } from "vitest";

function appWith(seen: Record<string, Request[]>): ServerBuild {
  const loader = (id: string) => ({ request }: { request: Request }) => {
    (seen[id] ??= []).push(request);
    return { url: request.url };
  };
  const Component = () => null;
  const routes = {
    root: { id: "root", path: "", module: { loader: loader("root"), default: Component } },
    "routes/x": { id: "routes/x", parentId: "root", path: "x", module: { loader: loader("routes/x"), default: Component } },
    "routes/x._index": { id: "routes/x._index", parentId: "routes/x", index: true, module: { loader: loader("routes/x._index"), default: Component } },
  };
  const assetRoutes = Object.fromEntries(
    Object.values(routes).map((r) => [r.id, { id: r.id, parentId: "parentId" in r ? r.parentId : undefined, path: "path" in r ? r.path : undefined, index: "index" in r ? r.index : undefined, module: `/${r.id}.js`, hasLoader: true, hasAction: false, hasClientAction: false, hasClientLoader: false, hasErrorBoundary: false }]),
  );
  return {
    mode: "production",
    entry: { module: { default: () => new Response("<html></html>", { headers: { "Content-Type": "text/html" } }) } },
    routes,
    assets: { entry: { module: "/entry.js", imports: [] }, routes: assetRoutes, url: "/manifest.js", version: "1" },
    publicPath: "/build/",
    assetsBuildDirectory: "public/build",
    future: {},
    isSpaMode: false,
    basename: undefined,
  } as unknown as ServerBuild;
}

describe("the request every loader receives (patched Remix server runtime)", () => {
  it("is one and the same object for all the loaders of a document request", async () => {
    const seen: Record<string, Request[]> = {};
    const handler = createRequestHandler(appWith(seen), "production");
    const response = await handler(new Request("http://portal.test/x?trang=2"));
    expect(response.status).toBe(200);
    const requests = [...seen.root!, ...seen["routes/x"]!, ...seen["routes/x._index"]!];
    expect(requests).toHaveLength(3);
    expect(new Set(requests).size).toBe(1);
    expect(requests[0]!.url).toBe("http://portal.test/x?trang=2");
  });

  it("still has Remix's own parameters removed when they are there", async () => {
    const seen: Record<string, Request[]> = {};
    const handler = createRequestHandler(appWith(seen), "production");
    const response = await handler(new Request("http://portal.test/x?index&trang=2&_data=routes%2Fx._index"));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ url: "http://portal.test/x?trang=2" });
    expect(seen["routes/x._index"]![0]!.url).toBe("http://portal.test/x?trang=2");
  });
});
