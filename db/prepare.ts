// Run before the server starts: make the secrets when absent, apply migrations, and load the
// demo data into an empty database.
import { count } from "drizzle-orm";
import { databasePath, openDatabase } from "./client";
import { migrateDatabase } from "./migrate";
import { organizations } from "./schema";
import { loadOrCreateSecrets, secretsDir } from "./secrets";
import { seedDemo } from "./seed";

async function main() {
  const secrets = loadOrCreateSecrets();
  const handle = openDatabase();
  migrateDatabase(handle);
  const [{ n }] = handle.db.select({ n: count() }).from(organizations).all();
  if (n === 0 && process.env.SEED !== "none") {
    const result = await seedDemo(handle, secrets);
    console.log(`Đã nạp dữ liệu mẫu: ${result.orgs} tổ chức, ${result.people} người.`);
  }
  handle.sqlite.close();
  console.log(`Cơ sở dữ liệu: ${databasePath()} · Khóa bí mật: ${secretsDir()}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
