// A fresh migrated database per test, a movable clock, and shortcuts to build a small tree.
import { copyFileSync } from "node:fs";
import { randomUUID } from "node:crypto";
import { resolve } from "node:path";
import { openDatabase, type Handle } from "../../db/client";
import { ephemeralSecrets, type Secrets } from "../../db/secrets";
import { roleGrants, type OrgKind, type Role } from "../../db/schema";
import { loadActor } from "~/auth/actor.server";
import type { Actor } from "~/auth/policy";
import type { Ctx } from "~/models/context.server";
import { insertOrgRow } from "~/models/orgs.server";
import { insertAccountRow, insertPersonRow } from "~/models/people.server";
import { BASE_DB, TMP_DIR } from "./paths";

export type TestDb = {
  handle: Handle;
  secrets: Secrets;
  clock: { now: Date; advance(ms: number): void };
  ctx(actor?: Actor | null): Ctx;
  /** The actor of a person as the server would load it. */
  actorOf(personId: number): Actor;
  org(code: string, parentId: number | null, kind?: OrgKind): { id: number; path: string };
  person(orgId: number, opts?: { given?: string; username?: string; passwordHash?: string | null; mustChange?: boolean }): number;
  grant(personId: number, role: Role, orgId: number): void;
  close(): void;
};

export function freshDb(): TestDb {
  const file = resolve(TMP_DIR, `${randomUUID()}.db`);
  copyFileSync(BASE_DB, file);
  const handle = openDatabase(file);
  const secrets = ephemeralSecrets();
  const clock = {
    now: new Date("2026-11-27T03:00:00.000Z"),
    advance(ms: number) {
      clock.now = new Date(clock.now.getTime() + ms);
    },
  };
  const at = () => clock.now.toISOString();
  const db: TestDb = {
    handle,
    secrets,
    clock,
    ctx: (actor = null) => ({ db: handle.db, actor, secrets, now: () => clock.now }),
    actorOf: (personId) => {
      const actor = loadActor(handle.db, personId);
      if (!actor) throw new Error(`no actor for person ${personId}`);
      return actor;
    },
    org: (code, parentId, kind = parentId ? "cell" : "city") =>
      handle.db.transaction((tx) => insertOrgRow(tx, { code, name: `Tổ chức ${code}`, kind, parentId, validFrom: "2025-07-01" }, at())),
    person: (orgId, opts = {}) =>
      handle.db.transaction((tx) => {
        const id = insertPersonRow(tx, { familyName: "Nguyễn", middleName: "Văn", givenName: opts.given ?? "An", orgId }, at());
        if (opts.username) {
          insertAccountRow(tx, { personId: id, username: opts.username, passwordHash: opts.passwordHash ?? null, mustChangePassword: opts.mustChange ?? false }, at());
        }
        return id;
      }),
    grant: (personId, role, orgId) => {
      handle.db.insert(roleGrants).values({ personId, role, orgId, grantedAt: at() }).run();
    },
    close: () => handle.sqlite.close(),
  };
  return db;
}
