// npm run seed: load the demo data into an empty database (migrating it first).
import { count } from "drizzle-orm";
import { databasePath, openDatabase } from "./client";
import { migrateDatabase } from "./migrate";
import { organizations } from "./schema";
import { loadOrCreateSecrets } from "./secrets";
import { seedDemo } from "./seed";

async function main() {
  const handle = openDatabase();
  migrateDatabase(handle);
  const [{ n }] = handle.db.select({ n: count() }).from(organizations).all();
  if (n > 0) {
    console.error(`${databasePath()} đã có dữ liệu; hãy dùng một tệp mới (DATABASE_PATH=…).`);
    process.exit(1);
  }
  const result = await seedDemo(handle, loadOrCreateSecrets());
  handle.sqlite.close();
  console.log(`Đã nạp dữ liệu mẫu vào ${databasePath()}: ${result.orgs} tổ chức, ${result.people} người.`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
