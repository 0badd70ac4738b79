// Property tests of the policy module against a structural model of the org tree: ancestry
// is computed by walking parent links, never from the path strings the policy uses.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ROLES, type Role } from "../../db/schema";
import {
  can,
  canGrant,
  canManageNode,
  canMoveNode,
  canViewLedgerOf,
  roleAllows,
  scopes,
  type Actor,
  type OrgNode,
  type Permission,
} from "~/auth/policy";

const PERMISSIONS: Permission[] = ["org.view", "org.manage", "person.view", "person.manage", "role.grant", "people.import", "ledger.view"];

type Node = { id: number; parent: number | null; path: string };
type World = { nodes: Node[]; actor: Actor; grants: { role: Role; node: number }[] };

/** A forest of up to 40 nodes: node i's parent is an earlier node, or none (a new root). */
const forest = fc.array(fc.nat(), { minLength: 0, maxLength: 39 }).map((choices) => {
  const nodes: Node[] = [{ id: 1, parent: null, path: "/1/" }];
  choices.forEach((c, k) => {
    const i = k + 1;
    const pick = c % (i + 3); // mostly an earlier node; i, i+1, i+2 → a new root (rarer)
    const parent = pick < i ? pick : null;
    const id = i + 1;
    nodes.push({ id, parent, path: `${parent === null ? "/" : nodes[parent].path}${id}/` });
  });
  return nodes;
});

const world: fc.Arbitrary<World> = forest.chain((nodes) =>
  fc
    .record({
      personId: fc.integer({ min: 1, max: 5 }),
      home: fc.nat({ max: nodes.length - 1 }),
      grants: fc.array(fc.record({ role: fc.constantFrom(...ROLES), node: fc.nat({ max: nodes.length - 1 }) }), { maxLength: 6 }),
    })
    .map(({ personId, home, grants }) => ({
      nodes,
      grants,
      actor: {
        personId,
        orgId: nodes[home].id,
        orgPath: nodes[home].path,
        grants: grants.map((g) => ({ role: g.role, orgId: nodes[g.node].id, orgPath: nodes[g.node].path })),
      },
    })),
);

function isAncestorOrSelf(nodes: Node[], ancestor: number, node: number): boolean {
  for (let n: number | null = node; n !== null; n = nodes[n].parent) if (n === ancestor) return true;
  return false;
}

/** The rule, stated structurally: some grant of a role allowing p sits at or above the node. */
function modelCan(w: World, p: Permission, node: number): boolean {
  return w.grants.some((g) => roleAllows(g.role, p) && isAncestorOrSelf(w.nodes, g.node, node));
}

function orgNode(w: World, i: number): OrgNode {
  const n = w.nodes[i];
  return { id: n.id, path: n.path, parentPath: n.parent === null ? null : w.nodes[n.parent].path };
}

const within = (roots: string[], path: string) => roots.some((r) => path.startsWith(r));
const RUNS = { numRuns: 300 };

