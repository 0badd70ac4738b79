// The benchmark's database: the city database made once (or the demo one until the city seed
// exists, or a given one), copied for each run so that every run starts from the same rows
// (the POST scenario consumes drafts), then sessions minted and submittable drafts found.
// All writes here happen before the server starts; while it runs the harness only reads.
import Database from "better-sqlite3";
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { openDatabase, type Handle } from "../../db/client";
import { migrateDatabase } from "../../db/migrate";
import { SEARCH_INDEXES, segmentsOf } from "../../db/search-index";
import { loadOrCreateSecrets, type Secrets } from "../../db/secrets";
import { loadActor } from "~/auth/actor.server";
import type { Actor } from "~/auth/policy";
import { newSession } from "~/auth/sessions.server";
import type { Ctx } from "~/models/context.server";
import { createDraft, submissionProblems } from "~/models/initiatives.server";
import { sessionCookie } from "~/utils/request.server";
import { fill } from "../models/initiatives-fixture";
import { runStep } from "./bench-procs";

export type DbPlan = {
  /** The database the run starts from (never written by the run unless inPlace). */
  source: string;
  /** The database the server uses. */
  file: string;
  secretsDir: string;
  kind: "city" | "demo" | "given";
  sizeMb: number;
};

/** The lead's city seed is there once seed-cli understands --scale. */
export function citySeedAvailable(): boolean {
  return existsSync("db/seed-cli.ts") && readFileSync("db/seed-cli.ts", "utf8").includes("scale");
}

