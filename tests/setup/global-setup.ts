// Build one migrated database file; each test copies it (fast, isolated, no truncation). Each
// run works in its own folder under tests/.tmp (the test workers inherit TEST_TMP_DIR).
import { mkdirSync, rmSync } from "node:fs";
import { resolve } from "node:path";
import { openDatabase } from "../../db/client";
import { migrateDatabase } from "../../db/migrate";

export default function setup() {
  const dir = resolve("tests/.tmp", `run-${process.pid}-${Date.now()}`);
  process.env.TEST_TMP_DIR = dir;
  mkdirSync(dir, { recursive: true });
  const handle = openDatabase(resolve(dir, "base.db"));
  migrateDatabase(handle);
  handle.sqlite.pragma("wal_checkpoint(TRUNCATE)");
  handle.sqlite.close();
  return () => rmSync(dir, { recursive: true, force: true });
}
