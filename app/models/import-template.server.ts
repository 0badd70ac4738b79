// The template files offered for download: the header row the importer reads and one example
// row, with an organization code the downloading administrator may actually import into.
import type ExcelJS from "exceljs";
import { excel } from "./exceljs.server";
import { eq } from "drizzle-orm";
import { organizations } from "../../db/schema";
import { canAnywhere, scopes } from "~/auth/policy";
import type { Ctx } from "./context.server";
import { forbidden } from "./errors";
import { FIELDS, TEMPLATE_HEADERS } from "./import-parse.server";

function exampleOrgCode(ctx: Ctx): string {
  if (!ctx.actor || !canAnywhere(ctx.actor, "people.import")) throw forbidden();
  const root = scopes(ctx.actor, "people.import")[0];
  const id = Number(root?.split("/").filter(Boolean).pop());
  const org = ctx.db.select({ code: organizations.code }).from(organizations).where(eq(organizations.id, id)).get();
  return org?.code ?? "TU";
}

// The organization code is read (and a refusal thrown) before exceljs is loaded.
function workbook(ctx: Ctx, dateAsText: boolean): Promise<ExcelJS.Workbook> {
  const code = exampleOrgCode(ctx);
  return excel().then((X) => fill(new X.Workbook(), code, dateAsText));
}

function fill(wb: ExcelJS.Workbook, code: string, dateAsText: boolean): ExcelJS.Workbook {
  wb.creator = "Cổng sáng kiến";
  const sheet = wb.addWorksheet("Danh sách");
  sheet.columns = FIELDS.map((f) => ({ header: TEMPLATE_HEADERS[f], key: f, width: f === "name" || f === "login" ? 30 : f === "position" ? 34 : 16 }));
  sheet.addRow({
    name: "Nguyễn Văn An",
    // A real Excel date in the workbook (shown dd/mm/yyyy); plain text in the CSV.
    dob: dateAsText ? "05/12/1980" : new Date(Date.UTC(1980, 11, 5)),
    position: "Chuyên viên",
    orgCode: code,
    party: "có",
    login: "nguyen.van.an",
  });
  sheet.getColumn("dob").numFmt = "dd/mm/yyyy";
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: "frozen", ySplit: 1 }];
  return wb;
}

// Not async: a refused permission throws at once, for the route's guard().
export function templateXlsx(ctx: Ctx): Promise<Uint8Array<ArrayBuffer>> {
  return workbook(ctx, false)
    .then((wb) => wb.xlsx.writeBuffer())
    .then((b) => new Uint8Array(b as unknown as ArrayLike<number>));
}

/** UTF-8 with a byte-order mark (so Excel shows the diacritics), semicolons as in vi-VN Excel. */
export function templateCsv(ctx: Ctx): Promise<Uint8Array<ArrayBuffer>> {
  return workbook(ctx, true)
    .then((wb) => wb.csv.writeBuffer({ formatterOptions: { delimiter: ";", writeBOM: true } }))
    .then((b) => new Uint8Array(b as unknown as ArrayLike<number>));
}