describe("policy properties", () => {
  it("can() is true exactly when a grant allowing the permission is an ancestor-or-self of the target", () => {
    fc.assert(
      fc.property(world, fc.constantFrom(...PERMISSIONS), (w, p) => {
        w.nodes.forEach((n, i) => expect(can(w.actor, p, n.path)).toBe(modelCan(w, p, i)));
      }),
      RUNS,
    );
  });

  it("scopes() are minimal grant roots that cover exactly the nodes can() allows", () => {
    fc.assert(
      fc.property(world, fc.constantFrom(...PERMISSIONS), (w, p) => {
        const roots = scopes(w.actor, p);
        for (const n of w.nodes) expect(can(w.actor, p, n.path)).toBe(within(roots, n.path));
        for (const r of roots) {
          expect(w.actor.grants.some((g) => g.orgPath === r && roleAllows(g.role, p))).toBe(true);
          expect(roots.filter((o) => o !== r && r.startsWith(o))).toEqual([]);
        }
        expect(new Set(roots).size).toBe(roots.length);
      }),
      RUNS,
    );
  });

  it("canManageNode never allows a node whose parent is outside the admin's scopes", () => {
    fc.assert(
      fc.property(world, (w) => {
        const manage = scopes(w.actor, "org.manage");
        w.nodes.forEach((n, i) => {
          const allowed = canManageNode(w.actor, orgNode(w, i));
          const decidedBy = n.parent ?? i; // a root is decided by itself
          expect(allowed).toBe(modelCan(w, "org.manage", decidedBy));
          if (allowed && n.parent !== null) expect(within(manage, w.nodes[n.parent].path)).toBe(true);
        });
      }),
      RUNS,
    );
  });

  it("canMoveNode never moves a node into its own subtree, nor from or to outside the scopes", () => {
    fc.assert(
      fc.property(world, fc.nat(), fc.nat(), (w, a, b) => {
        const i = a % w.nodes.length;
        const target = b % w.nodes.length;
        const node = orgNode(w, i);
        const allowed = canMoveNode(w.actor, node, { path: w.nodes[target].path });
        const manage = scopes(w.actor, "org.manage");
        if (allowed) {
          expect(isAncestorOrSelf(w.nodes, i, target)).toBe(false);
          expect(within(manage, w.nodes[target].path)).toBe(true);
          expect(within(manage, node.parentPath ?? node.path)).toBe(true);
        }
        const expected = modelCan(w, "org.manage", w.nodes[i].parent ?? i) && modelCan(w, "org.manage", target) && !isAncestorOrSelf(w.nodes, i, target);
        expect(allowed).toBe(expected);
      }),
      RUNS,
    );
  });

  it("canGrant never grants outside the actor's role.grant scopes, to someone outside its care, or to oneself", () => {
    fc.assert(
      fc.property(world, fc.integer({ min: 1, max: 5 }), fc.nat(), fc.nat(), (w, personId, a, b) => {
        const person = { id: personId, orgPath: w.nodes[a % w.nodes.length].path };
        const grantAt = b % w.nodes.length;
        const allowed = canGrant(w.actor, person, w.nodes[grantAt].path);
        if (allowed) {
          expect(personId).not.toBe(w.actor.personId);
          expect(within(scopes(w.actor, "role.grant"), w.nodes[grantAt].path)).toBe(true);
          expect(within(scopes(w.actor, "person.manage"), person.orgPath)).toBe(true);
        }
        expect(allowed).toBe(personId !== w.actor.personId && modelCan(w, "role.grant", grantAt) && modelCan(w, "person.manage", a % w.nodes.length));
        // Never on oneself, whatever the grants.
        expect(canGrant(w.actor, { ...person, id: w.actor.personId }, w.nodes[grantAt].path)).toBe(false);
      }),
      RUNS,
    );
  });

  it("canViewLedgerOf mirrors can(ledger.view) for organizations, and org-less events need a root grant", () => {
    fc.assert(
      fc.property(world, (w) => {
        w.nodes.forEach((n) => expect(canViewLedgerOf(w.actor, n.path)).toBe(can(w.actor, "ledger.view", n.path)));
        const rootGrant = w.grants.some((g) => roleAllows(g.role, "ledger.view") && w.nodes[g.node].parent === null);
        expect(canViewLedgerOf(w.actor, null)).toBe(rootGrant);
      }),
      RUNS,
    );
  });

  it("nobody signed out is allowed anything", () => {
    fc.assert(
      fc.property(forest, fc.constantFrom(...PERMISSIONS), (nodes, p) => {
        for (const n of nodes) {
          expect(can(null, p, n.path)).toBe(false);
          expect(canViewLedgerOf(null, n.path)).toBe(false);
        }
        expect(scopes(null, p)).toEqual([]);
        expect(canViewLedgerOf(null, null)).toBe(false);
      }),
    );
  });
});
