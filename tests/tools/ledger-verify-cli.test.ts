// Runs the real `ledger:verify` command on copies of a small database, intact and tampered.
import { spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { copyFileSync, mkdirSync } from "node:fs";
import { resolve } from "node:path";
import Database from "better-sqlite3";
import { beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../db/client";
import { loadOrCreateSecrets } from "../../db/secrets";
import { write, type Ctx } from "~/models/context.server";
import { appendEvent } from "~/models/ledger.server";
import { BASE_DB, TMP_DIR } from "../helpers/paths";

// Under tests/.tmp, which the global setup clears before each run.
const dir = resolve(TMP_DIR, `cli-${randomUUID()}`);
const secretsDir = resolve(dir, "secrets");
const source = resolve(dir, "source.db");
let head: { seq: number; hash: string };

beforeAll(() => {
  mkdirSync(dir, { recursive: true });
  copyFileSync(BASE_DB, source);
  const handle = openDatabase(source);
  const ctx: Ctx = { db: handle.db, actor: null, secrets: loadOrCreateSecrets(secretsDir), now: () => new Date("2026-11-27T03:00:00Z") };
  for (let i = 1; i <= 6; i++) {
    head = write(ctx, (tx) => appendEvent(ctx, tx, { action: "org.renamed", entity: "organization", entityId: i, orgId: null, payload: { name: `Chi bộ ${i}` } }));
  }
  handle.sqlite.close(); // checkpoints the WAL: the file alone holds everything
});

/** A copy of the source database, changed by `tamper`, checked by the real command. */
function verifyCopy(tamper: (db: Database.Database) => void = () => {}, secrets = secretsDir) {
  const file = resolve(dir, `${randomUUID()}.db`);
  copyFileSync(source, file);
  const db = new Database(file);
  tamper(db);
  db.close();
  const run = spawnSync("npx", ["tsx", "db/ledger-verify.ts"], {
    cwd: resolve("."),
    env: { ...process.env, DATABASE_PATH: file, SECRETS_DIR: secrets },
    encoding: "utf8",
  });
  return { code: run.status, out: `${run.stdout}\n${run.stderr}` };
}

describe("npm run ledger:verify", () => {
  it("exits 0 and prints the head hash when the chain is intact", () => {
    const { code, out } = verifyCopy();
    expect(code).toBe(0);
    expect(out).toContain("Sổ cái nguyên vẹn");
    expect(out).toContain(`#6 ${head.hash}`);
  });

  it("exits 1 naming the event edited after its trigger was dropped", () => {
    const { code, out } = verifyCopy((db) => {
      db.exec("DROP TRIGGER ledger_events_no_update");
      db.prepare("UPDATE ledger_events SET entity_id = '42' WHERE seq = 3").run();
    });
    expect(code).toBe(1);
    expect(out).toMatch(/sự kiện #3\b/);
    expect(out).not.toContain(head.hash);
  });

  it("exits 1 naming a deleted event, even with the trigger put back", () => {
    const { code, out } = verifyCopy((db) => {
      db.exec("DROP TRIGGER ledger_events_no_delete");
      db.prepare("DELETE FROM ledger_events WHERE seq = 4").run();
      db.exec("CREATE TRIGGER ledger_events_no_delete BEFORE DELETE ON ledger_events BEGIN SELECT RAISE(ABORT, 'ledger_events is append-only'); END");
    });
    expect(code).toBe(1);
    expect(out).toMatch(/sự kiện #4\b/);
    expect(out).toMatch(/missing/);
  });

  it("exits 1 when a guard trigger was dropped, even with every row intact", () => {
    const { code, out } = verifyCopy((db) => db.exec("DROP TRIGGER ledger_events_extend_head"));
    expect(code).toBe(1);
    expect(out).toMatch(/ledger_events_extend_head/);
  });

  it("exits 1 naming the first event when checked against another portal's key", () => {
    const { code, out } = verifyCopy(undefined, resolve(dir, "other-secrets"));
    expect(code).toBe(1);
    expect(out).toMatch(/sự kiện #1\b/);
    expect(out).toMatch(/signature/);
  });
});
