// One search over the tasks and initiatives the actor may see (/tim-kiem).
//
// How the work per request stays bounded (100,000 initiatives, thousands of tasks):
// - The text is matched by FTS5 (tasks_fts, initiatives_fts: drizzle/0007_search_fts.sql), folded
//   like the index (no diacritics, đ → d, lower case). Each token is quoted, so FTS syntax typed by
//   a user (NEAR, *, ", -, :, OR) is only text; at most MAX_TOKENS tokens.
// - Rows matching the whole input as a phrase come first, then rows matching every token. Within
//   each group the newest first (id descending) — the order FTS5 walks its doclists in, so a page
//   is read with LIMIT without sorting, and no bm25 rank is computed over thousands of matches.
// - Every statement starts from the FTS table and reaches the rows by their key (CROSS JOIN fixes
//   the order, NOT INDEXED keeps the planner from scanning an index of a small table instead of
//   a key lookup once ANALYZE has statistics), and the index's
//   `facets` column (organization, target and person tokens) narrows the matches to the actor's
//   reach inside FTS5: a ward leader's search walks the ward's matches, not the city's, and a
//   draft has only its authors' tokens (drizzle/0016_search_drafts.sql), so nobody else's search
//   walks it. The rules themselves are then applied in SQL by the models' own scoping helpers
//   (reachScope, pathScope, inboxScope, mine), so the facets can only narrow, never widen, what
//   is shown.
// - Counts stop at SEARCH_CAP + 1 (the page says "more than 1,000"); the second group is counted
//   only when the first did not reach the cap; pages beyond the cap are not offered. So one
//   request runs at most 2 counts and 2–3 page reads per type, each bounded by the cap.
// - Filters (status, area, year) are conditions on the same statements.
import { fold } from "~/utils/fold";
import type { Ctx } from "./context.server";
import { forbidden } from "./errors";
import { initiativeSource, quote, SEARCH_CAP, taskSource, type SearchInput, type SearchRow, type Source } from "./search-sources.server";

export { SEARCH_CAP, type SearchInput, type SearchRow } from "./search-sources.server";

export const SEARCH_PAGE_SIZE = 20;
export const MAX_TOKENS = 8;
const MAX_TOKEN_LENGTH = 40;

export type SearchResult = {
  rows: SearchRow[];
  total: number;
  capped: boolean;
  page: number;
  pageCount: number;
  tokens: string[];
};

/** The input as index tokens: folded like the index, split where unicode61 splits (anything
 * but letters and digits), so no FTS operator or quote survives. */
export function searchTokens(q: string): string[] {
  return fold(q.slice(0, 400))
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .slice(0, MAX_TOKENS)
    .map((t) => t.slice(0, MAX_TOKEN_LENGTH));
}

type Segment = {
  source: Source;
  text: string;
  count: number;
  /** for the "every token" group: the phrase matches to skip */ skip: {
    text: string;
    count: number;
  } | null;
};

/**
 * Search tasks and initiatives the actor may see. Order: phrase matches (tasks, then
 * initiatives), then matches of every token that are not phrase matches; newest first in each.
 * `total` stops at SEARCH_CAP (`capped` tells there are more); `page` is clamped to the pages there are.
 */
export function search(ctx: Ctx, input: SearchInput): SearchResult {
  const actor = ctx.actor;
  if (!actor) throw forbidden();
  const tokens = searchTokens(input.q);
  if (!tokens.length) return { rows: [], total: 0, capped: false, page: 1, pageCount: 1, tokens };
  const sources = [taskSource(ctx, actor, input), initiativeSource(ctx, actor, input)].filter((s): s is Source => !!s);
  const phrase = quote(tokens.join(" "));
  const every = tokens.length > 1 ? tokens.map(quote).join(" AND ") : null;

  // Count lazily: once past the cap, later segments cannot be reached by any offered page.
  const segments: Segment[] = [];
  let sum = 0;
  for (const s of sources) {
    if (sum > SEARCH_CAP) break;
    const count = s.count(phrase);
    segments.push({ source: s, text: phrase, count, skip: null });
    sum += count;
  }
  if (every) {
    for (const [i, s] of sources.entries()) {
      if (sum > SEARCH_CAP) break;
      const phraseCount = segments[i].count;
      const count = Math.max(0, s.count(every) - phraseCount);
      segments.push({
        source: s,
        text: every,
        count,
        skip: phraseCount ? { text: phrase, count: phraseCount } : null,
      });
      sum += count;
    }
  }
  const total = Math.min(sum, SEARCH_CAP);
  const pageCount = Math.max(1, Math.ceil(total / SEARCH_PAGE_SIZE));
  const page = Math.min(Math.max(1, input.page ?? 1), pageCount);

  const rows: SearchRow[] = [];
  let offset = (page - 1) * SEARCH_PAGE_SIZE;
  let need = Math.min(SEARCH_PAGE_SIZE, total - offset);
  for (const seg of segments) {
    if (need <= 0) break;
    if (offset >= seg.count) {
      offset -= seg.count;
      continue;
    }
    const take = Math.min(need, seg.count - offset);
    let ids: number[];
    if (!seg.skip) ids = seg.source.ids(seg.text, take, offset);
    else {
      // Every-token matches minus the phrase matches (a subset of them): at most SEARCH_CAP ids each.
      const skip = new Set(seg.source.ids(seg.skip.text, seg.skip.count));
      ids = seg.source
        .ids(seg.text, offset + take + skip.size)
        .filter((id) => !skip.has(id))
        .slice(offset, offset + take);
    }
    rows.push(...seg.source.rows(ids));
    need -= take;
    offset = 0;
  }
  return { rows, total, capped: sum > SEARCH_CAP, page, pageCount, tokens };
}
