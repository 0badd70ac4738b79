// Drafts, validation, submission, versions, receipts and policy of initiatives.
import { beforeEach, describe, expect, it } from "vitest";
import { createHash } from "node:crypto";
import { countEvents } from "~/models/ledger.server";
import { verifyReceipt, receiptText } from "~/models/receipts.server";
import { freezeContent } from "~/models/initiatives-shared.server";
import { flattenContent } from "~/models/initiatives-content.server";
import {
  accept, createDraft, getInitiative, getVersionDiff, receiptFor, returnForRevision, saveSection, sectionStatus, submit, withdraw,
} from "~/models/initiatives.server";
import { createTask, publishTask } from "~/models/tasks.server";
import { draft, failure, fill, SECTION_VALUES, type Tree } from "./initiatives-fixture";
import { treePerTest } from "./initiatives-tree";

let x: Tree;
treePerTest((t) => (x = t));

const q = <T>(sqlText: string, ...params: unknown[]) => x.t.handle.sqlite.prepare(sqlText).get(...params) as T;
const all = <T>(sqlText: string, ...params: unknown[]) => x.t.handle.sqlite.prepare(sqlText).all(...params) as T[];
const authorsRow = (id: number) => all<{ person_id: number | null; full_name: string; share_bp: number }>("SELECT person_id, full_name, share_bp FROM initiative_authors WHERE initiative_id = ? ORDER BY position", id);
const versionRow = (id: number, v: number) =>
  q<{ content: string; content_sha256: string | null; submitted_at: string | null; ledger_seq: number | null; ledger_hash: string | null }>(
    "SELECT content, content_sha256, submitted_at, ledger_seq, ledger_hash FROM initiative_versions WHERE initiative_id = ? AND version = ?", id, v);
const notes = (personId: number) => all<{ key: string; params: string }>("SELECT key, params FROM notifications WHERE person_id = ? ORDER BY id", personId);

function publishedTask(): number {
  const leader = x.as(x.p.wardLeader);
  const { id } = createTask(leader, { orgId: x.o.p1, title: "Phòng ngừa nhũng nhiễu", areas: ["corruption"], description: "Đề xuất giải pháp.", periodYear: 2026, periodQuarter: 4, deadline: "2026-12-31", targets: ["P1-G-C1"], assignees: [] });
  publishTask(leader, id);
  return id;
}

const authorsWith = (...rows: Record<string, string>[]) => ({ authors: rows });

describe("createDraft", () => {
  it("starts a draft received by the actor's own organization, the creator sole author at 100 %", () => {
    const before = countEvents(x.t.ctx());
    const { id } = createDraft(x.as(x.p.cadre), { kind: "initiative" });
    const row = q<{ status: string; receiving_org_id: number; current_version: number; registration_number: string | null }>("SELECT status, receiving_org_id, current_version, registration_number FROM initiatives WHERE id = ?", id);
    expect(row).toEqual({ status: "draft", receiving_org_id: x.o.c1, current_version: 1, registration_number: null });
    expect(versionRow(id, 1)).toMatchObject({ content: "{}", content_sha256: null, submitted_at: null });
    expect(authorsRow(id)).toEqual([{ person_id: x.p.cadre, full_name: "Nguyễn Văn Lan", share_bp: 10_000 }]);
    expect(countEvents(x.t.ctx())).toBe(before + 1);
  });

  it("against a task: received by the task's organization; the task must be visible and published", () => {
    const taskId = publishedTask();
    const { id } = createDraft(x.as(x.p.cadre), { kind: "solution", taskId });
    expect(q<{ r: number; t: number }>("SELECT receiving_org_id AS r, task_id AS t FROM initiatives WHERE id = ?", id)).toEqual({ r: x.o.p1, t: taskId });
    expect(failure(() => createDraft(x.as(x.p.cadreP2), { kind: "solution", taskId })).status).toBe(404);
    const leader = x.as(x.p.wardLeader);
    const { id: draftTask } = createTask(leader, { orgId: x.o.p1, title: "Nháp", areas: ["waste"], description: "x", periodYear: 2026, periodQuarter: null, deadline: "2026-12-31", targets: [], assignees: [] });
    expect(failure(() => createDraft(x.as(x.p.cadre), { kind: "solution", taskId: draftTask })).status).toBe(404);
  });

  it("registers only to the actor's own organization or one above it", () => {
    expect(failure(() => createDraft(x.as(x.p.cadre), { kind: "initiative", receivingOrgId: x.o.c2 })).fieldErrors.receivingOrgId).toBe("initiatives.errors.orgNotAllowed");
    expect(failure(() => createDraft(x.as(x.p.cadre), { kind: "initiative", receivingOrgId: x.o.p2 })).fieldErrors.receivingOrgId).toBe("initiatives.errors.orgNotAllowed");
    expect(createDraft(x.as(x.p.cadre), { kind: "initiative", receivingOrgId: x.o.p1 }).id).toBeGreaterThan(0);
    expect(failure(() => createDraft(x.as(x.p.cadre), { kind: "bogus" as "initiative" })).fieldErrors.kind).toBe("errors.chooseOne");
  });
});

