import { resolve } from "node:path";

/** This vitest run's scratch folder. global-setup.ts makes one per run and removes it at the
 * end, so that two runs side by side (a helper's and yours) never wipe each other's files. */
export const TMP_DIR = process.env.TEST_TMP_DIR ?? resolve("tests/.tmp/default");
export const BASE_DB = resolve(TMP_DIR, "base.db");
