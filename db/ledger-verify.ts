// npm run ledger:verify — check the whole evidence chain of the database.
// Exit 0 and the head hash when intact; exit 1 naming the first broken event otherwise.
// Runs synchronously (it is its own process) with the same check as the portal's page, and
// tells its progress on stderr every 100,000 events.
import { databasePath, openDatabase } from "./client";
import { loadOrCreateSecrets } from "./secrets";
import { verifyChain } from "~/models/ledger-check-core.mjs";

const handle = openDatabase();
const started = performance.now();
const n = new Intl.NumberFormat("vi-VN");
const result = verifyChain(handle.sqlite, loadOrCreateSecrets().publicKey, {
  progressEvery: 100_000,
  onProgress: (done, total) => {
    if (done > 0 && done < total) console.error(`… ${n.format(done)} / ${n.format(total)} sự kiện (${((performance.now() - started) / 1000).toFixed(0)} s)`);
  },
});
handle.sqlite.close();
const seconds = ((performance.now() - started) / 1000).toFixed(1);
if (result.ok) {
  console.log(`Sổ cái nguyên vẹn (${databasePath()}): ${result.count} sự kiện, kiểm tra trong ${seconds} s.`);
  console.log(`Đầu chuỗi: #${result.headSeq} ${result.headHash}`);
  process.exit(0);
}
const where = result.brokenSeq === null ? "" : ` tại sự kiện #${result.brokenSeq}`;
console.error(`SỔ CÁI BỊ THAY ĐỔI${where}: ${result.reason}`);
console.error(`LEDGER BROKEN${result.brokenSeq === null ? "" : ` at event #${result.brokenSeq}`}: ${result.reason}`);
process.exit(1);