describe("validation", () => {
  let id: number;
  beforeEach(() => {
    id = createDraft(x.as(x.p.cadre), { kind: "solution" }).id;
  });
  const save = (section: string, values: unknown, who = x.p.cadre) => saveSection(x.as(who), id, section, values);
  const errorsOf = (section: string, values: unknown) => failure(() => save(section, values)).fieldErrors;

  it("stores shares in hundredths (33,33 % → 3333) and refuses shares not totalling 100 without writing", () => {
    save("authors", authorsWith({ username: "canbo", share: "33,33" }, { username: "dongtacgia", share: "33.33" }, { fullName: "Trần Thị Ngoài", workplace: "Công ty A", share: "33,34" }));
    expect(authorsRow(id).map((a) => a.share_bp)).toEqual([3333, 3333, 3334]);
    const events = countEvents(x.t.ctx());
    const content = versionRow(id, 1).content;
    expect(errorsOf("authors", authorsWith({ username: "canbo", share: "60" }, { username: "dongtacgia", share: "30" }))).toEqual({ shares: "initiatives.errors.sharesTotal" });
    expect(errorsOf("authors", authorsWith({ username: "canbo", share: "33,333" }, { username: "dongtacgia", share: "66,667" }))["authors.0.share"]).toBe("initiatives.errors.share");
    expect(errorsOf("authors", authorsWith({ username: "canbo", share: "0" }, { username: "dongtacgia", share: "100" }))["authors.0.share"]).toBe("initiatives.errors.share");
    expect(authorsRow(id).map((a) => a.share_bp)).toEqual([3333, 3333, 3334]);
    expect(versionRow(id, 1).content).toBe(content);
    expect(countEvents(x.t.ctx())).toBe(events);
  });

  it("refuses the same person twice, by username or by username and id", () => {
    expect(errorsOf("authors", authorsWith({ username: "canbo", share: "50" }, { username: "CANBO", share: "50" }))["authors.1.username"]).toBe("initiatives.errors.duplicateAuthor");
    expect(errorsOf("authors", authorsWith({ username: "canbo", share: "50" }, { personId: String(x.p.cadre), share: "50" }))["authors.1.username"]).toBe("initiatives.errors.duplicateAuthor");
  });

  it("needs a name for an outside co-author, a known active person for a portal one, and the creator among them", () => {
    expect(errorsOf("authors", authorsWith({ username: "canbo", share: "50" }, { workplace: "Công ty A", jobTitle: "Kỹ sư", share: "50" }))["authors.1.fullName"]).toBe("initiatives.errors.outsideName");
    expect(errorsOf("authors", authorsWith({ username: "canbo", share: "50" }, { username: "khongco", share: "50" }))["authors.1.username"]).toBe("initiatives.errors.unknownPerson");
    expect(errorsOf("authors", authorsWith({ username: "dongtacgia", share: "100" }))).toEqual({ authors: "initiatives.errors.creatorNotAuthor" });
  });

  it("refuses a date applied or a birth date in the future (server date in Ho Chi Minh City) and impossible dates", () => {
    expect(errorsOf("general", { ...SECTION_VALUES.general, firstAppliedOn: "28/11/2026" }).firstAppliedOn).toBe("initiatives.errors.appliedFuture");
    expect(errorsOf("general", { ...SECTION_VALUES.general, firstAppliedOn: "31/02/2026" }).firstAppliedOn).toBe("errors.invalidDate");
    save("general", { ...SECTION_VALUES.general, firstAppliedOn: "27/11/2026" });
    expect(JSON.parse(versionRow(id, 1).content).general.firstAppliedOn).toBe("2026-11-27");
    expect(errorsOf("authors", authorsWith({ username: "canbo", share: "50" }, { fullName: "Lê B", dateOfBirth: "01/01/2030", share: "50" }))["authors.1.dateOfBirth"]).toBe("initiatives.errors.birthFuture");
  });

  it("refuses markup in every text of every section", () => {
    for (const [section, values] of Object.entries(SECTION_VALUES)) {
      for (const [field, value] of Object.entries(values)) {
        if (typeof value !== "string" || field === "firstAppliedOn" || field === "sworn") continue;
        expect(errorsOf(section, { ...values, [field]: "Xem <script>alert(1)</script>" })[field], `${section}.${field}`).toBe("errors.noMarkup");
      }
    }
    expect(errorsOf("authors", authorsWith({ username: "canbo", share: "50" }, { fullName: "<b>Lê</b>", share: "50" }))["authors.1.fullName"]).toBe("errors.noMarkup");
  });

  it("ignores status, times, organization and number smuggled into a section", () => {
    save("general", { ...SECTION_VALUES.general, status: "accepted", submittedAt: "2000-01-01T00:00:00Z", receivingOrgId: x.o.p2, registrationNumber: "SK-1999-000001", createdBy: x.p.co });
    const row = q<Record<string, unknown>>("SELECT status, submitted_at, receiving_org_id, registration_number, created_by, title FROM initiatives WHERE id = ?", id);
    expect(row).toEqual({ status: "draft", submitted_at: null, receiving_org_id: x.o.c1, registration_number: null, created_by: x.p.cadre, title: SECTION_VALUES.general.title });
    expect(Object.keys(JSON.parse(versionRow(id, 1).content).general).sort()).toEqual(["field", "firstAppliedOn", "title"]);
  });

  it("keeps drafts incomplete; submission needs every section and the sworn statement", () => {
    save("general", { title: "Chỉ có tên" });
    const status = sectionStatus(x.as(x.p.cadre), id);
    expect(Object.fromEntries(status.sections.map((s) => [s.section, s.state]))).toEqual({
      general: "in_progress", solution: "not_started", conditions: "not_started", benefit: "not_started", trial: "not_started", confidential: "not_started", prevention: "not_started", authors: "done", statement: "not_started",
    });
    const { statement: _s, ...withoutStatement } = SECTION_VALUES;
    for (const [section, values] of Object.entries(withoutStatement)) save(section, values);
    const error = failure(() => submit(x.as(x.p.cadre), id));
    expect(error.message).toBe("initiatives.errors.incomplete");
    expect(error.fieldErrors).toEqual({ "statement.sworn": "initiatives.errors.swornRequired" });
    save("statement", { sworn: "" });
    expect(failure(() => submit(x.as(x.p.cadre), id)).fieldErrors).toEqual({ "statement.sworn": "initiatives.errors.swornRequired" });
    save("statement", { sworn: "on" });
    expect(sectionStatus(x.as(x.p.cadre), id).ready).toBe(true);
    expect(submit(x.as(x.p.cadre), id).registrationNumber).toBe("GP-2026-000001");
  });
});

