// Measures appending ledger events (npx tsx tests/bench/ledger-append.ts [count]).
import { mkdirSync } from "node:fs";
import { openDatabase } from "../../db/client";
import { migrateDatabase } from "../../db/migrate";
import { ephemeralSecrets } from "../../db/secrets";
import { appendEvent } from "~/models/ledger.server";
import { write, type Ctx } from "~/models/context.server";

const count = Number(process.argv[2] ?? 5000);
mkdirSync("tests/.tmp", { recursive: true });
const file = `tests/.tmp/bench-ledger-${process.pid}.db`;
const handle = openDatabase(file);
migrateDatabase(handle);
const ctx: Ctx = { db: handle.db, actor: null, secrets: ephemeralSecrets(), now: () => new Date() };
const started = performance.now();
write(ctx, (tx) => {
  for (let i = 0; i < count; i++) appendEvent(ctx, tx, { action: "bench.event", entity: "thing", entityId: i, orgId: null, payload: { i } });
});
const ms = performance.now() - started;
console.log(`${count} events in one transaction: ${ms.toFixed(0)} ms (${((ms * 1000) / count).toFixed(0)} µs each)`);
handle.sqlite.close();
