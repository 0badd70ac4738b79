// The evaluator reads the files the scored version froze and may download them; someone not
// assigned may not.
import { afterAll, expect, it } from "vitest";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { addAttachment, openAttachment } from "~/models/attachments.server";
import { accept, submit } from "~/models/initiatives.server";
import { getSheet } from "~/models/scoring.server";
import { pdf } from "../helpers/file-samples";
import { draft } from "./initiatives-fixture";
import { failure, scoringSetup } from "./scoring-fixture";

const dir = mkdtempSync(join(tmpdir(), "scoring-files-"));
process.env.ATTACHMENTS_DIR = dir;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it("lists the frozen files on the sheet and lets the assigned evaluator open them", () => {
  const s = scoringSetup();
  const author = s.as(s.p.cadre);
  const id = draft(author);
  const file = addAttachment(author, id, { fileName: "minh-chung.pdf", bytes: pdf() });
  submit(author, id);
  accept(s.as(s.p.wardLeader), id);
  const { sheets } = s.addItem([s.q.m1], "2026-12-20", id);
  const sheet = getSheet(s.as(s.q.m1), sheets[0]);
  expect(sheet.files.map((f) => [f.id, f.fileName, f.sha256])).toEqual([[file.id, "minh-chung.pdf", file.sha256]]);
  expect(openAttachment(s.as(s.q.m1), id, file.id).fileName).toBe("minh-chung.pdf");
  expect(failure(() => openAttachment(s.as(s.q.outsider), id, file.id)).status).toBe(404);
  // The fixture's own registration has no files.
  expect(getSheet(s.as(s.q.m1), s.sheet.m1).files).toEqual([]);
  s.t.close();
});
