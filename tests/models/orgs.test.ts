import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { asc, eq, sql } from "drizzle-orm";
import { organizations, organizationVersions } from "../../db/schema";
import { countEvents, verifyLedger } from "~/models/ledger.server";
import {
  browseTree, closeOrg, createOrg, getOrgDetail, listChildren, moveOrg, orgForChange, orgNameAt, renameOrg, searchOrgs,
} from "~/models/orgs.server";
import { freshDb, type TestDb } from "../helpers/db";
import { failure } from "../helpers/refusal";

let t: TestDb;
let ids: { city: number; p1: number; p2: number; g1: number; c1: number; c2: number };
let cityAdmin: number;
let wardAdmin: number;

beforeEach(() => {
  t = freshDb();
  const city = t.org("TU", null).id;
  const p1 = t.org("P1", city, "ward").id;
  const p2 = t.org("P2", city, "ward").id;
  const g1 = t.org("P1-G1", p1, "grassroots").id;
  const c1 = t.org("P1-G1-C1", g1, "cell").id;
  const c2 = t.org("P1-G1-C2", g1, "cell").id;
  ids = { city, p1, p2, g1, c1, c2 };
  cityAdmin = t.person(city, { given: "Quân" });
  t.grant(cityAdmin, "admin", city);
  wardAdmin = t.person(p1, { given: "Yến" });
  t.grant(wardAdmin, "admin", p1);
});
afterEach(() => t.close());

const admin = () => t.ctx(t.actorOf(cityAdmin));
const ward = () => t.ctx(t.actorOf(wardAdmin));
const ledgerOk = () => verifyLedger(t.handle.sqlite, t.secrets.publicKey).ok;
const row = (id: number) =>
  t.handle.db.select({ name: organizations.name, path: organizations.path, depth: organizations.depth, parentId: organizations.parentId, validTo: organizations.validTo, searchName: organizations.searchName }).from(organizations).where(eq(organizations.id, id)).get()!;
const versions = (id: number) =>
  t.handle.db.select({ name: organizationVersions.name, parentId: organizationVersions.parentId, validFrom: organizationVersions.validFrom, validTo: organizationVersions.validTo, change: organizationVersions.change }).from(organizationVersions).where(eq(organizationVersions.orgId, id)).orderBy(asc(organizationVersions.id)).all();
const lastEvent = () =>
  t.handle.sqlite.prepare("SELECT e.action, e.entity_id AS entityId, p.payload FROM ledger_events e JOIN ledger_payloads p ON p.seq = e.seq ORDER BY e.seq DESC LIMIT 1").get() as { action: string; entityId: string; payload: string };
const snapshot = () => ({
  events: countEvents(t.ctx()),
  orgs: t.handle.db.get<{ n: number; paths: string }>(sql`SELECT count(*) AS n, group_concat(path || name || ifnull(valid_to, '')) AS paths FROM organizations`),
  versions: t.handle.db.get<{ n: number }>(sql`SELECT count(*) AS n FROM organization_versions`).n,
});

/** Run a call that must fail; return its DomainError. */

describe("createOrg", () => {
  it("creates a child with its path and depth and records org.created", () => {
    const created = createOrg(admin(), { parentId: ids.g1, code: "p1-g1-c3", name: "  Chi bộ  Khu phố 3 ", kind: "cell", validFrom: "2026-01-05" });
    const r = row(created.id);
    expect(r.path).toBe(`${row(ids.g1).path}${created.id}/`);
    expect(r.depth).toBe(3);
    expect(r.name).toBe("Chi bộ Khu phố 3");
    expect(r.searchName).toBe("chi bo khu pho 3 p1-g1-c3");
    const event = lastEvent();
    expect(event.action).toBe("org.created");
    expect(JSON.parse(event.payload).after).toMatchObject({ code: "P1-G1-C3", parentId: ids.g1 });
    expect(ledgerOk()).toBe(true);
  });

  it("refuses a taken code, a date before the parent or in the future, and writes nothing", () => {
    const before = snapshot();
    const e = failure(() => createOrg(admin(), { parentId: ids.g1, code: "P1-G1-C1", name: "Trùng mã", kind: "cell", validFrom: "2024-01-01" }));
    expect(e.status).toBe(422);
    expect(e.fieldErrors).toEqual({ code: "orgs.errors.codeTaken", validFrom: "orgs.errors.beforeParent" });
    const future = failure(() => createOrg(admin(), { parentId: ids.g1, code: "NEW", name: "Mới", kind: "cell", validFrom: "2026-11-28" }));
    expect(future.fieldErrors.validFrom).toBe("orgs.errors.dateInFuture");
    expect(snapshot()).toEqual(before);
  });

  it("lets a ward administrator create inside the ward but not under another ward", () => {
    expect(createOrg(ward(), { parentId: ids.p1, code: "P1-KP9", name: "Chi bộ Khu phố 9", kind: "grassroots", validFrom: "2026-02-01" }).id).toBeGreaterThan(0);
    expect(failure(() => createOrg(ward(), { parentId: ids.p2, code: "P2-X", name: "X", kind: "cell", validFrom: "2026-02-01" })).status).toBe(404);
  });
});

