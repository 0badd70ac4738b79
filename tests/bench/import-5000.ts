// Measure a 5,000-row import: preview (parse + checks + staging) and confirm (all rows in one
// transaction with a ledger event each) on a fresh migrated and seeded database.
// Run: npx tsx tests/bench/import-5000.ts [rows] [csv|xlsx]
import ExcelJS from "exceljs";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openDatabase } from "../../db/client";
import { migrateDatabase } from "../../db/migrate";
import { ephemeralSecrets } from "../../db/secrets";
import { seedDemo } from "../../db/seed";
import { loadActor } from "~/auth/actor.server";
import { confirmImport, previewImport } from "~/models/import.server";
import { verifyLedger } from "~/models/ledger.server";

const ROWS = Number(process.argv[2] ?? 5000);
const KIND = process.argv[3] === "xlsx" ? "xlsx" : "csv";
const FAMILIES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng"];
const MIDDLES = ["Văn", "Thị", "Minh", "Ngọc", "Thanh", "Quốc", "Hữu", "Thu"];
const GIVENS = ["An", "Bảo", "Châu", "Dũng", "Giang", "Hà", "Hải", "Khánh", "Linh", "Mai", "Nam"];
const HEADER = ["Họ và tên", "Ngày sinh", "Chức vụ", "Mã tổ chức", "Đảng viên", "Email hoặc tên đăng nhập"];

function rows(codes: string[]): string[][] {
  return Array.from({ length: ROWS }, (_, i) => [
    `${FAMILIES[i % 10]} ${MIDDLES[(i >> 2) % 8]} ${GIVENS[(i >> 5) % 11]} ${i}`.replace(/ \d+$/, ` ${GIVENS[i % 11]}`) + (i >= 880 ? ` ${String.fromCharCode(65 + (i % 26))}${i}` : ""),
    `${String((i % 28) + 1).padStart(2, "0")}/${String((i % 12) + 1).padStart(2, "0")}/${1960 + (i % 40)}`,
    "Đảng viên",
    codes[i % codes.length],
    i % 7 ? "có" : "không",
    i % 3 ? `can.bo.${i}` : "",
  ]);
}

async function file(data: string[][]): Promise<Uint8Array> {
  if (KIND === "csv") return new TextEncoder().encode("\uFEFF" + [HEADER, ...data].map((r) => r.join(";")).join("\r\n"));
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet("DS");
  sheet.addRows([HEADER, ...data]);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), "import-bench-"));
  const handle = openDatabase(join(dir, "bench.db"));
  const secrets = ephemeralSecrets();
  migrateDatabase(handle);
  await seedDemo(handle, secrets);
  const admin = handle.sqlite.prepare("SELECT person_id AS id FROM accounts WHERE username = 'quantri'").get() as { id: number };
  const codes = (handle.sqlite.prepare("SELECT code FROM organizations WHERE kind IN ('ward','commune') AND valid_to IS NULL ORDER BY code LIMIT 40").all() as { code: string }[]).map((o) => o.code);
  const ctx = { db: handle.db, actor: loadActor(handle.db, admin.id), secrets, now: () => new Date() };
  const bytes = await file(rows(codes));

  let t0 = performance.now();
  const { batchId } = await previewImport(ctx, { name: `ds.${KIND}`, bytes });
  const previewSeconds = (performance.now() - t0) / 1000;
  const batch = handle.sqlite.prepare("SELECT row_count AS rows, problem_count AS problems FROM import_batches WHERE id = ?").get(batchId) as { rows: number; problems: number };
  if (batch.problems) throw new Error(`${batch.problems} rows with problems: the generated file should be clean`);

  t0 = performance.now();
  const result = confirmImport(ctx, batchId);
  const confirmSeconds = (performance.now() - t0) / 1000;
  if (!result.ok) throw new Error("confirm failed");
  const ledger = verifyLedger(handle.sqlite, secrets.publicKey);
  console.log(
    `${KIND}: ${(bytes.length / 1024).toFixed(0)} KB, ${batch.rows} rows · preview ${previewSeconds.toFixed(2)} s · confirm ${confirmSeconds.toFixed(2)} s ` +
      `(${result.created} people, ${result.accounts} accounts) · total ${(previewSeconds + confirmSeconds).toFixed(2)} s · ledger ${ledger.ok ? "ok" : "BROKEN"}`,
  );
  handle.sqlite.close();
  rmSync(dir, { recursive: true, force: true });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
