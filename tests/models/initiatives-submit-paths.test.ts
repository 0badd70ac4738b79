// Submission through the prepared statements of initiatives-statements.server.ts: who is
// notified (leaders over the receiving organization, once each, not revoked, active, not an
// author), the rows it writes, a closed receiving organization, and two databases in one
// process (statements are per connection).
import { describe, expect, it } from "vitest";
import { verifyLedger } from "~/models/ledger.server";
import { loadInitiative, leadersOver, MAX_NOTIFIED } from "~/models/initiatives-shared.server";
import { submit } from "~/models/initiatives.server";
import { draft, failure, type Tree, tree } from "./initiatives-fixture";
import { treePerTest } from "./initiatives-tree";

let x: Tree;
treePerTest((t) => (x = t));

const all = <T>(t: Tree, sqlText: string, ...params: unknown[]) => t.t.handle.sqlite.prepare(sqlText).all(...params) as T[];
const exec = (sqlText: string, ...params: unknown[]) => x.t.handle.sqlite.prepare(sqlText).run(...params);

describe("leaders notified of a submission", () => {
  it("are the live, active leaders on the receiving organization's path, each once, in id order, authors excepted", () => {
    const c1Path = loadInitiative(x.t.handle.db, draft(x.as(x.p.cadre)))!.row.receivingOrgPath;
    // The ward leader also leads the cell: still one notification.
    x.t.grant(x.p.wardLeader, "leader", x.o.c1);
    // A revoked leader, an inactive leader, a leader elsewhere and an author who leads: none.
    const revoked = x.t.person(x.o.g, { given: "Cũ" });
    x.t.grant(revoked, "leader", x.o.g);
    exec("UPDATE role_grants SET revoked_at = ? WHERE person_id = ?", "2026-11-01T00:00:00.000Z", revoked);
    const inactive = x.t.person(x.o.p1, { given: "Nghỉ" });
    x.t.grant(inactive, "leader", x.o.p1);
    exec("UPDATE people SET active = 0 WHERE id = ?", inactive);
    const elsewhere = x.t.person(x.o.p2, { given: "Khác" });
    x.t.grant(elsewhere, "leader", x.o.p2);
    x.t.grant(x.p.co, "leader", x.o.g);

    const expected = [x.p.wardLeader, x.p.cellLeader, x.p.cityLeader].sort((a, b) => a - b);
    expect(leadersOver(x.t.handle.db, c1Path, [x.p.cadre, x.p.co])).toEqual(expected);
    expect(leadersOver(x.t.handle.db, c1Path, [x.p.cadre])).toEqual([...expected, x.p.co].sort((a, b) => a - b));
    expect(leadersOver(x.t.handle.db, c1Path, [])).toEqual([...expected, x.p.co].sort((a, b) => a - b));
    expect(leadersOver(x.t.handle.db, c1Path, [x.p.cityLeader, x.p.cityLeader, x.p.co])).toEqual(expected.filter((p) => p !== x.p.cityLeader));
    expect(leadersOver(x.t.handle.db, "", [])).toEqual([]);
  });

  it("are at most MAX_NOTIFIED, the lowest ids", () => {
    const many = Array.from({ length: MAX_NOTIFIED + 5 }, (_, i) => x.t.person(x.o.g, { given: `Lãnh đạo ${i}` }));
    for (const p of many) x.t.grant(p, "leader", x.o.g);
    const path = loadInitiative(x.t.handle.db, draft(x.as(x.p.cadre)))!.row.receivingOrgPath;
    const got = leadersOver(x.t.handle.db, path, [x.p.cadre]);
    const all = [x.p.wardLeader, x.p.cellLeader, x.p.cityLeader, ...many].sort((a, b) => a - b);
    expect(got).toEqual(all.slice(0, MAX_NOTIFIED));
  });
});

describe("submit", () => {
  it("writes the notification rows, the frozen version and the initiative's state", () => {
    const me = x.as(x.p.cadre);
    const id = draft(me);
    const result = submit(me, id);
    const at = x.t.clock.now.toISOString();
    const rows = all<Record<string, unknown>>(x, "SELECT person_id, key, params, href, entity, entity_id, created_at, read_at FROM notifications WHERE entity_id = ? ORDER BY id", String(id));
    expect(rows).toEqual(
      [x.p.wardLeader, x.p.cellLeader, x.p.cityLeader].sort((a, b) => a - b).map((personId) => ({
        person_id: personId, key: "initiatives.notify.submitted", params: JSON.stringify({ number: "SK-2026-000001", title: "Số hóa sổ theo dõi tiếp dân" }),
        href: `/sang-kien/${id}`, entity: "initiative", entity_id: String(id), created_at: at, read_at: null,
      })),
    );
    expect(all(x, "SELECT status, registration_number, title, search_text, first_submitted_at, submitted_at, updated_at FROM initiatives WHERE id = ?", id)).toEqual([
      { status: "submitted", registration_number: "SK-2026-000001", title: "Số hóa sổ theo dõi tiếp dân", search_text: "sk-2026-000001 so hoa so theo doi tiep dan cai cach hanh chinh", first_submitted_at: at, submitted_at: at, updated_at: at },
    ]);
    expect(all(x, "SELECT content_sha256, submitted_at, ledger_seq, ledger_hash, updated_at FROM initiative_versions WHERE initiative_id = ?", id)).toEqual([
      { content_sha256: result.contentSha256, submitted_at: at, ledger_seq: result.ledgerSeq, ledger_hash: result.ledgerHash, updated_at: at },
    ]);
    expect(all(x, "SELECT last FROM registration_counters WHERE prefix = 'SK' AND year = 2026")).toEqual([{ last: 1 }]);
  });

  it("refuses a receiving organization closed since the draft was made, and writes nothing", () => {
    const me = x.as(x.p.cadre);
    const id = draft(me);
    exec("UPDATE organizations SET valid_to = ? WHERE id = ?", "2026-11-01", x.o.c1);
    expect(failure(() => submit(me, id)).fieldErrors).toEqual({ receivingOrgId: "initiatives.errors.orgClosed" });
    expect(all(x, "SELECT status FROM initiatives WHERE id = ?", id)).toEqual([{ status: "draft" }]);
    expect(all(x, "SELECT count(*) AS n FROM notifications")).toEqual([{ n: 0 }]);
  });

  it("uses each database's own statements when two are open in one process", () => {
    const y = tree();
    try {
      const a1 = draft(x.as(x.p.cadre));
      const b1 = draft(y.as(y.p.cadre));
      const a2 = draft(x.as(x.p.co));
      expect(submit(x.as(x.p.cadre), a1).registrationNumber).toBe("SK-2026-000001");
      expect(submit(y.as(y.p.cadre), b1).registrationNumber).toBe("SK-2026-000001");
      expect(submit(x.as(x.p.co), a2).registrationNumber).toBe("SK-2026-000002");
      expect(all(y, "SELECT status FROM initiatives WHERE id = ?", a2)).not.toEqual([{ status: "submitted" }]);
      expect(verifyLedger(y.t.handle.sqlite, y.t.secrets.publicKey).ok).toBe(true);
    } finally {
      y.t.close();
    }
  });
});
