// The sniffer judges files by their bytes; the upload check holds the name to what they are.
import { describe, expect, it } from "vitest";
import { checkFile, cleanFileName } from "~/models/attachments-store.server";
import { sniff } from "~/utils/file-type.server";
import { docm, docx, exe, gif, jpeg, ole, pdf, png, webp, xlsx, xlsxHandmade, zip } from "../helpers/file-samples";
import { failure } from "../helpers/refusal";

const MB = 1024 * 1024;
const refusal = (name: string, bytes: Uint8Array, max = MB) => failure(() => checkFile(name, bytes, max)).fieldErrors.file;

describe("sniff", () => {
  it("detects each accepted kind from its bytes", async () => {
    expect(sniff(pdf())).toBe("pdf");
    expect(sniff(png())).toBe("png");
    expect(sniff(jpeg())).toBe("jpeg");
    expect(sniff(gif())).toBe("gif");
    expect(sniff(webp())).toBe("webp");
    expect(sniff(docx())).toBe("docx");
    expect(sniff(xlsxHandmade())).toBe("xlsx");
    expect(sniff(await xlsx())).toBe("xlsx");
  });

  it("tells legacy Office, macro documents, other ZIPs and anything else apart", () => {
    expect(sniff(ole())).toBe("legacyOffice");
    expect(sniff(docm())).toBe("unknown");
    expect(sniff(zip({ "a.txt": "hello" }))).toBe("unknown");
    // A ZIP naming word/document.xml without declaring it in [Content_Types].xml is not a DOCX.
    expect(sniff(zip({ "[Content_Types].xml": "<Types/>", "word/document.xml": "<w:document/>" }))).toBe("unknown");
    expect(sniff(exe())).toBe("unknown");
    expect(sniff(new TextEncoder().encode("xin chào"))).toBe("unknown");
    expect(sniff(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]))).toBe("unknown");
  });
});

describe("checkFile", () => {
  it("accepts a kind under any of its extensions, in any case", () => {
    expect(checkFile("Báo cáo.PDF", pdf(), MB).mediaType).toBe("application/pdf");
    expect(checkFile("anh.jpg", jpeg(), MB).type).toBe("jpeg");
    expect(checkFile("anh.jpeg", jpeg(), MB).type).toBe("jpeg");
    expect(checkFile("don.docx", docx(), MB).mediaType).toBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
  });

  it("refuses disguised files: an executable named .pdf, a workbook named .docx, text named .png", async () => {
    expect(refusal("huong-dan.pdf", exe())).toBe("attachments.errors.disguised");
    expect(refusal("bao-cao.docx", await xlsx())).toBe("attachments.errors.disguised");
    expect(refusal("anh.png", new TextEncoder().encode("không phải ảnh"))).toBe("attachments.errors.disguised");
    expect(refusal("anh.jpg", png())).toBe("attachments.errors.disguised");
    expect(refusal("tai-lieu.docx", docm())).toBe("attachments.errors.disguised");
  });

  it("refuses other types, legacy Office, empty, oversized and nameless files with their own message", () => {
    expect(refusal("chuong-trinh.exe", exe())).toBe("attachments.errors.wrongType");
    expect(refusal("ghi-chu.txt", new TextEncoder().encode("x"))).toBe("attachments.errors.wrongType");
    expect(refusal("cu.doc", ole())).toBe("attachments.errors.legacyOffice");
    expect(refusal("cu.xls", new TextEncoder().encode("<html>"))).toBe("attachments.errors.legacyOffice");
    expect(refusal("doi-ten.pdf", ole())).toBe("attachments.errors.legacyOffice");
    expect(refusal("rong.pdf", new Uint8Array())).toBe("attachments.errors.empty");
    const big = new Uint8Array(MB + 1);
    big.set(pdf());
    expect(refusal("lon.pdf", big)).toBe("attachments.errors.tooLarge");
    expect(checkFile("vua.pdf", big.subarray(0, MB), MB).type).toBe("pdf");
    expect(refusal("khongduoi", pdf())).toBe("attachments.errors.noExtension");
  });
});

describe("cleanFileName", () => {
  it("keeps the base name in NFC without control or bidi characters, at most 200 characters", () => {
    expect(cleanFileName("C:\\Users\\lan\\Báo cáo.pdf")).toBe("Báo cáo.pdf");
    expect(cleanFileName("../../etc/passwd")).toBe("passwd");
    expect(cleanFileName("Ba\u0301o ca\u0301o.pdf")).toBe("Báo cáo.pdf");
    expect(cleanFileName("ho\u0000so\u202Efdp.exe")).toBe("hosofdp.exe");
    expect(cleanFileName("  a \t b.pdf ")).toBe("a b.pdf");
    expect(cleanFileName("...an.pdf")).toBe("an.pdf");
    const long = cleanFileName(`${"ệ".repeat(300)}.docx`);
    expect([...long].length).toBe(200);
    expect(long.endsWith(".docx")).toBe(true);
  });
});
