// npm run ledger:verify — check the whole evidence chain of the database.
// Exit 0 and the head hash when intact; exit 1 naming the first broken event otherwise.
import { databasePath, openDatabase } from "./client";
import { loadOrCreateSecrets } from "./secrets";
import { verifyLedger } from "~/models/ledger.server";

const handle = openDatabase();
const result = verifyLedger(handle.sqlite, loadOrCreateSecrets().publicKey);
handle.sqlite.close();
if (result.ok) {
  console.log(`Sổ cái nguyên vẹn (${databasePath()}): ${result.count} sự kiện.`);
  console.log(`Đầu chuỗi: #${result.headSeq} ${result.headHash}`);
  process.exit(0);
}
const where = result.brokenSeq === null ? "" : ` tại sự kiện #${result.brokenSeq}`;
console.error(`SỔ CÁI BỊ THAY ĐỔI${where}: ${result.reason}`);
console.error(`LEDGER BROKEN${result.brokenSeq === null ? "" : ` at event #${result.brokenSeq}`}: ${result.reason}`);
process.exit(1);