export async function prepareDatabase(opts: { db?: string; inPlace: boolean; workDir: string; seed?: string }): Promise<DbPlan> {
  let source: string;
  let kind: DbPlan["kind"];
  if (opts.db) {
    source = resolve(opts.db);
    if (!existsSync(source)) throw new Error(`--db ${opts.db}: no such file`);
    kind = "given";
  } else if (citySeedAvailable()) {
    source = resolve(process.env.BENCH_DB ?? join(opts.workDir, "city.db"));
    kind = "city";
  } else {
    console.warn("! The city seed (npm run seed -- --scale city) is not there yet: benchmarking the DEMO database.");
    source = resolve(join(opts.workDir, "demo.db"));
    kind = "demo";
  }
  const secretsDir = resolve(process.env.SECRETS_DIR ?? join(dirname(source), "secrets"));
  if (!existsSync(source)) {
    mkdirSync(dirname(source), { recursive: true });
    const env = { DATABASE_PATH: source, SECRETS_DIR: secretsDir };
    if (kind === "city") {
      const args = ["run", "seed", "--", "--scale", "city", ...(opts.seed ? ["--seed", opts.seed] : [])];
      console.log(`• Seeding a city database into ${source} (once; later runs reuse it)…`);
      await runStep("city seed", "npm", args, env);
    } else {
      console.log(`• Preparing a demo database in ${source}…`);
      await runStep("demo database", "npx", ["tsx", "db/prepare.ts"], env);
    }
  }
  // Fold the WAL into the file so that a plain copy is the whole database.
  const src = new Database(source);
  src.pragma("wal_checkpoint(TRUNCATE)");
  src.close();
  let file = source;
  if (!opts.inPlace) {
    file = resolve(join(opts.workDir, "run.db"));
    for (const f of [file, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });
    const started = Date.now();
    copyFileSync(source, file);
    console.log(`• Copied ${source} → ${file} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  }
  // A database seeded by an older commit gets this commit's migrations (its indexes above all).
  const handle = openDatabase(file);
  migrateDatabase(handle);
  handle.sqlite.close();
  return { source, file, secretsDir, kind, sizeMb: statSync(file).size / 1048576 };
}

/** Rows of every table (not the search index's internals), for the record of the run. */
export function rowCounts(file: string): Record<string, number> {
  const db = new Database(file, { readonly: true });
  try {
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%fts%' AND name NOT LIKE '__drizzle%' ORDER BY name")
      .pluck()
      .all() as string[];
    return Object.fromEntries(tables.map((t) => [t, db.prepare(`SELECT count(*) FROM "${t}"`).pluck().get() as number]));
  } finally {
    db.close();
  }
}

/** Segments of each search index: more than one makes every search walk each of them. */
export function searchSegments(file: string): string {
  const db = new Database(file, { readonly: true });
  try {
    return SEARCH_INDEXES.map((name) => `${name} ${segmentsOf(db, name)}`).join(", ");
  } finally {
    db.close();
  }
}

export type Bench = { handle: Handle; secrets: Secrets; ctxOf(personId: number): Ctx; close(): void };

/** Open the run's database for preparation (the server is not running yet). */
export function openForPrep(plan: DbPlan): Bench {
  // The app's own cookie and secrets helpers read these.
  process.env.DATABASE_PATH = plan.file;
  process.env.SECRETS_DIR = plan.secretsDir;
  const handle = openDatabase(plan.file);
  // A throw-away copy: durability is not needed while preparing it.
  if (plan.file !== plan.source) handle.sqlite.pragma("synchronous = OFF");
  const secrets = loadOrCreateSecrets(plan.secretsDir);
  const actors = new Map<number, Actor>();
  const ctxOf = (personId: number): Ctx => {
    let actor = actors.get(personId);
    if (!actor) {
      const loaded = loadActor(handle.db, personId);
      if (!loaded) throw new Error(`person ${personId} cannot act (inactive?)`);
      actors.set(personId, (actor = loaded));
    }
    return { db: handle.db, actor, secrets, now: () => new Date() };
  };
  return { handle, secrets, ctxOf, close: () => handle.sqlite.close() };
}

/** Person ids of usernames whose accounts can be used now (no forced password change). */
export function usableAccounts(b: Bench, usernames: string[]): Map<string, number> {
  const stmt = b.handle.sqlite.prepare(
    `SELECT a.person_id FROM accounts a JOIN people p ON p.id = a.person_id
     WHERE a.username = ? AND a.must_change_password = 0 AND p.active = 1`,
  );
  const found = new Map<string, number>();
  for (const u of usernames) {
    const id = stmt.pluck().get(u) as number | undefined;
    if (id !== undefined) found.set(u, id);
  }
  return found;
}

/** A signed session cookie ("sid=…") per person, minted the way signing in makes them. */
export async function mintCookies(b: Bench, personIds: Iterable<number>): Promise<Map<number, string>> {
  const ids = [...new Set(personIds)];
  const now = new Date();
  const policy = { idleMinutes: 30, absoluteHours: 12 };
  const tokens = b.handle.db.transaction((tx) => ids.map((id) => newSession(tx, now, id, "bench", policy)));
  const cookie = sessionCookie(new Request("http://127.0.0.1/"));
  const out = new Map<number, string>();
  for (let i = 0; i < ids.length; i++) out.set(ids[i]!, (await cookie.serialize(tokens[i])).split(";")[0]!);
  return out;
}

export type Draft = { id: number; personId: number };

/** Drafts of account holders that submission would accept now, up to `want`. */
export function submittableDrafts(b: Bench, want: number): Draft[] {
  const candidates = b.handle.sqlite
    .prepare(
      `SELECT i.id AS id, i.created_by AS personId FROM initiatives i
       JOIN accounts a ON a.person_id = i.created_by JOIN people p ON p.id = i.created_by
       WHERE i.status = 'draft' AND a.must_change_password = 0 AND p.active = 1
       ORDER BY i.id`,
    )
    .all() as Draft[];
  const out: Draft[] = [];
  for (const d of candidates) {
    if (out.length >= want) break;
    try {
      if (Object.keys(submissionProblems(b.ctxOf(d.personId), d.id)).length === 0) out.push(d);
    } catch {
      // not this author's to submit after all
    }
  }
  return out;
}

/** Make `count` complete drafts through the model layer, spread over cadres with accounts. */
export function createDrafts(b: Bench, count: number, maxAuthors = 200): Draft[] {
  const authors = b.handle.sqlite
    .prepare(
      `SELECT DISTINCT a.person_id FROM accounts a JOIN people p ON p.id = a.person_id
       JOIN role_grants g ON g.person_id = a.person_id AND g.role = 'cadre' AND g.revoked_at IS NULL
       WHERE a.must_change_password = 0 AND p.active = 1 ORDER BY a.person_id LIMIT ?`,
    )
    .pluck()
    .all(maxAuthors) as number[];
  const able = new Set(authors);
  const out: Draft[] = [];
  for (let i = 0; out.length < count && able.size > 0; i++) {
    const personId = authors[i % authors.length]!;
    if (!able.has(personId)) continue;
    try {
      const ctx = b.ctxOf(personId);
      const { id } = createDraft(ctx, { kind: "initiative" });
      fill(ctx, id);
      out.push({ id, personId });
    } catch (error) {
      able.delete(personId);
      if (able.size === 0) console.warn(`! No cadre could make a draft; last refusal: ${(error as Error).message}`);
    }
  }
  return out;
}
