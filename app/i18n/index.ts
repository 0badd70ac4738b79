// Translation. The catalogs themselves are catalog.vi.ts (the source of the keys) and
// catalog.en.ts (English must translate every key); register an area's file pair THERE.
//
// How strings reach the browser (issue 5, the JavaScript budget: both catalogs are ~60 KB
// gzipped, more than a page may load): while the server renders a page it records every string
// it looks up (startPageStrings/takePageStrings, called by the root Layout), and sends them in
// the page as JSON (<PageStrings/> in root.tsx). The browser hydrates with exactly those; right
// after, it loads its language's whole catalog (a separate chunk, loadCatalog) for the pages it
// renders itself. Should a string be needed before that catalog is there, rendering suspends
// until it is (navigations are transitions: the old page stays until the new one is ready).
import type { Lang } from "./format";
import type { MessageKey } from "./catalog.vi";
import { catalogs as serverCatalogs } from "./catalogs.server";

export type { MessageKey };
export const LANGS: Lang[] = ["vi", "en"];

export type Params = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: Params) => string;
type Strings = Record<string, string>;

const isBrowser = typeof document !== "undefined";
/** The whole catalogs: both on the server; in the browser, those loaded so far. */
const whole: Partial<Record<Lang, Strings>> = serverCatalogs ? { ...serverCatalogs } : {};
/** In the browser: the strings the server rendered this page with. */
const page: Record<Lang, Strings> = { vi: {}, en: {} };

/** Both catalogs on the server and in tests (empty in the browser: use translator()). */
export const catalogs = (serverCatalogs ?? {}) as Record<Lang, Record<MessageKey, string>>;

export const PAGE_STRINGS_ID = "page-strings";
/** The page's strings as the server sent them (the text of the JSON script), in the browser. */
export const pageStringsText: string = isBrowser ? (document.getElementById(PAGE_STRINGS_ID)?.textContent ?? "") : "";
if (pageStringsText) {
  try {
    const sent = JSON.parse(pageStringsText) as Partial<Record<Lang, Strings>>;
    for (const lang of LANGS) Object.assign(page[lang], sent[lang]);
  } catch {
    // A page without usable strings still works: rendering waits for the catalog.
  }
}

// ---- server: record what a render looks up ------------------------------------------------
// A render (React's renderToString, entry.server.tsx) runs synchronously from the root Layout to
// its end, so one "current page" at a time is enough; it is reset by every Layout render.
let recording: Record<Lang, Set<string>> | null = null;

/** Server: start recording the strings of the page being rendered (root Layout). */
export function startPageStrings(): void {
  if (!isBrowser) recording = { vi: new Set(), en: new Set() };
}

/** The JSON of recent pages' strings, by the keys they looked up in order: a page looks up the
 * same keys each time it is shown, and the catalogs do not change while the server runs. */
const pageStringsJson = new Map<string, string>();
const PAGE_STRINGS_KEPT = 500;

/** Server: the recorded strings as JSON safe inside a <script> element; stops recording. */
export function takePageStrings(): string {
  const rec = recording;
  recording = null;
  if (!rec) return "{}";
  const looked = `${[...rec.vi].join("\n")}\0${[...rec.en].join("\n")}`;
  const kept = pageStringsJson.get(looked);
  if (kept !== undefined) return kept;
  const out: Partial<Record<Lang, Strings>> = {};
  for (const lang of LANGS) {
    if (!rec[lang].size) continue;
    const strings: Strings = {};
    for (const key of rec[lang]) strings[key] = whole[lang]![key]!;
    out[lang] = strings;
  }
  const json = JSON.stringify(out).replace(/</g, "\\u003c").replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
  if (pageStringsJson.size >= PAGE_STRINGS_KEPT) pageStringsJson.delete(pageStringsJson.keys().next().value!);
  pageStringsJson.set(looked, json);
  return json;
}

// ---- browser: load a whole catalog ---------------------------------------------------------
const loading: Partial<Record<Lang, Promise<void>>> = {};

/** Load a language's whole catalog (browser; immediate on the server). */
export function loadCatalog(lang: Lang): Promise<void> {
  if (whole[lang]) return Promise.resolve();
  loading[lang] ??= (lang === "en" ? import("./catalog.en").then((m) => m.en) : import("./catalog.vi").then((m) => m.vi)).then(
    (strings) => {
      whole[lang] = strings;
    },
    (error) => {
      delete loading[lang];
      throw error;
    },
  );
  return loading[lang]!;
}

/** Resolves once `lang` can translate every key (English covers every key: no fallback needed). */
export function catalogReady(lang: Lang): Promise<void> {
  return loadCatalog(lang);
}

/** The text of `key` in `lang` (Vietnamese when `lang`'s whole catalog lacks it, as on the
 * server); undefined when not known, or not known yet in the browser. */
function lookup(lang: Lang, key: string): { text: string; lang: Lang } | undefined {
  const own = whole[lang]?.[key] ?? page[lang][key];
  if (own !== undefined) return { text: own, lang };
  if (lang === "vi" || !whole[lang]) return undefined;
  const vi = whole.vi?.[key] ?? page.vi[key];
  return vi === undefined ? undefined : { text: vi, lang: "vi" };
}

export function isMessageKey(key: string): key is MessageKey {
  const found = lookup("vi", key) ?? lookup("en", key);
  if (found && recording) recording[found.lang].add(key);
  return !!found;
}

export function translator(lang: Lang): Translate {
  return (key, params) => {
    // The common case first: the language's own catalog has the key (always, on the server).
    const own = whole[lang]?.[key];
    if (own !== undefined) {
      if (recording) recording[lang].add(key);
      return params ? fill(own, params) : own;
    }
    const found = lookup(lang, key);
    let text: string;
    if (found) {
      if (recording) recording[found.lang].add(key);
      text = found.text;
    } else if (isBrowser && (!whole[lang] || !whole.vi)) {
      // Not on this page and the catalog is not there yet: suspend until it is (for a key the
      // language lacks, until the Vietnamese fallback is there too).
      throw loadCatalog(whole[lang] ? "vi" : lang);
    } else {
      text = key;
    }
    return params ? fill(text, params) : text;
  };
}

/** Texts split at their {name}s: literal, name, literal, …, literal. A page fills the same few
 * texts again and again (a council's page ~300 times): split once and joined without a replace
 * callback, a text takes 0.2 µs to fill instead of 1.3. Texts are the catalogs' (or keys). */
const splitTexts = new Map<string, string[]>();
const SPLIT_KEPT = 5000;

function fill(text: string, params: Params): string {
  let parts = splitTexts.get(text);
  if (!parts) {
    parts = text.split(/\{(\w+)\}/);
    if (splitTexts.size < SPLIT_KEPT) splitTexts.set(text, parts);
  }
  let out = parts[0]!;
  for (let i = 1; i < parts.length; i += 2) {
    const name = parts[i]!;
    const value = params[name];
    out += (value === undefined || value === null ? `{${name}}` : String(value)) + parts[i + 1]!;
  }
  return out;
}

/** Translate a message that may be a catalog key (field errors carry keys). */
export function translateMaybe(t: Translate, message: string | undefined): string {
  if (!message) return "";
  return isMessageKey(message) ? t(message) : message;
}
