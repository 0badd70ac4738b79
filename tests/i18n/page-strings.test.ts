// The strings a server render looked up are sent with the page (takePageStrings); their JSON is
// remembered by the keys looked up, so it must stay exactly what the page looked up, each time.
import { describe, expect, it } from "vitest";
import { catalogs, startPageStrings, takePageStrings, translator } from "~/i18n";

function render(lang: "vi" | "en", keys: string[]): Record<string, Record<string, string>> {
  startPageStrings();
  const t = translator(lang);
  for (const key of keys) t(key as never);
  return JSON.parse(takePageStrings());
}

describe("page strings", () => {
  it("sends exactly the strings looked up, with their text", () => {
    expect(render("vi", ["nav.home", "form.filter"])).toEqual({ vi: { "nav.home": catalogs.vi["nav.home"], "form.filter": catalogs.vi["form.filter"] } });
    expect(render("en", ["nav.home"])).toEqual({ en: { "nav.home": catalogs.en["nav.home"] } });
  });

  it("gives the same JSON when a page looks up the same keys again, and other JSON for other keys", () => {
    startPageStrings();
    translator("vi")("nav.home");
    const first = takePageStrings();
    startPageStrings();
    translator("vi")("nav.home");
    expect(takePageStrings()).toBe(first);
    expect(render("vi", ["nav.home", "nav.search"])).toEqual({ vi: { "nav.home": catalogs.vi["nav.home"], "nav.search": catalogs.vi["nav.search"] } });
    expect(render("vi", ["nav.search"])).toEqual({ vi: { "nav.search": catalogs.vi["nav.search"] } });
  });

  it("keeps the languages apart: the same key in Vietnamese and in English is two pages", () => {
    expect(render("vi", ["nav.home"])).toEqual({ vi: { "nav.home": catalogs.vi["nav.home"] } });
    expect(render("en", ["nav.home"])).toEqual({ en: { "nav.home": catalogs.en["nav.home"] } });
  });

  it("fills parameters in the translated text, and answers unknown keys with the key", () => {
    startPageStrings();
    const t = translator("vi");
    expect(t("pagination.page", { page: 3 })).toBe(catalogs.vi["pagination.page"].replace("{page}", "3"));
    expect(t("no.such.key" as never)).toBe("no.such.key");
    // Unknown keys come back as they are, filled like any text (what every {name} becomes).
    const fill = (text: string, params: Record<string, string | number>) => t(text as never, params);
    expect(fill("{a}{b} {a}, {c} {a-b} {}", { a: "x", b: 2.5 })).toBe("x2.5 x, {c} {a-b} {}");
    expect(fill("{a}{b} {a}, {c} {a-b} {}", { a: "x", b: 2.5 })).toBe("x2.5 x, {c} {a-b} {}");
    expect(fill("không có tham số", { a: 1 })).toBe("không có tham số");
    expect(fill("{a}", { a: 0 })).toBe("0");
    expect(JSON.parse(takePageStrings())).toEqual({ vi: { "pagination.page": catalogs.vi["pagination.page"] } });
  });

  it("is safe inside a <script> element", () => {
    const text = takePageStringsWith("</script><b>");
    expect(text).not.toContain("<");
    expect(JSON.parse(text).vi.probe).toBe("</script><b>");
  });
});

/** The page strings of one lookup of a key whose text is `text` (a key added for the test). */
function takePageStringsWith(text: string): string {
  const vi = catalogs.vi as Record<string, string>;
  vi.probe = text;
  try {
    startPageStrings();
    translator("vi")("probe" as never);
    return takePageStrings();
  } finally {
    delete vi.probe;
  }
}
