import { defineConfig } from "drizzle-kit";

export default defineConfig({
  dialect: "sqlite",
  schema: "./db/schema.ts",
  out: "./drizzle",
  // Hand-written objects (FTS tables, ledger triggers) live in custom migrations.
  tablesFilter: ["!*_fts*", "!__drizzle_migrations"],
  dbCredentials: { url: process.env.DATABASE_PATH ?? "data/portal.db" },
});
