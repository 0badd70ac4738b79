// BUILD_DIR lets several people build and serve side by side (the server reads it too).
const dir = process.env.BUILD_DIR;

/** @type {import('@remix-run/dev').AppConfig} */
module.exports = {
  serverBuildPath: dir ? `${dir}/index.js` : "build/index.js",
  assetsBuildDirectory: dir ? `${dir}/assets` : "public/build",
  publicPath: "/build/",
  ignoredRouteFiles: ["**/.*", "**/*.test.*"],
  // The benchmark's reference pages (tests/bench/floor-route.tsx), only in its own build.
  routes: process.env.BENCH_FLOOR
    ? (defineRoutes) => defineRoutes((route) => route("/_bench/floor", "../tests/bench/floor-route.tsx"))
    : undefined,
  serverModuleFormat: "cjs",
  serverDependenciesToBundle: [],
  future: {
    v3_fetcherPersist: true,
    v3_relativeSplatPath: true,
    v3_throwAbortReason: true,
    v3_lazyRouteDiscovery: true,
    // Single fetch stays off: the classic compiler does not support it well and it cost
    // 20–30 % throughput when measured (ARCHITECTURE.md). The browser bundle does not even
    // contain it (patches/@remix-run+react*.patch: ~2.5 KB gz off every page's first load);
    // turning it on means removing that part of the patch.
    v3_singleFetch: false,
  },
};
