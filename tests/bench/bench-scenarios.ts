// The scenarios of `npm run bench`, in the order they run (submissions last: they change rows).
// Signed-in pages carry minted session cookies; ids and page counts come from the pages the
// person is shown, so every request asks for something that person may see.
import type { Scenario } from "./bench-load";
import { collectIds, getPage, lastPage, mustGet } from "./bench-pages";
import type { Draft } from "./bench-db";
import { BUSY_MS } from "./bench-procs";

/** leader: a ward's leader (bithu); cadre: canbo; secretary: a council's (thuky); city: the
 * city inspector (kiemtra), whose inbox and search span all 100,000 initiatives. */
export type Cookies = { leader: string; cadre: string; secretary: string | null; city: string | null };

export type Setup = {
  origin: string;
  helloOrigin: string;
  cookies: Cookies;
  drafts: (Draft & { cookie: string })[];
  connections: number;
  common: string;
  rare: string;
};

const INBOX = "/sang-kien?xem=tiep-nhan";
const FLOOR = "/_bench/floor";
const STATUSES = ["", "da-nop", "da-tiep-nhan", "dang-danh-gia", "da-cong-nhan", "khong-cong-nhan"];
const SORTS = ["", "cu-nhat", "han", "so"];
const YEARS = ["", "2024", "2025", "2026"];

function rand<T>(items: T[]): T {
  return items[Math.floor(Math.random() * items.length)]!;
}

/** Filter combinations of the leader's inbox with their page counts (read from page 1). */
async function inboxViews(origin: string, cookie: string): Promise<{ path: string; pages: number }[]> {
  const views: { path: string; pages: number }[] = [];
  for (const status of STATUSES) {
    for (const year of YEARS) {
      const sort = SORTS[(STATUSES.indexOf(status) + YEARS.indexOf(year)) % SORTS.length]!;
      const params = new URLSearchParams({ xem: "tiep-nhan" });
      if (status) params.set("trang-thai", status);
      if (year) params.set("nam", year);
      if (sort) params.set("sap-xep", sort);
      const path = `/sang-kien?${params}`;
      views.push({ path, pages: lastPage(await mustGet(origin, path, cookie)) });
    }
  }
  return views;
}

export type Plan = { scenarios: Scenario[]; notes: string[]; jsPages: { path: string; cookie?: string }[] };

