// npm run notify:deadlines [-- --days N] — the deadline reminders, for cron (e.g. every hour):
// assignees of published tasks due within N days (3 by default) who have not registered yet,
// the leaders receiving accepted initiatives whose decision is due within N days, and whoever
// owes an overdue step of an innovation proposal (vote, report, evaluation). Safe to
// run as often as wanted: nobody is reminded twice of the same thing. Exit 0 with the counts,
// 1 on failure (the message goes to stderr, for cron's mail).
import { databasePath, openDatabase } from "./client";
import { ephemeralSecrets } from "./secrets";
import { sweepDeadlines } from "~/models/deadlines.server";
import { sweepProposalDeadlines } from "~/models/proposals-overdue.server";

const args = process.argv.slice(2);
const at = args.indexOf("--days");
const days = at >= 0 ? Number(args[at + 1]) : 3;
if (!Number.isInteger(days) || days < 0 || days > 60) {
  console.error("Cách dùng / usage: npm run notify:deadlines [-- --days 0..60]");
  process.exit(2);
}
const handle = openDatabase();
try {
  // The sweep signs nothing and appends no ledger event: it needs no portal key.
  const ctx = { db: handle.db, actor: null, secrets: ephemeralSecrets(), now: () => new Date() };
  const r = sweepDeadlines(ctx, { days });
  console.log(`Nhắc hạn (${databasePath()}), ${r.window.from} … ${r.window.to}: ${r.taskReminders} nhắc nhiệm vụ, ${r.decisionReminders} nhắc hạn quyết định.`);
  console.log(`Deadline reminders: ${r.taskReminders} task, ${r.decisionReminders} decision.`);
  const p = sweepProposalDeadlines(ctx);
  console.log(`Đề xuất đổi mới quá hạn: ${p.overdue}, đã nhắc ${p.notified} / overdue innovation proposals: ${p.overdue}, ${p.notified} reminded.`);
} catch (error) {
  console.error(`Nhắc hạn thất bại / deadline sweep failed: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  handle.sqlite.close();
}
