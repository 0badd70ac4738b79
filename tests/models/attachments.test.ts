// Attachments of a registration: accepted kinds, refusals that write nothing, who may list and
// open which file (drafts private to the authors), the hashes frozen at submission, the ledger.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { addAttachment, draftAttachments, listAttachments, MAX_ATTACHMENTS, openAttachment, removeAttachment } from "~/models/attachments.server";
import { countEvents, verifyLedger } from "~/models/ledger.server";
import { returnForRevision, submit } from "~/models/initiatives.server";
import { docx, exe, gif, jpeg, pdf, png, webp, xlsx } from "../helpers/file-samples";
import { draft, failure, tree, type Tree } from "./initiatives-fixture";

// Each test stores its files in a directory of its own.
let dir: string;
let x: Tree;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "attachments-"));
  process.env.ATTACHMENTS_DIR = dir;
  x = tree();
});
afterEach(() => {
  delete process.env.ATTACHMENT_MAX_MB;
  delete process.env.ATTACHMENTS_DIR;
  rmSync(dir, { recursive: true, force: true });
  expect(verifyLedger(x.t.handle.sqlite, x.t.secrets.publicKey).ok).toBe(true);
  x.t.close();
});

const sha = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");
const rows = (id: number) =>
  x.t.handle.sqlite.prepare("SELECT id, file_name, media_type, size, sha256, uploaded_by, removed_at FROM attachments WHERE initiative_id = ? ORDER BY id").all(id) as {
    id: number; file_name: string; media_type: string; size: number; sha256: string; uploaded_by: number; removed_at: string | null;
  }[];
const payloads = (action: string) =>
  (x.t.handle.sqlite.prepare("SELECT p.payload FROM ledger_events e JOIN ledger_payloads p ON p.seq = e.seq WHERE e.action = ? ORDER BY e.seq").all(action) as { payload: string }[]).map(
    (r) => JSON.parse(r.payload) as Record<string, unknown>,
  );
const frozen = (id: number, v: number) =>
  (JSON.parse((x.t.handle.sqlite.prepare("SELECT content FROM initiative_versions WHERE initiative_id = ? AND version = ?").get(id, v) as { content: string }).content) as { attachments: string[] }).attachments;
const filesOnDisk = () => (existsSync(dir) ? readdirSync(dir, { recursive: true }).filter((f) => String(f).length > 3) : []);

