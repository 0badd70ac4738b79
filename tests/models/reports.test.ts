// Results reports: only the authors of a recognised initiative report; evidence is judged by
// its bytes; a leader who is not an author confirms or rejects with a note; only confirmed
// reports count; refusals write nothing.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { recordDecision } from "~/models/decisions.server";
import { countEvents, verifyLedger } from "~/models/ledger.server";
import { addReportFile, decideReport, homeReportCards, openReportFile, reportsFor, reportsToConfirm, submitReport } from "~/models/result-reports.server";
import { exe, pdf } from "../helpers/file-samples";
import { council, VALID, type Setup } from "./decisions-fixture";
import { failure } from "./initiatives-fixture";

let dir: string;
let s: Setup;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "reports-"));
  process.env.ATTACHMENTS_DIR = dir;
});
afterEach(() => {
  delete process.env.ATTACHMENTS_DIR;
  rmSync(dir, { recursive: true, force: true });
  expect(verifyLedger(s.t.handle.sqlite, s.t.secrets.publicKey).ok).toBe(true);
  s.t.close();
});

const count = (table: string) => (s.t.handle.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
const REPORT = { measuredBenefit: "Giảm 40 % thời gian tra cứu hồ sơ trong quý IV.", appliedFrom: "01/10/2026" };

function recognised() {
  s = council();
  s.score([80, 72]);
  recordDecision(s.as(s.q.secretary), s.itemId, VALID);
}

describe("reporting results", () => {
  it("is refused before recognition and to non-authors, writing nothing", () => {
    s = council();
    expect(failure(() => submitReport(s.as(s.p.cadre), s.initiativeId, REPORT)).message).toBe("decisions.report.errors.notRecognised");
    s.score([80, 72]);
    recordDecision(s.as(s.q.secretary), s.itemId, VALID);
    const events = countEvents(s.t.ctx());
    expect(failure(() => submitReport(s.as(s.p.wardLeader), s.initiativeId, REPORT, { fileName: "a.pdf", bytes: pdf() })).status).toBe(403);
    expect(failure(() => submitReport(s.as(s.p.cadre), s.initiativeId, { measuredBenefit: "", appliedFrom: "31/12/2026" })).fieldErrors).toEqual({ measuredBenefit: "errors.required" });
    expect(failure(() => submitReport(s.as(s.p.cadre), s.initiativeId, { ...REPORT, appliedFrom: "31/12/2026" })).fieldErrors).toEqual({ appliedFrom: "decisions.report.errors.future" });
    expect(failure(() => submitReport(s.as(s.p.cadre), s.initiativeId, REPORT, { fileName: "bao-cao.pdf", bytes: exe() })).fieldErrors.file).toBeTruthy();
    expect([count("result_reports"), count("report_files"), countEvents(s.t.ctx())]).toEqual([0, 0, events]);
  });

  it("stores evidence, and counts a report only once a leader confirms it", () => {
    recognised();
    const { id } = submitReport(s.as(s.p.co), s.initiativeId, REPORT, { fileName: "Số liệu quý IV.pdf", bytes: pdf() });
    addReportFile(s.as(s.p.cadre), s.initiativeId, id, { fileName: "bang-so-lieu.pdf", bytes: pdf("khác") });
    let page = reportsFor(s.as(s.p.cadre), s.initiativeId);
    expect(page.confirmed).toBe(0);
    expect(page.reports[0].files.map((f) => f.fileName)).toEqual(["Số liệu quý IV.pdf", "bang-so-lieu.pdf"]);
    expect(existsSync(openReportFile(s.as(s.p.wardLeader), s.initiativeId, page.reports[0].files[0].id).filePath)).toBe(true);
    expect(reportsToConfirm(s.as(s.p.wardLeader)).map((r) => r.reportId)).toEqual([id]);
    expect(homeReportCards(s.as(s.p.wardLeader))).toEqual([{ key: "reports.pending", count: 1, href: "/ghi-nhan#bao-cao-cho-xac-nhan" }]);
    expect(homeReportCards(s.as(s.p.cadre))).toEqual([]);
    // Authors cannot confirm their own; a rejection needs its reason.
    expect(failure(() => decideReport(s.as(s.p.cadre), s.initiativeId, id, { verdict: "confirmed" })).status).toBe(403);
    expect(failure(() => decideReport(s.as(s.p.wardLeader), s.initiativeId, id, { verdict: "rejected", note: "" })).fieldErrors).toEqual({ note: "decisions.report.errors.noteRequired" });
    decideReport(s.as(s.p.wardLeader), s.initiativeId, id, { verdict: "confirmed", note: "Đúng số liệu." });
    expect(homeReportCards(s.as(s.p.wardLeader))).toEqual([]);
    page = reportsFor(s.as(s.p.cadre), s.initiativeId);
    expect([page.confirmed, page.reports[0].status]).toEqual([1, "confirmed"]);
    expect(failure(() => decideReport(s.as(s.p.wardLeader), s.initiativeId, id, { verdict: "rejected", note: "x" })).message).toBe("decisions.report.errors.decided");
    expect(failure(() => addReportFile(s.as(s.p.cadre), s.initiativeId, id, { fileName: "c.pdf", bytes: pdf("c") })).message).toBe("decisions.report.errors.decided");
    const second = submitReport(s.as(s.p.cadre), s.initiativeId, REPORT).id;
    decideReport(s.as(s.p.cityLeader), s.initiativeId, second, { verdict: "rejected", note: "Chưa có số liệu đối chứng." });
    expect(reportsFor(s.as(s.p.cadre), s.initiativeId).confirmed).toBe(1);
    const actions = (s.t.handle.sqlite.prepare("SELECT action FROM ledger_events WHERE action LIKE 'report.%' ORDER BY seq").all() as { action: string }[]).map((r) => r.action);
    expect(actions).toEqual(["report.submitted", "report.file_added", "report.confirmed", "report.submitted", "report.rejected"]);
    const notes = s.t.handle.sqlite.prepare("SELECT count(*) AS n FROM notifications WHERE key LIKE 'decisions.notify.report_%'").get() as { n: number };
    expect(notes.n).toBe(4);
  });

  it("hides reports and files from those who may not see the initiative", () => {
    recognised();
    const { id } = submitReport(s.as(s.p.cadre), s.initiativeId, REPORT, { fileName: "a.pdf", bytes: pdf() });
    const fileId = reportsFor(s.as(s.p.cadre), s.initiativeId).reports[0].files[0].id;
    expect(failure(() => reportsFor(s.as(s.p.cadreP2), s.initiativeId)).status).toBe(404);
    expect(failure(() => openReportFile(s.as(s.p.cadreP2), s.initiativeId, fileId)).status).toBe(404);
    expect(failure(() => decideReport(s.as(s.p.cadreP2), s.initiativeId, id, { verdict: "confirmed" })).status).toBe(404);
  });
});