describe("renameOrg and history", () => {
  it("keeps the old name readable for dates before the rename", () => {
    renameOrg(admin(), ids.g1, { name: "Đảng bộ Cơ quan phường", effectiveDate: "2026-03-01" });
    expect(row(ids.g1).name).toBe("Đảng bộ Cơ quan phường");
    expect(versions(ids.g1)).toEqual([{ name: "Tổ chức P1-G1", parentId: ids.p1, validFrom: "2025-07-01", validTo: "2026-02-28", change: "rename" }]);
    expect(orgNameAt(admin(), ids.g1, "2026-02-28")?.name).toBe("Tổ chức P1-G1");
    expect(orgNameAt(admin(), ids.g1, "2026-03-01")?.name).toBe("Đảng bộ Cơ quan phường");
    expect(orgNameAt(admin(), ids.g1, "2025-06-30")).toBeNull(); // before it existed
    const event = JSON.parse(lastEvent().payload);
    expect(event).toMatchObject({ before: { name: "Tổ chức P1-G1" }, after: { name: "Đảng bộ Cơ quan phường" }, effectiveDate: "2026-03-01" });
    // A second rename must take effect after the first one.
    const e = failure(() => renameOrg(admin(), ids.g1, { name: "Tên khác", effectiveDate: "2026-03-01" }));
    expect(e.fieldErrors.effectiveDate).toBe("orgs.errors.notAfterCurrent");
    renameOrg(admin(), ids.g1, { name: "Tên khác", effectiveDate: "2026-06-01" });
    expect(versions(ids.g1).map((v) => [v.validFrom, v.validTo])).toEqual([["2025-07-01", "2026-02-28"], ["2026-03-01", "2026-05-31"]]);
    expect(orgNameAt(admin(), ids.g1, "2026-04-15")?.name).toBe("Đảng bộ Cơ quan phường");
    expect(getOrgDetail(admin(), ids.g1).history.map((h) => h.name)).toEqual(["Tổ chức P1-G1", "Đảng bộ Cơ quan phường"]);
    expect(ledgerOk()).toBe(true);
  });

  it("refuses a date before the node's validFrom and the same name", () => {
    const e = failure(() => renameOrg(admin(), ids.g1, { name: "Tổ chức P1-G1", effectiveDate: "2025-01-01" }));
    expect(e.fieldErrors).toEqual({ name: "orgs.errors.sameName", effectiveDate: "orgs.errors.beforeValidFrom" });
  });
});

