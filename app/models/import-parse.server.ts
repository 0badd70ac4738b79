// Reading an uploaded list of people: what kind of file it really is (from its bytes, never
// its name), its cells, and which column is which (by header, flexibly). Row by row
// validation is in import-rows.server.ts; the database checks in import.server.ts.
import type ExcelJS from "exceljs";
import { excel } from "./exceljs.server";
import { parse as parseCsv } from "csv-parse/sync";
import { fold } from "~/utils/fold";
import { invalid } from "./errors";
import { zipEntries } from "~/utils/file-type.server";

export const MAX_FILE_BYTES = 10 * 1024 * 1024;
export const MAX_ROWS = 20_000;
// A 10 MB workbook may not expand to more than this (zip bombs).
const MAX_UNZIPPED_BYTES = 200 * 1024 * 1024;

export type FileKind = "csv" | "xlsx";
export type Field = "name" | "dob" | "position" | "orgCode" | "party" | "login";
export type Cell = string | Date | number | null;
/** One data row as read from the file; `party` is absent when the file has no such column. */
export type RawRow = { line: number; cells: Partial<Record<Field, Cell>> };
export type ParsedFile = { kind: FileKind; rows: RawRow[]; columns: Field[] };

/** The header row of the template, in the committee's words; parsing accepts aliases too. */
export const TEMPLATE_HEADERS: Record<Field, string> = {
  name: "Họ và tên",
  dob: "Ngày sinh",
  position: "Chức vụ",
  orgCode: "Mã tổ chức",
  party: "Đảng viên",
  login: "Email hoặc tên đăng nhập",
};
export const FIELDS = Object.keys(TEMPLATE_HEADERS) as Field[];
const REQUIRED: Field[] = ["name", "dob", "orgCode"];

// Compared after headerKey(): folded, without notes in brackets, punctuation as spaces.
const ALIASES: Record<Field, string[]> = {
  name: ["ho va ten", "ho ten", "ho va ten can bo", "ho ten can bo", "ho va ten dang vien", "full name", "name", "fullname"],
  dob: ["ngay sinh", "ngay thang nam sinh", "ngay sinh dd mm yyyy", "date of birth", "birth date", "birthdate", "dob"],
  position: ["chuc vu", "chuc danh", "chuc vu chuc danh", "position", "title", "job title"],
  orgCode: ["ma to chuc", "ma to chuc dang", "ma don vi", "ma chi bo", "organization code", "organisation code", "org code", "org"],
  party: ["dang vien", "la dang vien", "party member", "party"],
  login: ["email hoac ten dang nhap", "ten dang nhap", "email", "thu dien tu", "tai khoan", "email or username", "username", "login"],
};

export function headerKey(s: string): string {
  return fold(s.replace(/\(.*?\)|\[.*?\]/g, " "))
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

function fieldOf(header: Cell): Field | null {
  if (typeof header !== "string") return null;
  const key = headerKey(header);
  return FIELDS.find((f) => ALIASES[f].includes(key)) ?? null;
}

const fileError = (key: string) => invalid({ file: key });

/** What the bytes are: a ZIP container, UTF-8 text, other text, or something else. */
export function sniff(bytes: Uint8Array): "zip" | "text" | "legacyText" | "binary" {
  if (bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return "zip";
  // NUL and most C0 controls never occur in a text list (tab, CR, LF, form feed do).
  for (let i = 0; i < Math.min(bytes.length, 65536); i++) {
    const b = bytes[i];
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) return "binary";
  }
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return "text";
  } catch {
    return "legacyText";
  }
}

/** Check the file's real kind against its name, then read its rows. Throws invalid({ file }). */
export async function parseImportFile(file: { name: string; bytes: Uint8Array }): Promise<ParsedFile> {
  if (file.bytes.length === 0) throw fileError("import.file.empty");
  if (file.bytes.length > MAX_FILE_BYTES) throw fileError("import.file.tooLarge");
  const ext = /\.([a-z0-9]+)$/i.exec(file.name.trim())?.[1]?.toLowerCase();
  if (ext !== "csv" && ext !== "xlsx") throw fileError("import.file.wrongType");
  const content = sniff(file.bytes);
  if (ext === "xlsx" && content !== "zip") throw fileError(content === "binary" ? "import.file.unreadable" : "import.file.disguised");
  if (ext === "csv" && content === "zip") throw fileError("import.file.disguised");
  if (ext === "csv" && content === "legacyText") throw fileError("import.file.notUtf8");
  if (ext === "csv" && content === "binary") throw fileError("import.file.unreadable");
  const grid = ext === "xlsx" ? await readXlsx(file.bytes) : readCsv(file.bytes);
  return mapColumns(ext, grid);
}

