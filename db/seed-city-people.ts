// City seed, part one: grassroots organizations and cells under the 168 units and the blocs,
// the people, their accounts and roles (leaders of every organization, a council secretary and
// evaluators per unit, cadres who register initiatives, and the benchmark's cadres).
import type Database from "better-sqlite3";
import { hashPassword } from "~/auth/passwords.server";
import { personSearchName } from "~/models/people.server";
import { viSortKey } from "~/models/people-sort.server";
import { fold } from "~/utils/fold";
import { DEMO_PASSWORD } from "./seed";
import type { BulkLedger } from "./seed-city-ledger";
import { CELLS, FAMILIES, GIVENS, GRASSROOTS, MIDDLES, POSITIONS, place, type Rng } from "./seed-city-text";

export type Person = { id: number; orgId: number; name: string; dob: string; position: string };
export type Org = { id: number; code: string; name: string; path: string; rootId: number; kind: string };
export type Root = Org & { leaderId: number; leaderName: string; secretaryId: number; evaluatorIds: number[] };

export type City = {
  sqlite: Database.Database;
  r: Rng;
  scale: number;
  ledger: BulkLedger;
  step: (what: string) => void;
  counts: Record<string, number>;
  orgs?: Map<number, Org>;
  roots?: Root[];
  /** Account holders with the cadre role, who register initiatives (and co-author them). */
  cadres?: Person[];
  bench?: Person[];
};

const START = Date.parse("2024-01-02T01:00:00Z");
const iso = (ms: number) => new Date(ms).toISOString();
const n = (city: City, full: number) => Math.max(1, Math.round(full * city.scale));

export function seedStructure(city: City): void {
  const { sqlite, r, ledger } = city;
  const roots = sqlite
    .prepare("SELECT id, code, name, path FROM organizations WHERE kind IN ('ward','commune','special_zone','bloc') AND valid_to IS NULL ORDER BY id")
    .all() as Org[];
  for (const o of roots) Object.assign(o, { rootId: o.id, kind: "root" });
  const orgs = new Map<number, Org>(roots.map((o) => [o.id, o]));
  let nextId = (sqlite.prepare("SELECT max(id) AS m FROM organizations").get() as { m: number }).m + 1;
  const insert = sqlite.prepare(
    "INSERT INTO organizations (id, code, name, kind, parent_id, path, depth, search_name, valid_from, valid_to, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?)",
  );
  let t = START;
  const add = (parent: Org, code: string, name: string, kind: "grassroots" | "cell", depth: number, validFrom: string): Org => {
    const id = nextId++;
    const org: Org = { id, code, name, path: `${parent.path}${id}/`, rootId: parent.rootId, kind };
    t += 20;
    insert.run(id, code, name, kind, parent.id, org.path, depth, fold(`${name} ${code}`), validFrom, iso(t));
    ledger.append({ at: iso(t), actorId: null, orgId: id, action: "org.created", entity: "organization", entityId: id, payload: { code, name, kind, parentId: parent.id, validFrom, validTo: null, source: "seed" } });
    orgs.set(id, org);
    return org;
  };
  const grassrootsCount = n(city, 5_000);
  const cellCount = n(city, 15_000);
  // Children numbered per parent (P001-G007, P001-G007-C3).
  const perRoot = new Map<number, number>();
  const grassroots: Org[] = [];
  sqlite.transaction(() => {
    for (let i = 0; i < grassrootsCount; i++) {
      const root = roots[i < roots.length ? i : r.int(roots.length)];
      const k = (perRoot.get(root.id) ?? 0) + 1;
      perRoot.set(root.id, k);
      const kind = r.pick(GRASSROOTS);
      const name = kind.startsWith("Đảng bộ cơ quan") ? `${kind} ${root.name.replace(/^Đảng ủy /, "").toLowerCase()}` : `${kind} ${place(r)} ${k}`;
      grassroots.push(add(root, `${root.code}-G${String(k).padStart(3, "0")}`, name, "grassroots", 2, `${r.between(2000, 2020)}-0${r.between(1, 9)}-01`));
    }
    for (let i = 0; i < cellCount; i++) {
      const g = grassroots[i < grassroots.length ? i : r.int(grassroots.length)];
      const k = (perRoot.get(g.id) ?? 0) + 1;
      perRoot.set(g.id, k);
      add(g, `${g.code}-C${k}`, `${r.pick(CELLS)} ${k}`, "cell", 3, "2025-07-01");
    }
  })();
  city.orgs = orgs;
  city.roots = roots as Root[];
  city.counts.organizations = grassrootsCount + cellCount;
  city.step(`${(grassrootsCount + cellCount).toLocaleString("vi-VN")} tổ chức cơ sở và chi bộ`);
}