describe("moveOrg", () => {
  it("moves the whole subtree in one go and keeps the old parent in history", () => {
    moveOrg(admin(), ids.g1, { newParentCode: "p2", effectiveDate: "2026-05-01" });
    const p2 = row(ids.p2).path;
    expect(row(ids.g1)).toMatchObject({ parentId: ids.p2, path: `${p2}${ids.g1}/`, depth: 2 });
    expect(row(ids.c1).path).toBe(`${p2}${ids.g1}/${ids.c1}/`);
    expect(row(ids.c2).path).toBe(`${p2}${ids.g1}/${ids.c2}/`);
    expect(row(ids.c1).depth).toBe(3);
    expect(orgNameAt(admin(), ids.g1, "2026-04-30")?.parent?.id).toBe(ids.p1);
    expect(orgNameAt(admin(), ids.g1, "2026-05-01")?.parent?.id).toBe(ids.p2);
    const payload = JSON.parse(lastEvent().payload);
    expect(payload).toMatchObject({ before: { parentId: ids.p1 }, after: { parentId: ids.p2 }, subtreeSize: 3 });
    expect(listChildren(admin(), ids.p2).rows.map((r) => r.id)).toEqual([ids.g1]);
    expect(ledgerOk()).toBe(true);
  });

  it("refuses a move under its own subtree or its current parent, writing nothing", () => {
    const before = snapshot();
    expect(failure(() => moveOrg(admin(), ids.g1, { newParentId: ids.c1, effectiveDate: "2026-05-01" })).fieldErrors.newParentCode).toBe("orgs.move.intoOwnSubtree");
    expect(failure(() => moveOrg(admin(), ids.g1, { newParentId: ids.g1, effectiveDate: "2026-05-01" })).fieldErrors.newParentCode).toBe("orgs.move.intoOwnSubtree");
    expect(failure(() => moveOrg(admin(), ids.g1, { newParentId: ids.p1, effectiveDate: "2026-05-01" })).fieldErrors.newParentCode).toBe("orgs.move.sameParent");
    expect(failure(() => moveOrg(admin(), ids.g1, { newParentCode: "NOPE", effectiveDate: "2026-05-01" })).fieldErrors.newParentCode).toBe("orgs.move.parentNotFound");
    expect(snapshot()).toEqual(before);
  });
});

describe("closeOrg", () => {
  it("refuses while open children or active people remain, then closes and freezes the node", () => {
    const before = snapshot();
    expect(failure(() => closeOrg(admin(), ids.g1, { closedOn: "2026-06-01", reason: "Sáp nhập" })).message).toBe("orgs.close.blockedChildren");
    t.person(ids.c1);
    expect(failure(() => closeOrg(admin(), ids.c1, { closedOn: "2026-06-01", reason: "Sáp nhập" })).message).toBe("orgs.close.blockedPeople");
    expect(failure(() => closeOrg(admin(), ids.g1, { closedOn: "2026-06-01", reason: "Sáp nhập" })).message).toBe("orgs.close.blockedBoth");
    expect(snapshot().events).toBe(before.events);

    closeOrg(admin(), ids.c2, { closedOn: "2026-06-01", reason: "Sáp nhập vào Chi bộ 1" });
    expect(row(ids.c2).validTo).toBe("2026-05-31");
    expect(versions(ids.c2)).toMatchObject([{ change: "close", validFrom: "2025-07-01", validTo: "2026-05-31" }]);
    expect(JSON.parse(lastEvent().payload)).toMatchObject({ after: { validTo: "2026-05-31" }, reason: "Sáp nhập vào Chi bộ 1" });
    const detail = getOrgDetail(admin(), ids.c2);
    expect(detail.allowed).toEqual({ createChild: false, rename: false, move: false, close: false });
    expect(detail.closing?.reason).toBe("Sáp nhập vào Chi bộ 1");
    expect(orgNameAt(admin(), ids.c2, "2026-05-31")?.name).toBe("Tổ chức P1-G1-C2");
    expect(orgNameAt(admin(), ids.c2, "2026-06-01")).toBeNull();

    expect(failure(() => renameOrg(admin(), ids.c2, { name: "Khác", effectiveDate: "2026-07-01" })).message).toBe("orgs.errors.closed");
    expect(failure(() => createOrg(admin(), { parentId: ids.c2, code: "X1", name: "X", kind: "cell", validFrom: "2026-07-01" })).message).toBe("orgs.errors.parentClosed");
    expect(failure(() => moveOrg(admin(), ids.c1, { newParentId: ids.c2, effectiveDate: "2026-07-01" })).fieldErrors.newParentCode).toBe("orgs.move.parentClosed");
    expect(listChildren(admin(), ids.g1).rows.map((r) => r.id)).toEqual([ids.c1]);
    expect(listChildren(admin(), ids.g1, { includeClosed: true }).total).toBe(2);
    expect(ledgerOk()).toBe(true);
  });
});

