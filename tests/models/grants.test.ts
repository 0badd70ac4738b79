import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { getGrant, grantRole, grantsOf, myGrants, revokeRole } from "~/models/grants.server";
import { freshDb, type TestDb } from "../helpers/db";
import { failure } from "../helpers/refusal";

let t: TestDb;
let city: { id: number; path: string };
let ward: { id: number; path: string };
let cell: { id: number; path: string };
let otherWard: { id: number; path: string };
let cityAdmin: number;
let wardAdmin: number;
let member: number;

beforeEach(() => {
  t = freshDb();
  city = t.org("TU", null);
  ward = t.org("P001", city.id, "ward");
  cell = t.org("P001-CB1", ward.id, "cell");
  otherWard = t.org("P002", city.id, "ward");
  cityAdmin = t.person(city.id, { given: "Quân" });
  t.grant(cityAdmin, "admin", city.id);
  wardAdmin = t.person(ward.id, { given: "Yến" });
  t.grant(wardAdmin, "admin", ward.id);
  member = t.person(cell.id, { given: "Lan" });
});
afterEach(() => t.close());

const as = (personId: number) => t.ctx(t.actorOf(personId));
const events = () =>
  t.handle.sqlite.prepare("SELECT e.action, e.org_id AS orgId, p.payload FROM ledger_events e JOIN ledger_payloads p ON p.seq = e.seq ORDER BY e.seq").all() as {
    action: string;
    orgId: number;
    payload: string;
  }[];
const liveGrants = () => (t.handle.sqlite.prepare("SELECT count(*) AS n FROM role_grants WHERE revoked_at IS NULL").get() as { n: number }).n;

describe("granting roles", () => {
  it("grants several roles to one person, valid for the subtree, and ledgers each", () => {
    grantRole(as(wardAdmin), { personId: member, role: "cadre", orgId: cell.id });
    grantRole(as(wardAdmin), { personId: member, role: "leader", org: "P001-CB1" });
    grantRole(as(wardAdmin), { personId: member, role: "evaluator", orgId: ward.id });
    const grants = grantsOf(as(wardAdmin), member);
    expect(grants.map((g) => g.role).sort()).toEqual(["cadre", "evaluator", "leader"]);
    expect(grants.every((g) => g.canRevoke)).toBe(true);
    const actor = t.actorOf(member);
    expect(actor.grants).toHaveLength(3);
    expect(myGrants(t.ctx(actor))).toHaveLength(3);
    expect(events().map((e) => e.action)).toEqual(["role.granted", "role.granted", "role.granted"]);
    expect(JSON.parse(events()[0].payload)).toEqual({ personId: member, role: "cadre" });
    expect(events()[2].orgId).toBe(ward.id);
  });

  it("refuses a duplicate of a live grant, but allows it again after revocation", () => {
    const { grantId } = grantRole(as(wardAdmin), { personId: member, role: "cadre", orgId: cell.id });
    const dup = failure(() => grantRole(as(wardAdmin), { personId: member, role: "cadre", orgId: cell.id }));
    expect(dup.fieldErrors).toEqual({ org: "people.grant.duplicate" });
    revokeRole(as(wardAdmin), grantId);
    expect(grantsOf(as(wardAdmin), member)).toHaveLength(0);
    expect(t.actorOf(member).grants).toHaveLength(0);
    grantRole(as(wardAdmin), { personId: member, role: "cadre", orgId: cell.id });
    expect(events().map((e) => e.action)).toEqual(["role.granted", "role.revoked", "role.granted"]);
  });

  it("refuses a closed organization", () => {
    t.handle.sqlite.prepare("UPDATE organizations SET valid_to = '2026-01-01' WHERE id = ?").run(cell.id);
    const closed = failure(() => grantRole(as(wardAdmin), { personId: member, role: "cadre", orgId: cell.id }));
    expect(closed.fieldErrors).toEqual({ org: "people.grant.orgClosed" });
    expect(liveGrants()).toBe(2);
  });

  it("keeps a ward admin inside the ward and away from its own grants", () => {
    // An organization outside the subtree.
    expect(failure(() => grantRole(as(wardAdmin), { personId: member, role: "cadre", orgId: otherWard.id })).status).toBe(403);
    expect(failure(() => grantRole(as(wardAdmin), { personId: member, role: "admin", orgId: city.id })).status).toBe(403);
    expect(failure(() => grantRole(as(wardAdmin), { personId: member, role: "cadre", org: "P002" })).fieldErrors).toEqual({ org: "people.org.notFound" });
    // A person outside the subtree is not even visible.
    const stranger = t.person(otherWard.id, { given: "Xa" });
    expect(failure(() => grantRole(as(wardAdmin), { personId: stranger, role: "cadre", orgId: ward.id })).status).toBe(404);
    // No self-elevation, not even within the subtree.
    expect(failure(() => grantRole(as(wardAdmin), { personId: wardAdmin, role: "inspector", orgId: ward.id })).status).toBe(403);
    // Nor revoking the city's grants.
    const cityGrant = (t.handle.sqlite.prepare("SELECT id FROM role_grants WHERE person_id = ?").get(wardAdmin) as { id: number }).id;
    expect(failure(() => revokeRole(as(wardAdmin), cityGrant)).status).toBe(403);
    expect(getGrant(as(wardAdmin), cityGrant).canRevoke).toBe(false);
    expect(liveGrants()).toBe(2);
    expect(events()).toEqual([]);
  });

  it("lets the city admin revoke a ward admin's grant, effective on the next request", () => {
    const grantId = (t.handle.sqlite.prepare("SELECT id FROM role_grants WHERE person_id = ?").get(wardAdmin) as { id: number }).id;
    revokeRole(as(cityAdmin), grantId);
    expect(t.actorOf(wardAdmin).grants).toEqual([]);
    expect(failure(() => revokeRole(as(cityAdmin), grantId)).message).toBe("people.revoke.already");
    expect(events().map((e) => e.action)).toEqual(["role.revoked"]);
  });
});
