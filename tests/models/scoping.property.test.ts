// Property: no sequence of actions lets an actor read or change a record outside the subtrees
// they were granted. A ward administrator (and whoever they grant roles to on the way) runs
// random sequences of every model operation against targets drawn from the whole city; the
// other ward's organizations, people and grants never change, every read that succeeds is of
// a record inside the actor's scopes, and the ledger stays intact.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canViewPerson, inSubtree, scopes, type Actor } from "~/auth/policy";
import { grantRole, revokeRole } from "~/models/grants.server";
import { verifyLedger } from "~/models/ledger.server";
import { closeOrg, createOrg, getOrgDetail, moveOrg, renameOrg, searchOrgs } from "~/models/orgs.server";
import { listPeople } from "~/models/people-list.server";
import { getPerson } from "~/models/people.server";
import { createPerson, deactivatePerson, updatePerson } from "~/models/people-write.server";
import { DomainError } from "~/models/errors";
import { GRANTABLE_ROLES } from "~/schemas/people";
import { freshDb, type TestDb } from "../helpers/db";

const OPS = ["createOrg", "renameOrg", "moveOrg", "closeOrg", "createPerson", "updatePerson", "deactivate", "grant", "revoke", "readPerson", "readOrg", "listPeople", "searchOrgs"] as const;
type Step = { op: (typeof OPS)[number]; who: number; a: number; b: number; c: number };

const step = fc.record({
  op: fc.constantFrom(...OPS),
  who: fc.nat(),
  a: fc.nat(),
  b: fc.nat(),
  c: fc.nat(),
});

type World = { t: TestDb; wardA: string; wardB: string };

function build(): World {
  const t = freshDb();
  const city = t.org("TU", null, "city");
  const a = t.org("PA", city.id, "ward");
  const b = t.org("PB", city.id, "ward");
  for (const [ward, code] of [
    [a, "PA"],
    [b, "PB"],
  ] as const) {
    const g = t.org(`${code}-CQ`, ward.id, "grassroots");
    t.org(`${code}-CQ-CB1`, g.id, "cell");
    t.org(`${code}-CB2`, ward.id, "cell");
    for (let i = 0; i < 3; i++) t.person(g.id, { given: `${code}${i}` });
  }
  const admin = t.person(a.id, { given: "Quản" });
  t.grant(admin, "admin", a.id);
  const outsider = t.person(b.id, { given: "Ngoài" });
  t.grant(outsider, "admin", b.id);
  return { t, wardA: a.path, wardB: b.path };
}

function snapshotOutside(t: TestDb, scope: string): string {
  const q = (sql: string) => JSON.stringify(t.handle.sqlite.prepare(sql).all({ scope: `${scope}%` }));
  return [
    q(`SELECT id, code, name, kind, parent_id, path, valid_from, valid_to FROM organizations WHERE path NOT LIKE @scope ORDER BY id`),
    q(`SELECT p.id, p.family_name, p.given_name, p.org_id, p.active, p.email FROM people p JOIN organizations o ON o.id = p.org_id WHERE o.path NOT LIKE @scope ORDER BY p.id`),
    // Grants on outside organizations, and any grant held by an outside person.
    q(`SELECT g.id, g.person_id, g.role, g.org_id, g.revoked_at FROM role_grants g JOIN organizations o ON o.id = g.org_id
        JOIN people p ON p.id = g.person_id JOIN organizations po ON po.id = p.org_id
       WHERE o.path NOT LIKE @scope OR po.path NOT LIKE @scope ORDER BY g.id`),
  ].join("\n");
}

const ids = (t: TestDb, table: "organizations" | "people" | "role_grants") =>
  (t.handle.sqlite.prepare(`SELECT id FROM ${table} ORDER BY id`).all() as { id: number }[]).map((r) => r.id);
const codeOf = (t: TestDb, id: number) => (t.handle.sqlite.prepare("SELECT code FROM organizations WHERE id = ?").get(id) as { code: string }).code;
const pathOf = (t: TestDb, id: number) => (t.handle.sqlite.prepare("SELECT path FROM organizations WHERE id = ?").get(id) as { path: string }).path;
const personPath = (t: TestDb, id: number) =>
  (t.handle.sqlite.prepare("SELECT o.path FROM people p JOIN organizations o ON o.id = p.org_id WHERE p.id = ?").get(id) as { path: string }).path;