describe("addAttachment", () => {
  it("stores each accepted kind under its detected type, the bytes by hash outside public/, with a ledger event", async () => {
    const cadre = x.as(x.p.cadre);
    const id = draft(cadre);
    const samples: [string, Uint8Array, string][] = [
      ["Tờ trình.pdf", pdf(), "application/pdf"],
      ["sơ đồ.png", png(), "image/png"],
      ["ảnh.jpg", jpeg(), "image/jpeg"],
      ["động.gif", gif(), "image/gif"],
      ["ảnh.webp", webp(), "image/webp"],
      ["Thuyết minh.docx", docx(), "application/vnd.openxmlformats-officedocument.wordprocessingml.document"],
      ["Số liệu.xlsx", await xlsx(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"],
    ];
    const before = countEvents(x.t.ctx());
    for (const [fileName, bytes] of samples) addAttachment(cadre, id, { fileName, bytes });
    expect(rows(id).map((r) => [r.file_name, r.media_type, r.size, r.uploaded_by])).toEqual(samples.map(([n, b, t]) => [n, t, b.length, x.p.cadre]));
    for (const [, bytes] of samples) {
      const h = sha(bytes);
      expect(readFileSync(join(dir, h.slice(0, 2), h))).toEqual(Buffer.from(bytes));
    }
    expect(countEvents(x.t.ctx())).toBe(before + samples.length);
    const added = payloads("initiative.attachment_added");
    expect(added[0]).toEqual({ id, attachmentId: rows(id)[0].id, version: 1, sha256: sha(samples[0][1]), size: samples[0][1].length, mediaType: "application/pdf" });
    expect(JSON.stringify(added)).not.toContain("Tờ trình");
    expect(listAttachments(cadre, id).map((f) => f.fileName)).toEqual(samples.map(([n]) => n));
    expect(draftAttachments(cadre, id).files).toHaveLength(samples.length);
  });

  it("refuses disguised, oversized, duplicate and surplus files, writing nothing", async () => {
    const cadre = x.as(x.p.cadre);
    const id = draft(cadre);
    const before = countEvents(x.t.ctx());
    const refused = (fileName: string, bytes: Uint8Array, opts?: { maxBytes?: number }) => failure(() => addAttachment(cadre, id, { fileName, bytes }, opts));
    expect(refused("tai-lieu.pdf", exe()).fieldErrors).toEqual({ file: "attachments.errors.disguised" });
    expect(refused("bang.docx", await xlsx()).fieldErrors.file).toBe("attachments.errors.disguised");
    expect(refused("anh.png", new TextEncoder().encode("chỉ là chữ")).status).toBe(422);
    expect(refused("lon.pdf", pdf("x".repeat(2000)), { maxBytes: 1000 }).fieldErrors.file).toBe("attachments.errors.tooLarge");
    // The limit from the environment (ATTACHMENT_MAX_MB, in MB).
    process.env.ATTACHMENT_MAX_MB = "0.001";
    expect(refused("lon.pdf", pdf("x".repeat(2000))).fieldErrors.file).toBe("attachments.errors.tooLarge");
    delete process.env.ATTACHMENT_MAX_MB;
    expect(rows(id)).toEqual([]);
    expect(filesOnDisk()).toEqual([]);
    expect(countEvents(x.t.ctx())).toBe(before);

    addAttachment(cadre, id, { fileName: "a.pdf", bytes: pdf("a") });
    expect(refused("ban-sao.pdf", pdf("a")).fieldErrors.file).toBe("attachments.errors.duplicate");
    for (let i = 1; i < MAX_ATTACHMENTS; i++) addAttachment(cadre, id, { fileName: `${i}.pdf`, bytes: pdf(String(i)) });
    expect(refused("thua.pdf", pdf("thừa")).fieldErrors.file).toBe("attachments.errors.tooMany");
    expect(rows(id)).toHaveLength(MAX_ATTACHMENTS);
    expect(countEvents(x.t.ctx())).toBe(before + MAX_ATTACHMENTS);
  });

  it("only the authors, only while editable: others not found, a leader forbidden, after submission a conflict", () => {
    const cadre = x.as(x.p.cadre);
    const id = draft(cadre);
    const file = { fileName: "a.pdf", bytes: pdf() };
    expect(failure(() => addAttachment(x.as(x.p.cadreC2), id, file)).status).toBe(404);
    expect(failure(() => addAttachment(x.as(x.p.cellLeader), id, file)).status).toBe(404);
    submit(cadre, id);
    expect(failure(() => addAttachment(cadre, id, file)).status).toBe(409);
    expect(failure(() => addAttachment(x.as(x.p.cellLeader), id, file)).status).toBe(403);
    expect(failure(() => draftAttachments(cadre, id)).status).toBe(409);
    expect(rows(id)).toEqual([]);
    expect(filesOnDisk()).toEqual([]);
  });
});

describe("who may see which file", () => {
  it("a draft's files: its authors only; the receiving leader once submitted; another cell never", () => {
    const cadre = x.as(x.p.cadre);
    const id = draft(cadre);
    const { id: fileId } = addAttachment(cadre, id, { fileName: "Tờ trình.pdf", bytes: pdf() });
    expect(openAttachment(cadre, id, fileId)).toMatchObject({ fileName: "Tờ trình.pdf", mediaType: "application/pdf", size: pdf().length });
    expect(readFileSync(openAttachment(cadre, id, fileId).filePath)).toEqual(Buffer.from(pdf()));
    for (const other of [x.p.cadreC2, x.p.cellLeader, x.p.wardLeader, x.p.inspector]) {
      expect(failure(() => listAttachments(x.as(other), id)).status).toBe(404);
      expect(failure(() => openAttachment(x.as(other), id, fileId)).status).toBe(404);
    }
    submit(cadre, id);
    const leader = x.as(x.p.cellLeader);
    expect(listAttachments(leader, id).map((f) => f.id)).toEqual([fileId]);
    expect(openAttachment(leader, id, fileId).fileName).toBe("Tờ trình.pdf");
    expect(openAttachment(x.as(x.p.inspector), id, fileId).fileName).toBe("Tờ trình.pdf");
    expect(failure(() => openAttachment(x.as(x.p.cadreC2), id, fileId)).status).toBe(404);
    expect(failure(() => openAttachment(x.as(x.p.cadreP2), id, fileId)).status).toBe(404);
    // An id of another initiative's file is not found through this one.
    const other = draft(x.as(x.p.cadreC2));
    const { id: foreign } = addAttachment(x.as(x.p.cadreC2), other, { fileName: "b.pdf", bytes: pdf("b") });
    expect(failure(() => openAttachment(cadre, id, foreign)).status).toBe(404);
    expect(failure(() => openAttachment(leader, id, foreign)).status).toBe(404);
  });

  it("a file removed in a revision leaves the next submission's hash list but stays readable in the version that had it", () => {
    const cadre = x.as(x.p.cadre);
    const leader = x.as(x.p.cellLeader);
    const id = draft(cadre);
    const a = addAttachment(cadre, id, { fileName: "a.pdf", bytes: pdf("a") });
    const b = addAttachment(cadre, id, { fileName: "b.png", bytes: png() });
    submit(cadre, id);
    expect(frozen(id, 1)).toEqual([a.sha256, b.sha256].sort());
    expect(failure(() => removeAttachment(cadre, id, a.id)).status).toBe(409);

    returnForRevision(leader, id, { reason: "Bổ sung số liệu" });
    const before = countEvents(x.t.ctx());
    removeAttachment(cadre, id, a.id);
    expect(countEvents(x.t.ctx())).toBe(before + 1);
    expect(payloads("initiative.attachment_removed")).toEqual([{ id, attachmentId: a.id, version: 2, sha256: a.sha256 }]);
    expect(failure(() => removeAttachment(cadre, id, a.id)).status).toBe(404);
    const c = addAttachment(cadre, id, { fileName: "c.docx", bytes: docx() });
    // The authors see their draft; the leader still the submitted version 1 (never the draft).
    expect(listAttachments(cadre, id).map((f) => f.id)).toEqual([b.id, c.id]);
    expect(listAttachments(leader, id).map((f) => f.id)).toEqual([a.id, b.id]);
    expect(failure(() => listAttachments(leader, id, 2)).status).toBe(404);
    expect(failure(() => openAttachment(leader, id, c.id)).status).toBe(404);

    submit(cadre, id);
    expect(frozen(id, 2)).toEqual([b.sha256, c.sha256].sort());
    expect(frozen(id, 2)).not.toContain(a.sha256);
    expect(listAttachments(leader, id).map((f) => f.id)).toEqual([b.id, c.id]);
    expect(listAttachments(leader, id, 1).map((f) => f.id)).toEqual([a.id, b.id]);
    expect(listAttachments(cadre, id, 1).map((f) => f.fileName)).toEqual(["a.pdf", "b.png"]);
    expect(openAttachment(leader, id, a.id).fileName).toBe("a.pdf");
    expect(existsSync(openAttachment(leader, id, a.id).filePath)).toBe(true);
  });

  it("removal: only the authors of an editable draft, only a file of this draft", () => {
    const cadre = x.as(x.p.cadre);
    const id = draft(cadre);
    const a = addAttachment(cadre, id, { fileName: "a.pdf", bytes: pdf("a") });
    expect(failure(() => removeAttachment(x.as(x.p.cadreC2), id, a.id)).status).toBe(404);
    const other = draft(x.as(x.p.cadreC2));
    expect(failure(() => removeAttachment(x.as(x.p.cadreC2), other, a.id)).status).toBe(404);
    expect(rows(id)[0].removed_at).toBeNull();
    removeAttachment(cadre, id, a.id);
    expect(rows(id)[0].removed_at).toBe(x.t.clock.now.toISOString());
    expect(listAttachments(cadre, id)).toEqual([]);
    // Removed from a draft never submitted: the file may be added again.
    expect(addAttachment(cadre, id, { fileName: "a lại.pdf", bytes: pdf("a") }).sha256).toBe(a.sha256);
  });
});
