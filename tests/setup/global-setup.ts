// Build one migrated database file; each test copies it (fast, isolated, no truncation).
import { mkdirSync, rmSync } from "node:fs";
import { openDatabase } from "../../db/client";
import { migrateDatabase } from "../../db/migrate";
import { BASE_DB, TMP_DIR } from "../helpers/paths";

export default function setup() {
  rmSync(TMP_DIR, { recursive: true, force: true });
  mkdirSync(TMP_DIR, { recursive: true });
  const handle = openDatabase(BASE_DB);
  migrateDatabase(handle);
  handle.sqlite.pragma("wal_checkpoint(TRUNCATE)");
  handle.sqlite.close();
}