describe("scoping", () => {
  it("hides another ward from a ward administrator", () => {
    expect(failure(() => getOrgDetail(ward(), ids.p2)).status).toBe(404);
    expect(failure(() => orgNameAt(ward(), ids.p2, "2026-01-01")).status).toBe(404);
    expect(failure(() => renameOrg(ward(), ids.p2, { name: "X", effectiveDate: "2026-01-01" })).status).toBe(404);
    expect(failure(() => closeOrg(ward(), ids.p2, { closedOn: "2026-01-01", reason: "x" })).status).toBe(404);
    expect(searchOrgs(ward(), { q: "to chuc" }).rows.map((r) => r.id).sort()).toEqual([ids.p1, ids.g1, ids.c1, ids.c2].sort());
    expect(searchOrgs(admin(), { q: "p2" }).rows[0].id).toBe(ids.p2);
    const tree = browseTree(ward(), { expanded: [ids.g1, ids.p2] });
    expect(tree.roots.map((r) => [r.node.id, r.node.openChildren])).toEqual([[ids.p1, 1]]);
    expect(tree.roots[0].children.rows.map((r) => [r.id, r.openChildren])).toEqual([[ids.g1, 2]]);
    expect(Object.keys(tree.expanded)).toEqual([String(ids.g1)]); // another ward's id is ignored
    // A move target outside the ward looks like a code that does not exist.
    expect(failure(() => moveOrg(ward(), ids.c1, { newParentCode: "P2", effectiveDate: "2026-05-01" })).fieldErrors.newParentCode).toBe("orgs.move.parentNotFound");
  });

  it("lets a ward administrator manage below the ward's root but not the root itself", () => {
    const before = snapshot();
    expect(failure(() => renameOrg(ward(), ids.p1, { name: "Tên mới", effectiveDate: "2026-01-01" })).status).toBe(403);
    expect(failure(() => closeOrg(ward(), ids.p1, { closedOn: "2026-01-01", reason: "x" })).status).toBe(403);
    expect(failure(() => moveOrg(ward(), ids.p1, { newParentId: ids.city, effectiveDate: "2026-01-01" })).status).toBe(403);
    expect(failure(() => orgForChange(ward(), ids.p1, "rename")).status).toBe(403);
    expect(getOrgDetail(ward(), ids.p1).allowed).toEqual({ createChild: true, rename: false, move: false, close: false });
    expect(snapshot()).toEqual(before);
    renameOrg(ward(), ids.g1, { name: "Đảng bộ cơ quan", effectiveDate: "2026-01-01" });
    expect(getOrgDetail(ward(), ids.g1).allowed.rename).toBe(true);
  });

  it("finds names without diacritics and by code, for a read-only inspector too", () => {
    renameOrg(admin(), ids.p2, { name: "Đảng ủy Phường Bến Thành", effectiveDate: "2026-01-01" });
    const inspector = t.person(ids.city, { given: "Hạnh" });
    t.grant(inspector, "inspector", ids.city);
    const ctx = t.ctx(t.actorOf(inspector));
    expect(searchOrgs(ctx, { q: "dang uy phuong ben thanh" }).rows.map((r) => r.id)).toEqual([ids.p2]);
    expect(searchOrgs(ctx, { q: "BẾN" }).total).toBe(1);
    expect(searchOrgs(ctx, { q: "%" }).total).toBe(0);
    expect(searchOrgs(ctx, { kind: "ward" }).total).toBe(2);
    createOrg(admin(), { parentId: ids.city, code: "CQ1", name: "Đảng ủy Phường Chợ Quán", kind: "ward", validFrom: "2025-07-01" });
    createOrg(admin(), { parentId: ids.city, code: "Q1", name: "Đảng ủy Quận 1", kind: "ward", validFrom: "2025-07-01" });
    expect(searchOrgs(ctx, { q: "quận 1" }).rows.map((r) => r.code)).toEqual(["Q1", "CQ1"]); // the phrase first
    expect(failure(() => renameOrg(ctx, ids.p2, { name: "X", effectiveDate: "2026-02-01" })).status).toBe(403);
    const cadre = t.person(ids.c1, { given: "Lan" });
    t.grant(cadre, "cadre", ids.c1);
    expect(searchOrgs(t.ctx(t.actorOf(cadre)), { q: "" }).total).toBe(0);
  });
});
