import { openDatabase, databasePath } from "./client";
import { migrateDatabase } from "./migrate";

const handle = openDatabase();
migrateDatabase(handle);
handle.sqlite.close();
console.log(`Đã áp dụng migration: ${databasePath()}`);