type Grid = { line: number; cells: Cell[] }[];

function mapColumns(kind: FileKind, grid: Grid): ParsedFile {
  // The header is the first of the first ten rows that names the required columns (a title
  // row above it, as committees often add, is skipped).
  let headerAt = -1;
  let map: (Field | null)[] = [];
  for (let i = 0; i < Math.min(grid.length, 10); i++) {
    const candidate = grid[i].cells.map(fieldOf);
    if (REQUIRED.every((f) => candidate.includes(f))) {
      headerAt = i;
      // The first column of each kind wins.
      map = candidate.map((f, j) => (f && candidate.indexOf(f) === j ? f : null));
      break;
    }
  }
  if (headerAt < 0) throw fileError(grid.length ? "import.file.missingColumns" : "import.file.noRows");
  const rows: RawRow[] = [];
  for (const { line, cells } of grid.slice(headerAt + 1)) {
    if (cells.every((c) => c === null || (typeof c === "string" && c.trim() === ""))) continue;
    if (rows.length >= MAX_ROWS) throw fileError("import.file.tooManyRows");
    const row: RawRow = { line, cells: {} };
    map.forEach((field, j) => {
      if (field) row.cells[field] = cells[j] ?? null;
    });
    rows.push(row);
  }
  if (!rows.length) throw fileError("import.file.noRows");
  return { kind, rows, columns: FIELDS.filter((f) => map.includes(f)) };
}

function readCsv(bytes: Uint8Array): Grid {
  const text = new TextDecoder("utf-8").decode(bytes).replace(/^\uFEFF/, "");
  // The separator most used in the first lines, quoted text aside (a title row may have none).
  const head = text.split(/\r?\n/, 10).join("\n").replace(/"[^"]*"/g, "");
  const count = (c: string) => head.split(c).length - 1;
  const delimiter = count(";") > count(",") ? ";" : count("\t") > count(",") ? "\t" : ",";
  try {
    const records = parseCsv(text, {
      delimiter,
      info: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      to: MAX_ROWS + 20,
    }) as unknown as { record: string[]; info: { lines: number } }[];
    if (records.length > MAX_ROWS + 10) throw fileError("import.file.tooManyRows");
    return records.map((r) => ({ line: r.info.lines, cells: r.record }));
  } catch (error) {
    if (error instanceof Error && "status" in error) throw error;
    throw fileError("import.file.badCsv");
  }
}

async function readXlsx(bytes: Uint8Array): Promise<Grid> {
  const zip = zipEntries(bytes);
  if (!zip || !zip.has("xl/workbook.xml")) throw fileError("import.file.unreadable");
  // ZIP64 sizes (0xffffffff) count as too large: never needed by a list of people.
  const total = [...zip.values()].reduce((sum, e) => sum + e.size, 0);
  if (total > MAX_UNZIPPED_BYTES) throw fileError("import.file.tooLarge");
  const workbook = new (await excel()).Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer);
  } catch {
    throw fileError("import.file.unreadable");
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw fileError("import.file.noRows");
  if (sheet.actualRowCount > MAX_ROWS + 10) throw fileError("import.file.tooManyRows");
  const grid: Grid = [];
  sheet.eachRow({ includeEmpty: false }, (row, line) => {
    const values = row.values as ExcelJS.CellValue[];
    grid.push({ line, cells: values.slice(1).map(cellValue) });
  });
  return grid;
}

/** An exceljs cell value as text, a date, or a number (rich text, links, formulas unwrapped). */
function cellValue(value: ExcelJS.CellValue | undefined): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || value instanceof Date) return value;
  if (typeof value === "boolean") return value ? "1" : "0";
  if (typeof value === "object") {
    if ("richText" in value) return value.richText.map((r) => r.text).join("");
    if ("hyperlink" in value) return typeof value.text === "string" ? value.text : cellValue(value.text as ExcelJS.CellValue);
    if ("result" in value) return cellValue(value.result as ExcelJS.CellValue);
    if ("error" in value) return null;
  }
  return String(value);
}