async function run(world: World, s: Step, actors: number[], n: number): Promise<void> {
  const { t } = world;
  const actor: Actor = t.actorOf(actors[s.who % actors.length]);
  const ctx = t.ctx(actor);
  const orgs = ids(t, "organizations");
  const persons = ids(t, "people");
  const org = orgs[s.a % orgs.length];
  const other = orgs[s.b % orgs.length];
  const person = persons[s.a % persons.length];
  const date = "2026-01-01";
  switch (s.op) {
    case "createOrg":
      createOrg(ctx, { parentId: org, code: `N${n}`, name: `Chi bộ mới ${n}`, kind: "cell", validFrom: date });
      return;
    case "renameOrg":
      renameOrg(ctx, org, { name: `Tên mới ${n}`, effectiveDate: "2026-06-01" });
      return;
    case "moveOrg":
      moveOrg(ctx, org, { newParentId: other, effectiveDate: "2026-06-01" });
      return;
    case "closeOrg":
      closeOrg(ctx, org, { closedOn: "2026-06-01", reason: "Sáp nhập" });
      return;
    case "createPerson":
      await createPerson(ctx, {
        familyName: "Lê",
        middleName: "",
        givenName: `Mới${n}`,
        dateOfBirth: null,
        position: "",
        org: codeOf(t, org),
        partyMember: true,
        email: null,
        accountMode: "none",
        username: "",
        password: "",
      });
      return;
    case "updatePerson":
      updatePerson(ctx, person, { familyName: "Lê", middleName: "", givenName: `Sửa${n}`, dateOfBirth: null, position: "", org: codeOf(t, other), partyMember: true, email: null });
      return;
    case "deactivate":
      deactivatePerson(ctx, person);
      return;
    case "grant":
      grantRole(ctx, { personId: person, role: GRANTABLE_ROLES[s.c % GRANTABLE_ROLES.length], orgId: other });
      return;
    case "revoke": {
      const grants = ids(t, "role_grants");
      revokeRole(ctx, grants[s.c % grants.length]);
      return;
    }
    case "readPerson": {
      const p = getPerson(ctx, person);
      expect(canViewPerson(actor, { id: p.id, orgPath: personPath(t, p.id) })).toBe(true);
      return;
    }
    case "readOrg": {
      getOrgDetail(ctx, org);
      const path = pathOf(t, org);
      expect(scopes(actor, "org.view").some((root) => inSubtree(path, root))).toBe(true);
      return;
    }
    case "listPeople": {
      const { rows } = listPeople(ctx, { page: 1 });
      for (const row of rows) expect(canViewPerson(actor, { id: row.id, orgPath: personPath(t, row.id) })).toBe(true);
      return;
    }
    case "searchOrgs": {
      const { rows } = searchOrgs(ctx, { q: "", page: 1 });
      for (const row of rows) expect(scopes(actor, "org.view").some((root) => inSubtree(pathOf(t, row.id), root))).toBe(true);
      return;
    }
  }
}

describe("subtree scoping under random sequences of actions", () => {
  it("never lets the ward administrator, or anyone they empower, touch the other ward", async () => {
    const outcomes = { done: 0, refused: 0 };
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 5, maxLength: 30 }), async (steps) => {
        const world = build();
        const { t } = world;
        try {
          const before = snapshotOutside(t, world.wardA);
          // Actors: the ward-A administrator plus everyone who holds a grant inside ward A,
          // re-read before each step (grants made along the way count).
          let n = 0;
          for (const s of steps) {
            n++;
            const empowered = (
              t.handle.sqlite
                .prepare("SELECT DISTINCT g.person_id AS id FROM role_grants g JOIN organizations o ON o.id = g.org_id WHERE g.revoked_at IS NULL AND o.path LIKE ? ORDER BY 1")
                .all(`${world.wardA}%`) as { id: number }[]
            ).map((r) => r.id);
            const active = empowered.filter((id) => {
              const row = t.handle.sqlite.prepare("SELECT active FROM people WHERE id = ?").get(id) as { active: number };
              return row.active === 1;
            });
            if (active.length === 0) break;
            try {
              await run(world, s, active, n);
              outcomes.done++;
            } catch (error) {
              if (!(error instanceof DomainError)) throw error;
              outcomes.refused++;
            }
          }
          expect(snapshotOutside(t, world.wardA)).toBe(before);
          expect(verifyLedger(t.handle.sqlite, t.secrets.publicKey).ok).toBe(true);
        } finally {
          t.close();
        }
      }),
      { numRuns: 60 },
    );
    // The sequences must do real work inside the ward, not only bounce off the policy.
    expect(outcomes.done).toBeGreaterThan(100);
    expect(outcomes.refused).toBeGreaterThan(100);
  });
});
