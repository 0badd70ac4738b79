// npm run seed: load the demo data into an empty database (migrating it first).
// npm run seed -- --scale city [--seed N]: the demo data and a whole city (db/seed-city.ts).
import { count } from "drizzle-orm";
import { parseArgs } from "node:util";
import { databasePath, openDatabase } from "./client";
import { migrateDatabase } from "./migrate";
import { organizations } from "./schema";
import { loadOrCreateSecrets } from "./secrets";
import { seedDemo } from "./seed";
import { seedCity } from "./seed-city";

async function main() {
  const { values } = parseArgs({ options: { scale: { type: "string", default: "demo" }, seed: { type: "string", default: "1" } } });
  if (values.scale !== "demo" && values.scale !== "city") {
    console.error(`--scale phải là "demo" hoặc "city" (nhận được "${values.scale}").`);
    process.exit(2);
  }
  const seed = Number(values.seed);
  if (!Number.isInteger(seed) || seed < 0) {
    console.error(`--seed phải là một số nguyên không âm (nhận được "${values.seed}").`);
    process.exit(2);
  }
  const handle = openDatabase();
  migrateDatabase(handle);
  const [{ n }] = handle.db.select({ n: count() }).from(organizations).all();
  if (n > 0) {
    console.error(`${databasePath()} đã có dữ liệu; hãy dùng một tệp mới (DATABASE_PATH=…).`);
    process.exit(1);
  }
  if (values.scale === "city") {
    console.log(`Đang nạp dữ liệu quy mô thành phố vào ${databasePath()} (seed ${seed})…`);
    await seedCity(handle, loadOrCreateSecrets(), { seed, progress: (line) => console.log(line) });
    handle.sqlite.close();
    return;
  }
  const result = await seedDemo(handle, loadOrCreateSecrets());
  handle.sqlite.close();
  console.log(`Đã nạp dữ liệu mẫu vào ${databasePath()}: ${result.orgs} tổ chức, ${result.people} người.`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
