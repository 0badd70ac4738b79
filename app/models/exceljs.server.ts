// exceljs (~26 MB of the server's memory once loaded) is needed only to write or read a
// spreadsheet: it is loaded on the first download or import, not with every server.
import type ExcelJSModule from "exceljs";

let loaded: Promise<typeof ExcelJSModule> | null = null;

export function excel(): Promise<typeof ExcelJSModule> {
  loaded ??= import("exceljs").then((m) => (m as { default?: typeof ExcelJSModule }).default ?? (m as unknown as typeof ExcelJSModule));
  return loaded;
}