describe("submission, versions and receipts", () => {
  it("freezes the version under the hash of its canonical content, records it in the ledger and notifies the leaders above", () => {
    const me = x.as(x.p.cadre);
    const id = draft(me);
    const result = submit(me, id);
    const v = versionRow(id, 1);
    expect(v.content_sha256).toBe(createHash("sha256").update(v.content).digest("hex"));
    expect(JSON.parse(v.content).attachments).toEqual([]);
    expect(JSON.parse(v.content).authors[0]).toMatchObject({ personId: x.p.cadre, shareBp: 10_000 });
    expect(v).toMatchObject({ submitted_at: x.t.clock.now.toISOString(), ledger_seq: result.ledgerSeq, ledger_hash: result.ledgerHash });
    const event = q<{ action: string; hash: string; payload: string }>("SELECT e.action, e.hash, p.payload FROM ledger_events e JOIN ledger_payloads p ON p.seq = e.seq WHERE e.seq = ?", result.ledgerSeq);
    expect(event.action).toBe("initiative.submitted");
    expect(event.hash).toBe(result.ledgerHash);
    expect(JSON.parse(event.payload)).toEqual({ id, version: 1, registrationNumber: "SK-2026-000001", contentSha256: v.content_sha256, resubmission: false });
    expect(event.payload).not.toContain("Lan");
    expect(q<{ status: string }>("SELECT status FROM initiatives WHERE id = ?", id).status).toBe("submitted");
    for (const leader of [x.p.cellLeader, x.p.wardLeader, x.p.cityLeader]) expect(notes(leader).map((n) => n.key)).toEqual(["initiatives.notify.submitted"]);
    expect(notes(x.p.inspector)).toEqual([]);
    expect(notes(x.p.cadre)).toEqual([]);
    expect(failure(() => saveSection(me, id, "conditions", { conditions: "Sửa sau khi nộp" })).message).toBe("initiatives.errors.notEditable");
    expect(failure(() => submit(me, id)).message).toBe("initiatives.errors.notEditable");
  });

  it("keeps every version: submit → return → edit → resubmit gives two frozen versions and a diff of the edited field", () => {
    const me = x.as(x.p.cadre);
    const id = draft(me);
    const first = submit(me, id);
    const v1 = versionRow(id, 1);
    expect(failure(() => returnForRevision(x.as(x.p.wardLeader), id, { reason: "  " })).fieldErrors.reason).toBe("errors.required");
    expect(failure(() => returnForRevision(x.as(x.p.wardLeader), id, { reason: "<i>x</i>" })).fieldErrors.reason).toBe("errors.noMarkup");
    expect(returnForRevision(x.as(x.p.wardLeader), id, { reason: "Bổ sung số liệu đo được." })).toEqual({ version: 2 });
    expect(notes(x.p.cadre).map((n) => n.key)).toEqual(["initiatives.notify.returned"]);
    expect(q<{ status: string; returned_reason: string }>("SELECT status, returned_reason FROM initiatives WHERE id = ?", id)).toEqual({ status: "returned", returned_reason: "Bổ sung số liệu đo được." });
    // The leader reads the submitted version, not the authors' revision in progress.
    saveSection(me, id, "benefit", { expectedBenefit: "Giảm 60 % thời gian tra cứu.", measuredBenefit: "Đo tại phường: giảm 55 %." });
    expect((getInitiative(x.as(x.p.wardLeader), id).content.benefit as { expectedBenefit: string }).expectedBenefit).toBe("Giảm 50 % thời gian tra cứu.");
    expect(getInitiative(x.as(x.p.wardLeader), id).versions.map((v) => v.version)).toEqual([1]);
    expect(getInitiative(me, id).version).toBe(2);
    const second = submit(me, id);
    expect(second.registrationNumber).toBe(first.registrationNumber);
    expect(second.version).toBe(2);
    expect(second.contentSha256).not.toBe(first.contentSha256);
    expect(versionRow(id, 1)).toEqual(v1);
    const detail = getInitiative(x.as(x.p.wardLeader), id);
    expect(detail.versions.map((v) => [v.version, v.contentSha256])).toEqual([[1, first.contentSha256], [2, second.contentSha256]]);
    const diff = getVersionDiff(x.as(x.p.wardLeader), id, 1, 2);
    expect(diff.changes).toEqual([
      { field: "benefit.expectedBenefit", before: "Giảm 50 % thời gian tra cứu.", after: "Giảm 60 % thời gian tra cứu." },
      { field: "benefit.measuredBenefit", before: "", after: "Đo tại phường: giảm 55 %." },
    ]);
  });

  it("hashes the same content the same way and any changed field differently", () => {
    const me = x.as(x.p.cadre);
    const a = submit(me, draft(me));
    const b = submit(me, draft(me));
    expect(b.contentSha256).toBe(a.contentSha256);
    const content = JSON.parse(versionRow(1, 1).content);
    const { authors, attachments, ...sections } = content;
    const base = freezeContent(sections, authors, attachments).sha256;
    expect(base).toBe(a.contentSha256);
    const fields = Object.keys(flattenContent(content)).filter((f) => f.includes("."));
    expect(fields.length).toBeGreaterThan(10);
    for (const field of fields) {
      const [section, name] = field.split(".");
      const changed = { ...sections, [section]: { ...sections[section], [name]: `${sections[section][name]}!` } };
      expect(freezeContent(changed, authors, attachments).sha256, field).not.toBe(base);
    }
    expect(freezeContent(sections, [{ ...authors[0], qualification: "Cử nhân" }], attachments).sha256).not.toBe(base);
    expect(freezeContent(sections, authors, ["a".repeat(64)]).sha256).not.toBe(base);
  });

  it("issues a signed receipt that verifies, and fails with one changed byte; only for those who may see it", () => {
    const me = x.as(x.p.cadre);
    const id = draft(me);
    expect(failure(() => receiptFor(me, id)).status).toBe(404);
    const submitted = submit(me, id);
    x.t.clock.advance(60_000);
    const file = receiptFor(me, id);
    expect(file.receipt).toEqual({
      registrationNumber: "SK-2026-000001",
      kind: "initiative",
      title: SECTION_VALUES.general.title,
      authors: [{ name: "Nguyễn Văn Lan", share: 100 }],
      organization: "Tổ chức P1-G-C1",
      submittedAt: submitted.submittedAt,
      version: 1,
      contentSha256: submitted.contentSha256,
      ledger: { seq: submitted.ledgerSeq, hash: submitted.ledgerHash },
      issuedAt: x.t.clock.now.toISOString(),
    });
    const text = receiptText(file);
    expect(verifyReceipt(text, x.t.secrets.publicKey).valid).toBe(true);
    const at = text.indexOf(submitted.contentSha256) + 5;
    const tampered = text.slice(0, at) + (text[at] === "0" ? "1" : "0") + text.slice(at + 1);
    expect(verifyReceipt(tampered, x.t.secrets.publicKey)).toMatchObject({ valid: false, reason: "bad_signature" });
    expect(verifyReceipt(receiptText(receiptFor(x.as(x.p.wardLeader), id)), x.t.secrets.publicKey).valid).toBe(true);
    expect(failure(() => receiptFor(x.as(x.p.cadreC2), id)).status).toBe(404);
    expect(failure(() => receiptFor(me, id, 2)).status).toBe(404);
  });
});

