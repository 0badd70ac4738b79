// Documents: the decision DOCX in the party layout, the minutes, the council's score sheet
// (council viewers only); the authors' view shows the mean and the number of evaluators only.
import { afterEach, describe, expect, it } from "vitest";
import { inflateRawSync } from "node:zlib";
import ExcelJS from "exceljs";
import { decisionDocx, minutesDocx, scoreSheetXlsx } from "~/models/decisions-docs.server";
import { decisionsForInitiative, getDecision } from "~/models/decisions-read.server";
import { recordDecision } from "~/models/decisions.server";
import { council, VALID, type Setup } from "./decisions-fixture";
import { failure } from "./initiatives-fixture";

let s: Setup;
afterEach(() => s.t.close());

/** One entry of a ZIP file, read from its central directory (stored or deflated). */
function unzip(zip: Buffer, name: string): string {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let p = zip.readUInt32LE(eocd + 16);
  for (let i = 0; i < zip.readUInt16LE(eocd + 10); i++) {
    const method = zip.readUInt16LE(p + 10);
    const size = zip.readUInt32LE(p + 20);
    const nameLength = zip.readUInt16LE(p + 28);
    const skip = nameLength + zip.readUInt16LE(p + 30) + zip.readUInt16LE(p + 32);
    const local = zip.readUInt32LE(p + 42);
    if (zip.toString("utf8", p + 46, p + 46 + nameLength) === name) {
      const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
      const data = zip.subarray(start, start + size);
      return (method === 8 ? inflateRawSync(data) : data).toString("utf8");
    }
    p += 46 + skip;
  }
  throw new Error(`${name} not in the zip`);
}

const text = (xml: string) => [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(" ");

function decided() {
  s = council();
  s.score([80, 73]);
  return recordDecision(s.as(s.q.secretary), s.itemId, VALID).id;
}

describe("the decision document", () => {
  it("is a DOCX in the party layout with the number, place and date, articles, signer and recipients", async () => {
    const id = decided();
    const { body, fileName } = await decisionDocx(s.as(s.p.cadre), id);
    expect(body.subarray(0, 2).toString()).toBe("PK");
    expect(fileName).toBe("quyet-dinh-15-QD-DU.docx");
    const words = text(unzip(body, "word/document.xml"));
    for (const expected of ["ĐẢNG CỘNG SẢN VIỆT NAM", "Số 15-QĐ/ĐU", "TP. Hồ Chí Minh, ngày 26 tháng 11 năm 2026", "QUYẾT ĐỊNH", "TỔ CHỨC P1", "cấp phường, xã", "Nơi nhận:", "Nguyễn Văn Bình", "CHỦ TỊCH HỘI ĐỒNG", "tỷ lệ đóng góp 33,34 %", "điểm trung bình 76,5 điểm"]) {
      expect(words).toContain(expected);
    }
  });

  it("is refused to people who may not see the initiative", async () => {
    const id = decided();
    expect(failure(() => getDecision(s.as(s.p.cadreP2), id)).status).toBe(404);
    await expect(decisionDocx(s.as(s.p.cadreP2), id)).rejects.toMatchObject({ status: 404 });
  });
});

describe("the authors' view", () => {
  it("shows the mean and how many scored, not who gave which score", () => {
    decided();
    const view = decisionsForInitiative(s.as(s.p.co), s.initiativeId);
    expect(view.decisions).toHaveLength(1);
    expect(view.decisions[0].summary).toEqual({ submitted: 2, meanHalf: 153 });
    expect(JSON.stringify(view)).not.toMatch(/evaluator|totalHalf|160|146/);
    const full = getDecision(s.as(s.q.chair), view.decisions[0].id).summary!;
    expect(full.full).toBe(true);
    expect(getDecision(s.as(s.p.cadre), view.decisions[0].id).summary).toEqual({ submitted: 2, meanHalf: 153, full: false });
  });
});

describe("council documents", () => {
  it("exports the minutes and the score sheet to the council's viewers only", async () => {
    decided();
    const minutes = text(unzip((await minutesDocx(s.as(s.q.secretary), s.councilId)).body, "word/document.xml"));
    for (const expected of ["BIÊN BẢN", "Hội đồng đánh giá sáng kiến năm 2026", "Chủ tịch Hội đồng", "76,5", "(15-QĐ/ĐU)"]) expect(minutes).toContain(expected);
    await expect(scoreSheetXlsx(s.as(s.p.cadre), s.councilId)).rejects.toMatchObject({ status: 403 });
    await expect(minutesDocx(s.as(s.q.m1), s.councilId)).rejects.toMatchObject({ status: 403 });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await scoreSheetXlsx(s.as(s.q.chair), s.councilId)).body as never);
    const rows = wb.worksheets[0].getSheetValues().filter(Boolean) as unknown[][];
    expect(rows).toHaveLength(4); // header, two sheets, the mean
    expect(rows.map((r) => r[r.length - 1])).toEqual(["Tổng (100)", 80, 73, 76.5]);
  });
});
