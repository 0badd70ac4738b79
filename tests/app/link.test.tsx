// app/components/link.tsx: an in-app link to an absolute path is a plain anchor that the root's
// <ClientNavigation> turns into a client-side navigation; everything else stays Remix's <Link>.
// A search or filter form is a plain GET form marked the same way.
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { GetForm, isPlainLink, Link } from "~/components/link";

describe("Link", () => {
  it("renders an absolute path as a plain anchor marked for client navigation", () => {
    const html = renderToString(
      <Link to="/sang-kien?xem=tiep-nhan&trang=2" className="button" aria-label="Trang 2">
        2
      </Link>,
    );
    expect(html).toBe('<a href="/sang-kien?xem=tiep-nhan&amp;trang=2" data-client-nav="" data-discover="true" class="button" aria-label="Trang 2">2</a>');
  });

  it("leaves to Remix what only the router can do", () => {
    expect(isPlainLink({ to: "/nhiem-vu" })).toBe(true);
    expect(isPlainLink({ to: "/nhiem-vu", prefetch: "none" })).toBe(true);
    for (const props of [
      { to: "phan-cong" },
      { to: "?trang=2" },
      { to: "#muc-2" },
      { to: "//example.com/x" },
      { to: { pathname: "/nhiem-vu" } },
      { to: "/nhiem-vu", prefetch: "intent" as const },
      { to: "/nhiem-vu", replace: true },
      { to: "/nhiem-vu", state: { from: "x" } },
      { to: "/nhiem-vu", preventScrollReset: true },
      { to: "/khoa-cong-khai.pem", reloadDocument: true },
      { to: "/nhiem-vu", relative: "path" as const },
      { to: "/nhiem-vu", target: "_blank" },
    ]) {
      expect(isPlainLink(props), JSON.stringify(props)).toBe(false);
    }
  });
});

describe("GetForm", () => {
  it("renders a plain GET form marked for client navigation", () => {
    const html = renderToString(
      <GetForm action="/tim-kiem" role="search">
        <input name="q" />
      </GetForm>,
    );
    expect(html).toBe('<form method="get" data-client-nav="" action="/tim-kiem" role="search"><input name="q"/></form>');
  });
});