describe("policy", () => {
  it("keeps drafts with their authors: another cell's cadre and the leaders do not see them; a co-author does", () => {
    const me = x.as(x.p.cadre);
    const id = draft(me);
    saveSection(me, id, "authors", authorsWith({ username: "canbo", share: "70" }, { username: "dongtacgia", share: "30" }));
    for (const other of [x.p.cadreC2, x.p.cellLeader, x.p.wardLeader, x.p.inspector]) expect(failure(() => getInitiative(x.as(other), id)).status, String(other)).toBe(404);
    expect(failure(() => saveSection(x.as(x.p.cadreC2), id, "conditions", { conditions: "x" })).status).toBe(404);
    expect(getInitiative(x.as(x.p.co), id).status).toBe("draft");
    saveSection(x.as(x.p.co), id, "conditions", { conditions: "Đồng tác giả bổ sung." });
    submit(x.as(x.p.co), id);
    expect(failure(() => getInitiative(x.as(x.p.cadreC2), id)).status).toBe(404);
    expect(failure(() => getInitiative(x.as(x.p.cadreP2), id)).status).toBe(404);
    expect(getInitiative(x.as(x.p.wardLeader), id).allowed.receive).toBe(true);
  });

  it("a leader who is an author cannot accept their own; the ward's inspector can view but not accept", () => {
    const own = draft(x.as(x.p.cellLeader));
    submit(x.as(x.p.cellLeader), own);
    expect(failure(() => accept(x.as(x.p.cellLeader), own)).status).toBe(403);
    const inspector = x.as(x.p.inspector);
    expect(getInitiative(inspector, own).allowed).toEqual({ edit: false, withdraw: false, receive: false });
    expect(failure(() => accept(inspector, own)).status).toBe(403);
    expect(failure(() => returnForRevision(inspector, own, { reason: "Không được" })).status).toBe(403);
    expect(accept(x.as(x.p.wardLeader), own).decisionDueOn).toBe("2027-02-27");
    expect(failure(() => accept(x.as(x.p.wardLeader), own)).message).toBe("initiatives.errors.notSubmitted");
  });

  it("accepting on 30/11/2026 makes the decision due on 28/02/2027 and tells the authors", () => {
    const me = x.as(x.p.cadre);
    const id = draft(me);
    saveSection(me, id, "authors", authorsWith({ username: "canbo", share: "50" }, { username: "dongtacgia", share: "50" }));
    submit(me, id);
    x.t.clock.now = new Date("2026-11-30T03:00:00.000Z");
    expect(accept(x.as(x.p.wardLeader), id)).toEqual({ decisionDueOn: "2027-02-28" });
    expect(q<Record<string, unknown>>("SELECT status, accepted_at, decision_due_on FROM initiatives WHERE id = ?", id)).toEqual({ status: "accepted", accepted_at: "2026-11-30T03:00:00.000Z", decision_due_on: "2027-02-28" });
    for (const author of [x.p.cadre, x.p.co]) expect(notes(author).map((n) => n.key)).toEqual(["initiatives.notify.accepted"]);
    expect(JSON.parse(notes(x.p.co)[0].params)).toMatchObject({ number: "SK-2026-000001", due: "2027-02-28" });
  });

  it("only the authors withdraw, after submitting", () => {
    const me = x.as(x.p.cadre);
    const id = draft(me);
    expect(failure(() => withdraw(me, id)).message).toBe("initiatives.errors.notWithdrawable");
    submit(me, id);
    expect(failure(() => withdraw(x.as(x.p.wardLeader), id)).status).toBe(403);
    withdraw(me, id, { reason: "Trùng với sáng kiến khác." });
    expect(q<{ status: string; withdrawn_at: string }>("SELECT status, withdrawn_at FROM initiatives WHERE id = ?", id)).toEqual({ status: "withdrawn", withdrawn_at: x.t.clock.now.toISOString() });
  });

  it("fills and submits a solution against a task with its prevention section", () => {
    const taskId = publishedTask();
    const me = x.as(x.p.cadre);
    const { id } = createDraft(me, { kind: "solution", taskId });
    fill(me, id, "solution");
    expect(submit(me, id).registrationNumber).toBe("GP-2026-000001");
    expect(JSON.parse(versionRow(id, 1).content).prevention.risk).toBe(SECTION_VALUES.prevention.risk);
    expect(failure(() => saveSection(me, draft(me), "prevention", SECTION_VALUES.prevention)).message).toBe("errors.badRequest");
  });
});