export async function buildScenarios(s: Setup): Promise<Plan> {
  const { origin, cookies } = s;
  const notes: string[] = [];
  const withCookie = (cookie: string) => ({ Cookie: cookie });
  const page = (name: string, group: Scenario["group"], path: Scenario["path"], cookie?: string): Scenario => ({
    name,
    group,
    url: origin,
    path,
    ...(cookie ? { headers: withCookie(cookie) } : {}),
  });

  const views = await inboxViews(origin, cookies.leader);
  const deep = views.filter((v) => v.pages > 1);
  const pool = deep.length ? deep : views;
  const totalPages = views[0]!.pages;
  notes.push(`Leader's inbox: ${totalPages} pages unfiltered; ${views.length} filter combinations, ${deep.length} with more than one page.`);
  const deepPath = () => {
    const v = rand(pool);
    const n = v.pages > 1 ? 2 + Math.floor(Math.random() * (v.pages - 1)) : 1;
    return n > 1 ? `${v.path}&trang=${n}` : v.path;
  };

  const detailIds = await collectIds(origin, INBOX, cookies.leader, "/sang-kien", 300);
  notes.push(`Detail pages: ${detailIds.length} initiatives the leader is shown.`);
  const councilIds = cookies.secretary ? await collectIds(origin, "/danh-gia/hoi-dong", cookies.secretary, "/danh-gia/hoi-dong", 100) : [];
  notes.push(`Council pages: ${councilIds.length} councils the secretary is shown.`);

  const q = (text: string) => `/tim-kiem?q=${encodeURIComponent(text).replace(/%20/g, "+")}`;
  for (const [label, text] of [["common", s.common], ["rare", s.rare]] as const) {
    const html = await mustGet(origin, q(text), cookies.leader);
    const shown = (html.match(/class="search-result"/g) ?? []).length;
    notes.push(`Search "${text}" (${label}): ${shown} results on page 1, ${lastPage(html)} page(s).`);
  }

  const scenarios: Scenario[] = [
    { name: "hello-world (node:http)", group: "ceiling", url: s.helloOrigin, path: "/" },
    { name: `node:http, ${BUSY_MS} ms of CPU per request`, group: "ceiling", url: s.helloOrigin, path: "/busy" },
    page("sign-in page /dang-nhap", "signin", "/dang-nhap"),
    ...((await hasFloor(origin, cookies.leader, notes))
      ? [
          page("floor: signed-in shell, empty page", "reference", `${FLOOR}?rows=0`, cookies.leader),
          page("floor: inbox page 1's data as bare rows, no query", "reference", FLOOR, cookies.leader),
        ]
      : []),
    page("home / (ward leader bithu)", "page", "/", cookies.leader),
    page("home / (cadre canbo)", "page", "/", cookies.cadre),
    page("inbox page 1", "list", INBOX, cookies.leader),
    page("inbox deep pages + filters", "list", deepPath, cookies.leader),
    page(`search common "${s.common}"`, "search", q(s.common), cookies.leader),
    page(`search rare "${s.rare}"`, "search", q(s.rare), cookies.leader),
  ];
  if (cookies.city) {
    // The worst case of the lists and search: the whole city's registrations.
    const cityPages = lastPage(await mustGet(origin, INBOX, cookies.city));
    notes.push(`City inspector's inbox: ${cityPages} pages.`);
    if (cityPages > 1) {
      scenarios.push(page("inbox deep pages (city inspector)", "list", () => `${INBOX}&trang=${1 + Math.floor(Math.random() * cityPages)}`, cookies.city));
      scenarios.push(page(`search common (city inspector)`, "search", q(s.common), cookies.city));
    }
  }
  if (detailIds.length) scenarios.push(page("initiative detail", "detail", () => `/sang-kien/${rand(detailIds)}`, cookies.leader));
  if (councilIds.length && cookies.secretary) {
    scenarios.push(page("council view (thuky)", "detail", () => `/danh-gia/hoi-dong/${rand(councilIds)}`, cookies.secretary));
  } else notes.push("No council visible to the secretary: the council view was not measured.");

  // Submissions: each draft once, by its own author, in parallel over the connections.
  const queue = [...s.drafts];
  const reserve = 2 * s.connections; // autocannon builds a request per connection ahead
  if (queue.length > reserve + 10) {
    scenarios.push({
      name: `submissions POST (${new Set(queue.map((d) => d.personId)).size} cadres)`,
      group: "submit",
      url: origin,
      path: "/",
      method: "POST",
      headers: { Origin: origin, "Content-Type": "application/x-www-form-urlencoded" },
      body: "intent=submit",
      perRequest: () => {
        const d = queue.shift();
        return d ? { path: `/sang-kien/${d.id}/kiem-tra`, headers: { Cookie: d.cookie } } : null;
      },
      amount: () => queue.length - reserve,
      ok: (status, headers) => (status === 302 || status === 303) && String(headers.location ?? "").endsWith("/da-nop"),
    });
  } else notes.push(`Only ${queue.length} submittable drafts: submissions were not measured.`);

  const first = s.drafts[0];
  const jsPages: Plan["jsPages"] = [
    { path: "/dang-nhap" },
    { path: "/", cookie: cookies.leader },
    { path: INBOX, cookie: cookies.leader },
    { path: q(s.common), cookie: cookies.leader },
    ...(detailIds.length ? [{ path: `/sang-kien/${detailIds[0]}`, cookie: cookies.leader }] : []),
    ...(councilIds.length && cookies.secretary ? [{ path: `/danh-gia/hoi-dong/${councilIds[0]}`, cookie: cookies.secretary }] : []),
    ...(first ? [{ path: `/sang-kien/${first.id}/kiem-tra`, cookie: first.cookie }] : []),
  ];
  return { scenarios, notes, jsPages };
}

/** Whether the build has the stack's floor (tests/bench/floor-route.tsx): `npm run bench` builds
 * it in; a build reused with --no-build may not have it. */
async function hasFloor(origin: string, cookie: string, notes: string[]): Promise<boolean> {
  if ((await getPage(origin, FLOOR, cookie)).status === 200) return true;
  notes.push(`This build has no ${FLOOR} (built without BENCH_FLOOR): the stack's floor was not measured.`);
  return false;
}

/** A minted cookie must open a protected page (else the load would measure redirects). */
export async function checkCookie(origin: string, cookie: string, who: string): Promise<void> {
  const res = await getPage(origin, "/", cookie);
  if (res.status !== 200) throw new Error(`the session minted for ${who} does not open / (HTTP ${res.status} → ${res.location})`);
}
