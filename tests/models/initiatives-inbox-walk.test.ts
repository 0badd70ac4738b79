// A large inbox (a city's) is paged by walking the order's index instead of sorting the whole
// scope: it must show exactly what the sort would, page by page, for every actor's scope.
import { describe, expect, it } from "vitest";
import { listInbox, submit } from "~/models/initiatives.server";
import { forgetRemembered } from "~/models/count-memo.server";
import { capture, planOf } from "../helpers/query-plan";
import { draft, tree } from "./initiatives-fixture";

describe("inbox paging over thousands of registrations", () => {
  const x = tree();
  const s = x.t.handle.sqlite;
  const first = draft(x.as(x.p.cadre));
  submit(x.as(x.p.cadre), first);
  // 3,000 more rows like it: four in five received in P1's subtree, the rest in P2, times spread
  // (and some equal, so the id breaks ties), numbers in another order than the times.
  s.prepare(
    `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000)
     INSERT INTO initiatives (kind, registration_number, receiving_org_id, author_org_id, status, title, search_text, current_version, created_by, created_at, updated_at, submitted_at, decision_due_on)
     SELECT kind, printf('SK-2026-%06d', 100000 - i), CASE WHEN i % 5 = 0 THEN ? ELSE ? END, author_org_id, CASE WHEN i % 7 = 0 THEN 'accepted' ELSE 'submitted' END,
            title || ' ' || i, search_text, 1, created_by, created_at, updated_at, strftime('%Y-%m-%dT%H:%M:%fZ', '2026-01-01', '+' || (i * 37 % 2000) || ' minutes'),
            CASE WHEN i % 7 = 0 THEN date('2026-03-01', '+' || (i * 13 % 90) || ' days') END
     FROM initiatives, n WHERE id = ?`,
  ).run(x.o.p2c, x.o.c1, first);

  const reference = (scope: number[], order: string, offset: number, extra = "") =>
    (
      s
        .prepare(
          `SELECT i.id FROM initiatives i JOIN organizations o ON o.id = i.receiving_org_id
           WHERE i.status != 'draft' ${extra} AND (${scope.map(() => "o.path LIKE ?").join(" OR ")}) ORDER BY ${order} LIMIT 25 OFFSET ?`,
        )
        .all(...scope.map((id) => `${(s.prepare("SELECT path FROM organizations WHERE id = ?").get(id) as { path: string }).path}%`), offset) as { id: number }[]
    ).map((r) => r.id);

  const cases = [
    { who: "city leader", person: x.p.cityLeader, scope: [x.o.city], total: 3001 },
    { who: "ward leader of P1", person: x.p.wardLeader, scope: [x.o.p1], total: 2401 },
  ];
  for (const c of cases) {
    it(`gives the ${c.who} the same pages as sorting the whole scope would`, () => {
      const ctx = x.as(c.person);
      for (const [sort, order] of [
        ["newest", "i.submitted_at DESC, i.id DESC"],
        ["oldest", "i.submitted_at ASC, i.id ASC"],
        ["number", "i.registration_number ASC, i.id ASC"],
        ["due", "i.decision_due_on IS NULL, i.decision_due_on, i.submitted_at, i.id"],
      ] as const) {
        for (const page of [1, 2, 40, 97]) {
          const got = listInbox(ctx, { sort, page });
          expect(got.total).toBe(c.total);
          expect(got.rows.map((r) => r.id)).toEqual(reference(c.scope, order, (page - 1) * 25));
        }
      }
      // Filtered: a few hundred accepted ones (sorted), over two thousand submitted ones (walked).
      for (const status of ["accepted", "submitted"] as const) {
        for (const sort of ["newest", "due"] as const) {
          const got = listInbox(ctx, { status, year: 2026, sort, page: 2 });
          const order = sort === "due" ? "i.decision_due_on IS NULL, i.decision_due_on, i.submitted_at, i.id" : "i.submitted_at DESC, i.id DESC";
          expect(got.rows.map((r) => r.id)).toEqual(reference(c.scope, order, 25, `AND i.status = '${status}' AND i.submitted_at >= '2025-12-31T17' AND i.submitted_at < '2026-12-31T17'`));
        }
      }
    });
  }

  it("walks each order's index in that order: no statement sorts, not even the ties", () => {
    for (const c of cases) {
      for (const sort of ["newest", "oldest", "number", "due"] as const) {
        const ctx = x.as(c.person);
        forgetRemembered(ctx.db);
        const sorts = capture(s, () => listInbox(ctx, { sort, page: 40 })).flatMap((st) =>
          planOf(s, st).filter((step) => /TEMP B-TREE/.test(step.detail)).map((step) => `${c.who} ${sort}: ${step.detail} in ${st.sql}`),
        );
        expect(sorts).toEqual([]);
      }
    }
  });

  it("counts again after a write: the remembered total never outlives a change", () => {
    const ctx = x.as(x.p.cityLeader);
    const before = listInbox(ctx, {}).total;
    const id = draft(x.as(x.p.cadre));
    submit(x.as(x.p.cadre), id);
    const after = listInbox(ctx, {});
    expect(after.total).toBe(before + 1);
    expect(after.rows[0].id).toBe(id);
  });
});