export async function seedPeople(city: City): Promise<void> {
  const { sqlite, r, ledger } = city;
  const orgs = city.orgs!;
  const members = [...orgs.values()].filter((o) => o.kind !== "root");
  // At small scales (tests) there are still the units' own people and two per organization.
  const total = Math.max(n(city, 300_000), city.roots!.length * 6 + members.length * 2);
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  let nextId = (sqlite.prepare("SELECT max(id) AS m FROM people").get() as { m: number }).m + 1;
  const insertPerson = sqlite.prepare(
    `INSERT INTO people (id, family_name, middle_name, given_name, search_name, sort_key, date_of_birth, position, org_id, party_member, active, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1, 1, ?, ?)`,
  );
  const insertAccount = sqlite.prepare(
    "INSERT INTO accounts (person_id, username, password_hash, must_change_password, failed_attempts, password_changed_at, created_at) VALUES (?, ?, ?, 0, 0, ?, ?)",
  );
  const insertGrant = sqlite.prepare("INSERT INTO role_grants (person_id, role, org_id, granted_by, granted_at) VALUES (?, ?, ?, NULL, ?)");
  let t = Date.parse("2024-01-03T01:00:00Z");
  const cadres: Person[] = [];
  const bench: Person[] = [];
  let accounts = 0;
  let grants = 0;

  const person = (orgId: number, position: string): Person => {
    const id = nextId++;
    const [family, middle, given] = [r.pick(FAMILIES), r.pick(MIDDLES), r.pick(GIVENS)];
    const dob = `${r.between(1962, 2001)}-${String(r.between(1, 12)).padStart(2, "0")}-${String(r.between(1, 28)).padStart(2, "0")}`;
    t += 5;
    insertPerson.run(id, family, middle, given, personSearchName({ familyName: family, middleName: middle, givenName: given }), viSortKey(given, family, middle), dob, position, orgId, iso(t), iso(t));
    ledger.append({ at: iso(t), actorId: null, orgId, action: "person.created", entity: "person", entityId: id, payload: { source: "seed" } });
    return { id, orgId, name: `${family} ${middle} ${given}`, dob, position };
  };
  const account = (p: Person, username: string) => {
    const { lastInsertRowid } = insertAccount.run(p.id, username, passwordHash, iso(t), iso(t));
    ledger.append({ at: iso(t), actorId: null, orgId: p.orgId, action: "account.created", entity: "account", entityId: Number(lastInsertRowid), payload: { source: "seed" } });
    accounts++;
  };
  const grant = (p: Person, role: string, orgId: number) => {
    const { lastInsertRowid } = insertGrant.run(p.id, role, orgId, iso(t));
    ledger.append({ at: iso(t), actorId: null, orgId, action: "role.granted", entity: "role_grant", entityId: Number(lastInsertRowid), payload: { personId: p.id, role, source: "seed" } });
    grants++;
  };

  // The unit's own people: its leader, the council's secretary and evaluators.
  sqlite.transaction(() => {
    for (const root of city.roots!) {
      const leader = person(root.id, "Bí thư Đảng ủy");
      account(leader, `dv.${leader.id}`);
      grant(leader, "leader", root.id);
      const secretary = person(root.id, "Thư ký Hội đồng sáng kiến");
      account(secretary, `dv.${secretary.id}`);
      grant(secretary, "secretary", root.id);
      root.leaderId = leader.id;
      root.leaderName = leader.name;
      root.secretaryId = secretary.id;
      root.evaluatorIds = [];
      for (let k = 0; k < 4; k++) {
        const evaluator = person(root.id, "Ủy viên Hội đồng sáng kiến");
        account(evaluator, `dv.${evaluator.id}`);
        grant(evaluator, "evaluator", root.id);
        root.evaluatorIds.push(evaluator.id);
      }
    }
  })();
  await ledger.flush();

  // Members of the grassroots organizations and cells: the first of each leads it; one in
  // ten registers initiatives (an account and the cadre role); the benchmark's cadres last.
  const led = new Set<number>();
  const benchTarget = n(city, 500);
  const chunk = 20_000;
  const first = city.roots!.length * 6;
  for (let done = first; done < total; ) {
    sqlite.transaction(() => {
      for (let k = 0; k < chunk && done < total; k++, done++) {
        const org = done - first < members.length ? members[done - first] : members[r.int(members.length)];
        const p = person(org.id, led.has(org.id) ? r.pick(POSITIONS) : org.kind === "cell" ? "Bí thư Chi bộ" : "Bí thư Đảng ủy cơ sở");
        if (!led.has(org.id)) {
          led.add(org.id);
          account(p, `dv.${p.id}`);
          grant(p, "leader", org.id);
          grant(p, "cadre", org.id);
          cadres.push(p);
        } else if (bench.length < benchTarget && org.kind === "cell" && r.chance(0.02)) {
          account(p, `canbo.${String(bench.length + 1).padStart(4, "0")}`);
          grant(p, "cadre", org.id);
          bench.push(p);
        } else if (r.chance(0.1)) {
          account(p, `dv.${p.id}`);
          grant(p, "cadre", org.id);
          cadres.push(p);
        }
      }
    })();
    await ledger.flush(10_000);
    city.step(`${done.toLocaleString("vi-VN")} / ${total.toLocaleString("vi-VN")} người`);
  }
  city.cadres = cadres;
  city.bench = bench;
  Object.assign(city.counts, { people: total, accounts, roleGrants: grants, benchCadres: bench.length });
}
