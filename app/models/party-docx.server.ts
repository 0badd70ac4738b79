// The party document layout (thể thức văn bản của Đảng) as DOCX building blocks: the header
// (issuing organization and number top left, "ĐẢNG CỘNG SẢN VIỆT NAM" underlined and the
// place-and-date line top right), the centred title, body paragraphs, and the footer with
// "Nơi nhận:" on the left and the signer block on the right. Times New Roman 14 on A4.
import {
  AlignmentType, BorderStyle, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, UnderlineType, WidthType, type ISectionOptions,
} from "docx";
import { translator } from "~/i18n";

/** Documents are official Vietnamese text whatever the interface language. */
export const tv = translator("vi");

const SIZE = 28; // half points: 14 pt
const none = { style: BorderStyle.NONE, size: 0, color: "FFFFFF" };
const noBorders = { top: none, bottom: none, left: none, right: none, insideHorizontal: none, insideVertical: none };

export type Run = { text: string; bold?: boolean; italics?: boolean; underline?: boolean; size?: number };

export function para(runs: Run[] | string, opts: { align?: "left" | "center" | "right" | "both"; after?: number; indent?: boolean } = {}): Paragraph {
  const list = typeof runs === "string" ? [{ text: runs }] : runs;
  const align = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT, both: AlignmentType.JUSTIFIED }[opts.align ?? "both"];
  return new Paragraph({
    alignment: align,
    spacing: { after: opts.after ?? 60 },
    indent: opts.indent ? { firstLine: 567 } : undefined,
    children: list.map(
      (r) => new TextRun({ text: r.text, bold: r.bold, italics: r.italics, size: r.size ?? SIZE, underline: r.underline ? { type: UnderlineType.SINGLE } : undefined }),
    ),
  });
}

const cell = (children: Paragraph[], width: number) => new TableCell({ children, width: { size: width, type: WidthType.PERCENTAGE }, borders: noBorders });

function twoColumns(left: Paragraph[], right: Paragraph[]): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: noBorders,
    rows: [new TableRow({ children: [cell(left, 45), cell(right, 55)] })],
  });
}

/** "TP. Hồ Chí Minh, ngày 05 tháng 12 năm 2026" from 'YYYY-MM-DD'. */
export function placeDate(isoDate: string): string {
  const [y, m, d] = isoDate.split("-");
  return tv("decisions.doc.placeDate", { d, m, y });
}

export type Header = { parentOrgName: string | null; orgName: string; number: string | null; date: string };

export function header(h: Header): Table {
  const left = [
    ...(h.parentOrgName ? [para(h.parentOrgName.toUpperCase(), { align: "center", after: 0 })] : []),
    para([{ text: h.orgName.toUpperCase(), bold: true }], { align: "center", after: 0 }),
    para("*", { align: "center", after: 0 }),
    ...(h.number ? [para(tv("decisions.doc.numberLine", { number: h.number }), { align: "center" })] : []),
  ];
  const right = [
    para([{ text: tv("decisions.doc.party"), bold: true, underline: true }], { align: "center", after: 120 }),
    para([{ text: placeDate(h.date), italics: true }], { align: "center" }),
  ];
  return twoColumns(left, right);
}

export function title(main: string, sub: string[]): Paragraph[] {
  return [
    para("", { after: 120 }),
    para([{ text: main, bold: true, size: 30 }], { align: "center", after: 0 }),
    ...sub.map((s) => para([{ text: s, bold: true }], { align: "center", after: 0 })),
    para("-----", { align: "center", after: 200 }),
  ];
}

export type Footer = { recipients: string[]; signFor: string | null; signerTitle: string; signerName: string };

export function footer(f: Footer): Table {
  const left = [
    para([{ text: tv("decisions.doc.recipients"), bold: true, italics: true, size: 24 }], { align: "left", after: 0 }),
    ...f.recipients.map((r) => para([{ text: `- ${r}`, size: 22 }], { align: "left", after: 0 })),
  ];
  const right = [
    ...(f.signFor ? [para([{ text: f.signFor.toUpperCase(), bold: true }], { align: "center", after: 0 })] : []),
    para([{ text: f.signerTitle.toUpperCase(), bold: true }], { align: "center", after: 1200 }),
    para([{ text: f.signerName, bold: true }], { align: "center" }),
  ];
  return twoColumns(left, right);
}

export function table(headers: string[], rows: string[][], widths: number[]): Table {
  const thin = { style: BorderStyle.SINGLE, size: 4, color: "000000" };
  const borders = { top: thin, bottom: thin, left: thin, right: thin };
  const row = (cells: string[], bold: boolean) =>
    new TableRow({
      tableHeader: bold,
      children: cells.map(
        (c, i) => new TableCell({ borders, width: { size: widths[i], type: WidthType.PERCENTAGE }, children: [para([{ text: c, bold, size: 24 }], { align: i === 0 ? "center" : "left", after: 0 })] }),
      ),
    });
  return new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: [row(headers, true), ...rows.map((r) => row(r, false))] });
}

export async function pack(children: ISectionOptions["children"], meta: { title: string }): Promise<Buffer> {
  const doc = new Document({
    creator: tv("app.shortName"),
    title: meta.title,
    styles: { default: { document: { run: { font: "Times New Roman", size: SIZE } } } },
    sections: [{ properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: 1134, bottom: 1134, left: 1701, right: 1134 } } }, children }],
  });
  return Packer.toBuffer(doc);
}
