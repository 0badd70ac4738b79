// The city-scale seed (npm run seed -- --scale city): the demo data, then a whole city's
// worth of organizations, people, tasks, initiatives, councils, scores, decisions and credit,
// with a ledger event for every step of their history. It writes rows with prepared
// statements instead of the model functions (a million model calls would take an hour), in
// the shapes the models write; the ledger uses the same hash and signature as appendEvent,
// so `npm run ledger:verify` checks it like any other. Deterministic for a seed number: the
// same number gives the same rows and the same chain of hashes.
import type { Handle } from "./client";
import type { Secrets } from "./secrets";
import { seedDemo } from "./seed";
import { BulkLedger } from "./seed-city-ledger";
import { rng, type Rng } from "./seed-city-text";
import { seedPeople, seedStructure, type City } from "./seed-city-people";
import { seedWork } from "./seed-city-work";
import { optimizeSearchIndexes } from "./search-index";

export type CityOptions = {
  /** The seed number: the same number, the same city. */
  seed?: number;
  /** 1 = the whole city; tests use a small fraction. */
  scale?: number;
  progress?: (line: string) => void;
};

/** The day the seeded history starts and the moment it ends (the portal's "now" for the data). */
export const CITY_START = Date.parse("2024-01-02T01:00:00Z");
export const CITY_NOW = Date.parse("2026-11-26T10:00:00Z");

export const SIZES = { grassroots: 5_000, cells: 15_000, people: 300_000, initiatives: 100_000, decisions: 5_000, benchCadres: 500, benchDraftsEach: 20 };

export type CityCounts = Record<string, number>;

const BULK_TABLES = ["ledger_events", "people", "role_grants"];

export async function seedCity(handle: Handle, secrets: Secrets, options: CityOptions = {}): Promise<CityCounts> {
  const seed = options.seed ?? 1;
  const scale = options.scale ?? 1;
  const say = options.progress ?? (() => {});
  const r: Rng = rng(seed);
  const started = performance.now();
  const step = (what: string) => say(`${((performance.now() - started) / 1000).toFixed(1).padStart(6)} s  ${what}`);

  await seedDemo(handle, secrets, new Date(CITY_START - 3_600_000));
  step("dữ liệu mẫu (168 đơn vị cấp xã, tài khoản demo)");

  const { sqlite } = handle;
  // Bulk writing: the evidence guarantees (FULL sync) are restored before the server opens it.
  sqlite.pragma("synchronous = OFF");
  sqlite.pragma("cache_size = -262144");
  const ledger = new BulkLedger(sqlite, secrets.privateKey);
  const city: City = { sqlite, r, scale, ledger, step, counts: {} };
  // The big tables' secondary indexes are built once at the end (a sort each) instead of being
  // updated by millions of inserts in random places. The seed reads these tables by key only;
  // unique indexes stay, so their checks still run as rows go in.
  const bulkIndexes = sqlite
    .prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND sql NOT LIKE 'CREATE UNIQUE%' AND tbl_name IN (${BULK_TABLES.map(() => "?").join(", ")})`)
    .all(...BULK_TABLES) as { name: string; sql: string }[];
  for (const { name } of bulkIndexes) sqlite.exec(`DROP INDEX "${name}"`);
  try {
    seedStructure(city);
    await seedPeople(city);
    await seedWork(city);
    await ledger.flush();
  } finally {
    await ledger.stop();
    for (const { sql } of bulkIndexes) sqlite.exec(sql);
    sqlite.pragma("synchronous = FULL");
  }
  optimizeSearchIndexes(sqlite);
  step("chỉ mục tìm kiếm: gộp thành một phân đoạn");
  sqlite.pragma("wal_checkpoint(TRUNCATE)");
  city.counts.ledgerEvents = (sqlite.prepare("SELECT max(seq) AS n FROM ledger_events").get() as { n: number }).n;
  step(`xong: ${Object.entries(city.counts).map(([k, v]) => `${k} ${v.toLocaleString("vi-VN")}`).join(", ")}`);
  return city.counts;
}
