import ExcelJS from "exceljs";
import { count, eq, sql } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { accounts, importBatches, organizations, people } from "../../db/schema";
import { DomainError } from "~/models/errors";
import { parseImportFile } from "~/models/import-parse.server";
import { normalizeRow } from "~/models/import-rows.server";
import { templateCsv, templateXlsx } from "~/models/import-template.server";
import { confirmImport, discardImport, getImportBatch, previewImport } from "~/models/import.server";
import { verifyLedger } from "~/models/ledger.server";
import { sha256Hex } from "~/utils/canonical.server";
import { freshDb, type TestDb } from "../helpers/db";

const HEADER = ["Họ và tên", "Ngày sinh", "Chức vụ", "Mã tổ chức", "Đảng viên", "Email hoặc tên đăng nhập"];

function csv(rows: string[][], sep = ",", bom = false): Uint8Array {
  const text = rows.map((r) => r.map((c) => (/[",;\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(sep)).join("\r\n");
  return new TextEncoder().encode((bom ? "\uFEFF" : "") + text);
}

async function xlsx(rows: unknown[][]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet("DS");
  for (const r of rows) sheet.addRow(r);
  wb.addWorksheet("Khác").addRow(["không đọc trang này"]);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** The field error of an expected invalid-file failure. */
async function fileError(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof DomainError) return error.fieldErrors.file ?? error.message;
    throw error;
  }
  throw new Error("expected a failure");
}

let t: TestDb;
let ids: { city: number; ward: number; cell: number; other: number; closed: number };
let cityAdmin: number;
let wardAdmin: number;
beforeEach(() => {
  t = freshDb();
  const city = t.org("TU", null).id;
  const ward = t.org("W1", city, "ward").id;
  const cell = t.org("W1-CB1", ward, "cell").id;
  const other = t.org("W2", city, "ward").id;
  const closed = t.org("W1-OLD", ward, "cell").id;
  t.handle.db.update(organizations).set({ validTo: "2025-06-30" }).where(eq(organizations.id, closed)).run();
  ids = { city, ward, cell, other, closed };
  cityAdmin = t.person(city, { given: "Quân", username: "quantri" });
  t.grant(cityAdmin, "admin", city);
  wardAdmin = t.person(ward, { given: "Yến", username: "quantri.phuong" });
  t.grant(wardAdmin, "admin", ward);
});
afterEach(() => t.close());

const counts = () => ({
  people: t.handle.db.select({ n: count() }).from(people).get()!.n,
  accounts: t.handle.db.select({ n: count() }).from(accounts).get()!.n,
});
const events = (action: string) => t.handle.sqlite.prepare("SELECT count(*) AS n FROM ledger_events WHERE action = ?").get(action) as { n: number };

describe("parsing", () => {
  it("reads a comma-separated CSV with a byte-order mark and splits names", async () => {
    const bytes = csv([HEADER, ["Nguyễn Thị Minh Khai", "05/12/1980", "Chuyên viên", "w1-cb1", "có", "khai@example.vn"], ["Lê An", "1/2/1990", "", "W1", "không", "le.an"]], ",", true);
    const parsed = await parseImportFile({ name: "ds.csv", bytes });
    expect(parsed.kind).toBe("csv");
    const rows = parsed.rows.map((r) => normalizeRow(r, "2026-11-27"));
    expect(rows[0]).toMatchObject({ line: 2, familyName: "Nguyễn", middleName: "Thị Minh", givenName: "Khai", dateOfBirth: "1980-12-05", orgCode: "W1-CB1", partyMember: true, email: "khai@example.vn", username: "khai@example.vn", problems: [] });
    expect(rows[1]).toMatchObject({ familyName: "Lê", middleName: "", givenName: "An", dateOfBirth: "1990-02-01", partyMember: false, email: null, username: "le.an", problems: [] });
  });

  it("detects semicolons, skips a title row, and matches headers without diacritics or in English", async () => {
    const semi = csv([["DANH SÁCH CÁN BỘ CHI BỘ"], ["Ho va ten", "Ngay sinh (dd/mm/yyyy)", "Chuc vu", "Ma to chuc", "Dang vien", "Ten dang nhap"], ["Trần Văn Bình", "02/03/1985", "Bí thư; kiêm nhiệm", "W1", "x", "tran.binh"]], ";");
    const a = await parseImportFile({ name: "DS.CSV", bytes: semi });
    expect(a.rows).toHaveLength(1);
    expect(normalizeRow(a.rows[0], "2026-11-27")).toMatchObject({ line: 3, fullName: "Trần Văn Bình", position: "Bí thư; kiêm nhiệm", orgCode: "W1", partyMember: true, username: "tran.binh" });
    const english = csv([["Full name", "Date of birth", "Organization code", "Username"], ["Phạm Thu Hà", "1979-07-08", "W1", ""]]);
    const b = await parseImportFile({ name: "list.csv", bytes: english });
    expect(b.columns).toEqual(["name", "dob", "orgCode", "login"]);
    // Without a party member column everyone is a party member; no login, no account.
    expect(normalizeRow(b.rows[0], "2026-11-27")).toMatchObject({ dateOfBirth: "1979-07-08", partyMember: true, username: null, problems: [] });
  });

  it("normalises text to NFC and trims it", async () => {
    const decomposed = "Nguye\u0302\u0303n  Va\u0306n   A\u0301nh ";
    const parsed = await parseImportFile({ name: "a.csv", bytes: csv([HEADER, [decomposed, "05/12/1980", " Chuyên viên ", " W1 ", "1", ""]]) });
    const row = normalizeRow(parsed.rows[0], "2026-11-27");
    expect(row.fullName).toBe("Nguyễn Văn Ánh");
    expect(row.fullName).toBe(row.fullName.normalize("NFC"));
    expect(row.position).toBe("Chuyên viên");
  });

  it("reads the first worksheet of an XLSX with real Excel dates", async () => {
    const bytes = await xlsx([HEADER, ["Võ Thị Thu Trang", new Date(Date.UTC(1985, 5, 18)), "Chuyên viên", "W1", "có", "trang@example.vn"], ["Đỗ Minh Tuấn", "22/07/1976", "Bí thư", "W1-CB1", 0, "do.tuan"], ["Hồ Văn Nam", 30000, "", "W1", "", ""]]);
    const parsed = await parseImportFile({ name: "danh-sach.xlsx", bytes });
    expect(parsed.kind).toBe("xlsx");
    const rows = parsed.rows.map((r) => normalizeRow(r, "2026-11-27"));
    expect(rows.map((r) => r.dateOfBirth)).toEqual(["1985-06-18", "1976-07-22", "1982-02-18"]);
    expect(rows[0]).toMatchObject({ familyName: "Võ", middleName: "Thị Thu", givenName: "Trang", email: "trang@example.vn", problems: [] });
    expect(rows[1]).toMatchObject({ partyMember: false, username: "do.tuan" });
    expect(rows.every((r) => r.problems.length === 0)).toBe(true);
  });

  it("refuses disguised, unknown, non-UTF-8, oversized and malformed files", async () => {
    const text = csv([HEADER, ["Lê An", "01/01/1990", "", "W1", "", ""]]);
    const book = await xlsx([HEADER]);
    expect(await fileError(parseImportFile({ name: "ds.xlsx", bytes: text }))).toBe("import.file.disguised");
    expect(await fileError(parseImportFile({ name: "ds.csv", bytes: book }))).toBe("import.file.disguised");
    expect(await fileError(parseImportFile({ name: "ds.txt", bytes: text }))).toBe("import.file.wrongType");
    expect(await fileError(parseImportFile({ name: "ds.csv", bytes: new Uint8Array([0x48, 0xe0, 0x20, 0x4e, 0x1b, 0x69]) }))).toBe("import.file.unreadable");
    expect(await fileError(parseImportFile({ name: "ds.csv", bytes: Buffer.from("Họ và tên,Ngày sinh,Mã tổ chức\nLê Hà,01/01/1990,W1", "latin1") }))).toBe("import.file.notUtf8");
    expect(await fileError(parseImportFile({ name: "ds.csv", bytes: new Uint8Array(0) }))).toBe("import.file.empty");
    expect(await fileError(parseImportFile({ name: "ds.csv", bytes: new Uint8Array(10 * 1024 * 1024 + 1).fill(0x41) }))).toBe("import.file.tooLarge");
    const zipNotExcel = new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...new Array(40).fill(0)]);
    expect(await fileError(parseImportFile({ name: "ds.xlsx", bytes: zipNotExcel }))).toBe("import.file.unreadable");
    expect(await fileError(parseImportFile({ name: "ds.csv", bytes: csv([["Tên", "Tuổi"], ["An", "30"]]) }))).toBe("import.file.missingColumns");
    expect(await fileError(parseImportFile({ name: "ds.csv", bytes: csv([HEADER]) }))).toBe("import.file.noRows");
    const many = [HEADER, ...Array.from({ length: 20_001 }, (_, i) => [`Lê Văn ${i}`, "01/01/1990", "", "W1", "", ""])];
    expect(await fileError(parseImportFile({ name: "ds.csv", bytes: csv(many) }))).toBe("import.file.tooManyRows");
  });
});

describe("templates", () => {
  it("are real files the importer reads back, with an organization the administrator may use", async () => {
    const ctx = t.ctx(t.actorOf(wardAdmin));
    const book = await templateXlsx(ctx);
    const text = await templateCsv(ctx);
    expect(Buffer.from(book.subarray(0, 4)).toString("latin1")).toBe("PK\x03\x04");
    expect(Buffer.from(text.subarray(0, 3))).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    for (const [name, bytes] of [["mau.xlsx", book], ["mau.csv", text]] as const) {
      const parsed = await parseImportFile({ name, bytes });
      expect(parsed.columns).toEqual(["name", "dob", "position", "orgCode", "party", "login"]);
      expect(normalizeRow(parsed.rows[0], "2026-11-27")).toMatchObject({ fullName: "Nguyễn Văn An", dateOfBirth: "1980-12-05", orgCode: "W1", problems: [] });
    }
    const cadre = t.person(ids.cell, { given: "Lan" });
    t.grant(cadre, "cadre", ids.cell);
    expect(() => templateCsv(t.ctx(t.actorOf(cadre)))).toThrow(expect.objectContaining({ status: 403 }));
  });
});

describe("preview", () => {
  it("reports every row problem and writes nothing but the staged batch", async () => {
    t.person(ids.cell, { given: "Cũ", username: "da.co" }); // "Nguyễn Văn Cũ", no birth date
    t.handle.sqlite.prepare("UPDATE people SET date_of_birth = '1970-01-01' WHERE given_name = 'Cũ'").run();
    const before = counts();
    const eventsBefore = t.handle.sqlite.prepare("SELECT count(*) AS n FROM ledger_events").get() as { n: number };
    const rows = [
      HEADER,
      ["Lê Văn Tốt", "01/01/1990", "Chuyên viên", "W1-CB1", "có", "le.tot"], // 2: fine
      ["Lê Văn Lạ", "01/01/1990", "", "KHONGCO", "có", ""], // 3: unknown org
      ["Lê Văn Xa", "01/01/1990", "", "W2", "có", ""], // 4: outside the ward admin's scope
      ["Lê Văn Đóng", "01/01/1990", "", "W1-OLD", "có", ""], // 5: closed org
      ["Lê Văn Hai", "01/01/1990", "", "W1", "có", "le.tot"], // 6: same login as row 2
      ["Lê Văn Tốt", "01/01/1990", "Khác", "W1-CB1", "có", ""], // 7: same person as row 2
      ["Trần Thị Mới", "01/01/1991", "", "W1", "có", "da.co"], // 8: username taken in the portal
      ["Nguyễn Văn Cũ", "01/01/1970", "", "W1-CB1", "có", ""], // 9: already in the portal
      ["Lê Văn Ngày", "31/02/1990", "", "W1", "có", ""], // 10: bad date
      ["Lê Văn Sau", "01/01/2030", "", "W1", "có", ""], // 11: future date
      ["Lê Văn Già", "01/01/1890", "", "W1", "có", ""], // 12: implausible age
      ["", "01/01/1990", "Chuyên viên", "W1", "có", ""], // 13: missing name
      ["Lê <script>alert(1)</script> Văn", "01/01/1990", "", "W1", "có", ""], // 14: markup
      ["Lê Văn Đảng", "01/01/1990", "", "W1", "có lẽ", "Lê Văn"], // 15: party value, username
    ];
    const ctx = t.ctx(t.actorOf(wardAdmin));
    const { batchId } = await previewImport(ctx, { name: "ds.csv", bytes: csv(rows) });
    const view = getImportBatch(ctx, batchId, 1, 100);
    const byLine = new Map([...view.problemRows, ...view.createRows].map((r) => [r.line, r.problems.map((p) => p.key)]));
    expect(byLine.get(2)).toEqual([]);
    expect(byLine.get(3)).toEqual(["import.problem.orgUnknown"]);
    expect(byLine.get(4)).toEqual(["import.problem.orgUnknown"]); // not revealed as existing
    expect(byLine.get(5)).toEqual(["import.problem.orgClosed"]);
    expect(byLine.get(6)).toEqual(["import.problem.duplicateLogin"]);
    expect(byLine.get(7)).toEqual(["import.problem.duplicatePerson"]);
    expect(byLine.get(8)).toEqual(["import.problem.loginTaken"]);
    expect(byLine.get(9)).toEqual(["import.problem.personExists"]);
    expect(byLine.get(10)).toEqual(["import.problem.dobInvalid"]);
    expect(byLine.get(11)).toEqual(["import.problem.dobFuture"]);
    expect(byLine.get(12)).toEqual(["import.problem.dobImplausible"]);
    expect(byLine.get(13)).toEqual(["import.problem.nameMissing"]);
    expect(byLine.get(14)).toEqual(["import.problem.markup"]);
    expect(byLine.get(15)).toEqual(["import.problem.partyInvalid", "import.problem.usernameInvalid"]);
    expect(view.problemRows.find((r) => r.line === 6)!.problems[0].params).toEqual({ line: 2 });
    expect(view).toMatchObject({ status: "pending", rowCount: 14, problemCount: 13, fileSha256: sha256Hex(Buffer.from(csv(rows))) });
    // Problem rows come first.
    expect(view.problemRows).toHaveLength(13);
    expect(view.createRows.map((r) => r.line)).toEqual([2]);
    // Nothing written but the batch and one ledger event.
    expect(counts()).toEqual(before);
    expect((t.handle.sqlite.prepare("SELECT count(*) AS n FROM ledger_events").get() as { n: number }).n).toBe(eventsBefore.n + 1);
    expect(events("import.previewed").n).toBe(1);
    // The city administrator may import into W2.
    const city = t.ctx(t.actorOf(cityAdmin));
    const other = await previewImport(city, { name: "ds.csv", bytes: csv([HEADER, rows[3]]) });
    expect(getImportBatch(city, other.batchId, 1, 10).problemCount).toBe(0);
  });

  it("refuses people without the import permission", async () => {
    const cadre = t.person(ids.cell, { given: "Lan" });
    t.grant(cadre, "cadre", ids.cell);
    await expect(previewImport(t.ctx(t.actorOf(cadre)), { name: "a.csv", bytes: csv([HEADER, ["Lê An", "01/01/1990", "", "W1", "", ""]]) })).rejects.toMatchObject({ status: 403 });
    await expect(previewImport(t.ctx(null), { name: "a.csv", bytes: csv([HEADER]) })).rejects.toMatchObject({ status: 403 });
  });
});

describe("confirm", () => {
  const good = [
    HEADER,
    ["Nguyễn Thị Minh Khai", "05/12/1980", "Chuyên viên", "W1-CB1", "có", "khai@example.vn"],
    ["Lê An", "01/02/1990", "Phó Bí thư", "W1", "không", "le.an"],
    ["Trần Văn Ba", "03/03/1993", "", "W1", "x", ""],
  ];

  it("writes every person and account, one event each, then the confirmation event", async () => {
    const ctx = t.ctx(t.actorOf(wardAdmin));
    const before = counts();
    const bytes = csv(good);
    const { batchId } = await previewImport(ctx, { name: "ds.csv", bytes });
    const result = confirmImport(ctx, batchId);
    expect(result).toEqual({ ok: true, created: 3, accounts: 2 });
    expect(counts()).toEqual({ people: before.people + 3, accounts: before.accounts + 2 });
    const khai = t.handle.db
      .select({ id: people.id, family: people.familyName, middle: people.middleName, given: people.givenName, dob: people.dateOfBirth, orgId: people.orgId, email: people.email, party: people.partyMember })
      .from(people)
      .where(eq(people.givenName, "Khai"))
      .get()!;
    expect(khai).toMatchObject({ family: "Nguyễn", middle: "Thị Minh", dob: "1980-12-05", orgId: ids.cell, email: "khai@example.vn", party: true });
    const account = t.handle.db.select({ username: accounts.username, hash: accounts.passwordHash, must: accounts.mustChangePassword }).from(accounts).where(eq(accounts.personId, khai.id)).get();
    expect(account).toEqual({ username: "khai@example.vn", hash: null, must: true });
    const ba = t.handle.db.select({ id: people.id }).from(people).where(eq(people.givenName, "Ba")).get()!;
    expect(t.handle.db.select({ id: accounts.id }).from(accounts).where(eq(accounts.personId, ba.id)).get()).toBeUndefined();
    // Ledger: one event per person, one for the import with the file's hash and counts.
    expect(events("person.created").n).toBe(3);
    const confirmed = t.handle.sqlite
      .prepare("SELECT e.entity_id AS id, p.payload FROM ledger_events e JOIN ledger_payloads p ON p.seq = e.seq WHERE e.action = 'import.confirmed'")
      .get() as { id: string; payload: string };
    expect(confirmed.id).toBe(String(batchId));
    expect(JSON.parse(confirmed.payload)).toMatchObject({ fileSha256: sha256Hex(Buffer.from(bytes)), people: 3, accounts: 2, rows: 3 });
    expect(verifyLedger(t.handle.sqlite, t.secrets.publicKey).ok).toBe(true);
    // The batch is decided, and its staged personal data dropped.
    const batch = t.handle.db.select({ status: importBatches.status, rows: importBatches.rows, created: importBatches.createdCount }).from(importBatches).where(eq(importBatches.id, batchId)).get();
    expect(batch).toEqual({ status: "confirmed", rows: "[]", created: 3 });
  });

  it("refuses a batch with a problem row and writes nothing", async () => {
    const ctx = t.ctx(t.actorOf(wardAdmin));
    const before = counts();
    const { batchId } = await previewImport(ctx, { name: "ds.csv", bytes: csv([...good, ["Lê Văn Lỗi", "99/99/1990", "", "W1", "", ""]]) });
    expect(() => confirmImport(ctx, batchId)).toThrow(expect.objectContaining({ status: 409, message: "import.confirm.hasProblems" }));
    expect(counts()).toEqual(before);
    expect(events("person.created").n).toBe(0);
    expect(events("import.confirmed").n).toBe(0);
  });

  it("re-checks at confirmation: a username taken since the preview stops the whole import", async () => {
    const ctx = t.ctx(t.actorOf(wardAdmin));
    const { batchId } = await previewImport(ctx, { name: "ds.csv", bytes: csv(good) });
    t.person(ids.other, { given: "Khác", username: "le.an" });
    const before = counts();
    expect(confirmImport(ctx, batchId)).toEqual({ ok: false, problemCount: 1 });
    expect(counts()).toEqual(before);
    const view = getImportBatch(ctx, batchId, 1, 10);
    expect(view).toMatchObject({ status: "pending", problemCount: 1 });
    expect(view.problemRows[0].problems[0].key).toBe("import.problem.loginTaken");
    expect(() => confirmImport(ctx, batchId)).toThrow(expect.objectContaining({ status: 409 }));
    expect(verifyLedger(t.handle.sqlite, t.secrets.publicKey).ok).toBe(true);
  });

  it("re-checks the actor's scope: a grant revoked since the preview stops the import", async () => {
    const ctx = t.ctx(t.actorOf(wardAdmin));
    const { batchId } = await previewImport(ctx, { name: "ds.csv", bytes: csv(good) });
    t.handle.sqlite.prepare("UPDATE role_grants SET revoked_at = '2026-11-27T03:00:00.000Z' WHERE person_id = ?").run(wardAdmin);
    t.grant(wardAdmin, "admin", ids.cell); // still an importer, but only of the cell
    const narrowed = t.ctx(t.actorOf(wardAdmin));
    expect(confirmImport(narrowed, batchId)).toEqual({ ok: false, problemCount: 2 });
    expect(events("person.created").n).toBe(0);
  });

  it("lets only the same actor confirm, once", async () => {
    const ctx = t.ctx(t.actorOf(wardAdmin));
    const { batchId } = await previewImport(ctx, { name: "ds.csv", bytes: csv(good) });
    const someoneElse = t.ctx(t.actorOf(cityAdmin));
    expect(() => confirmImport(someoneElse, batchId)).toThrow(expect.objectContaining({ status: 404 }));
    expect(() => getImportBatch(someoneElse, batchId, 1, 10)).toThrow(expect.objectContaining({ status: 404 }));
    expect(() => discardImport(someoneElse, batchId)).toThrow(expect.objectContaining({ status: 404 }));
    expect(confirmImport(ctx, batchId).ok).toBe(true);
    const after = counts();
    expect(() => confirmImport(ctx, batchId)).toThrow(expect.objectContaining({ status: 409, message: "import.confirm.notPending" }));
    expect(() => discardImport(ctx, batchId)).toThrow(expect.objectContaining({ status: 409 }));
    expect(counts()).toEqual(after);
    expect(events("import.confirmed").n).toBe(1);
  });

  it("discards a pending batch, which can then not be confirmed", async () => {
    const ctx = t.ctx(t.actorOf(wardAdmin));
    const before = counts();
    const { batchId } = await previewImport(ctx, { name: "ds.csv", bytes: csv(good) });
    discardImport(ctx, batchId);
    expect(getImportBatch(ctx, batchId, 1, 10)).toMatchObject({ status: "discarded", problemRows: [], createRows: [] });
    expect(() => confirmImport(ctx, batchId)).toThrow(expect.objectContaining({ status: 409 }));
    expect(counts()).toEqual(before);
    expect(events("import.discarded").n).toBe(1);
    expect(t.handle.db.select({ n: sql<number>`count(*)` }).from(importBatches).get()!.n).toBe(1);
    expect(verifyLedger(t.handle.sqlite, t.secrets.publicKey).ok).toBe(true);
  });
});
