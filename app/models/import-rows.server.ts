// One row of an uploaded list → the person it describes, with every problem that can be seen
// without the database (the database checks are in import.server.ts). Problems are catalog
// keys with parameters, so the preview shows them in the reader's language.
import { parseDate } from "~/i18n/format";
import { fold } from "~/utils/fold";
import type { Cell, Field, RawRow } from "./import-parse.server";
import { MARKUP } from "~/schemas/common";

export type Problem = { key: string; params?: Record<string, string | number> };

export type ImportRow = {
  line: number;
  fullName: string;
  familyName: string;
  middleName: string;
  givenName: string;
  dateOfBirth: string | null;
  /** The date as written, shown when it could not be read. */
  dobText: string;
  position: string;
  orgCode: string;
  orgId: number | null;
  orgName: string | null;
  partyMember: boolean;
  email: string | null;
  username: string | null;
  problems: Problem[];
};

export const MIN_AGE = 16;
export const MAX_AGE = 110;
const EMAIL = /^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>".]+$/;
const USERNAME = /^[a-z0-9](?:[a-z0-9._-]{1,62}[a-z0-9])$/;
const TRUE = new Set(["co", "x", "1", "yes", "y", "true", "dang vien", "la dang vien", "v"]);
const FALSE = new Set(["", "khong", "0", "no", "n", "false", "chua"]);

/** NFC, no invisible or control characters, single spaces, trimmed. */
export function cleanText(s: string): string {
  return s
    .normalize("NFC")
    .replace(/[\u200B-\u200D\u2060\uFEFF]/g, "")
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001F\u007F]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

function text(cell: Cell | undefined): string {
  if (cell === null || cell === undefined) return "";
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  return cleanText(String(cell));
}

/** A real Excel date, an Excel serial number, or dd/mm/yyyy text → 'YYYY-MM-DD' or null. */
export function cellDate(cell: Cell | undefined): string | null {
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? null : cell.toISOString().slice(0, 10);
  if (typeof cell === "number") {
    // Serial days since 1899-12-30; only a plausible range, so a bare year is not a date.
    if (cell < 10_000 || cell > 80_000) return null;
    return new Date(Date.UTC(1899, 11, 30) + Math.floor(cell) * 86_400_000).toISOString().slice(0, 10);
  }
  return cell ? parseDate(cleanText(cell)) : null;
}

function ageOn(dob: string, today: string): number {
  const [y, m, d] = dob.split("-").map(Number);
  const [ty, tm, td] = today.split("-").map(Number);
  return ty - y - (tm < m || (tm === m && td < d) ? 1 : 0);
}

const COLUMN_KEY: Record<Field, string> = {
  name: "import.column.name",
  dob: "import.column.dob",
  position: "import.column.position",
  orgCode: "import.column.orgCode",
  party: "import.column.party",
  login: "import.column.login",
};

/** Normalise one row; `today` is 'YYYY-MM-DD' from the server clock. */
export function normalizeRow(raw: RawRow, today: string): ImportRow {
  const problems: Problem[] = [];
  const c = raw.cells;
  const values = { name: text(c.name), position: text(c.position), orgCode: text(c.orgCode), login: text(c.login), party: text(c.party) };
  for (const field of ["name", "position", "orgCode", "login", "party"] as const) {
    if (MARKUP.test(values[field])) problems.push({ key: "import.problem.markup", params: { column: COLUMN_KEY[field] } });
  }

  const words = values.name.split(" ").filter(Boolean);
  if (!words.length) problems.push({ key: "import.problem.nameMissing" });
  else if (words.length < 2) problems.push({ key: "import.problem.nameIncomplete" });
  else if (values.name.length > 100) problems.push({ key: "import.problem.tooLong", params: { column: COLUMN_KEY.name } });
  if (values.position.length > 200) problems.push({ key: "import.problem.tooLong", params: { column: COLUMN_KEY.position } });

  const dobText = text(c.dob);
  const dateOfBirth = cellDate(c.dob);
  if (!dobText) problems.push({ key: "import.problem.dobMissing" });
  else if (!dateOfBirth) problems.push({ key: "import.problem.dobInvalid" });
  else if (dateOfBirth > today) problems.push({ key: "import.problem.dobFuture" });
  else if (ageOn(dateOfBirth, today) < MIN_AGE || ageOn(dateOfBirth, today) > MAX_AGE) {
    problems.push({ key: "import.problem.dobImplausible", params: { min: MIN_AGE, max: MAX_AGE } });
  }

  const orgCode = values.orgCode.toUpperCase();
  if (!orgCode) problems.push({ key: "import.problem.orgMissing" });
  else if (orgCode.length > 50) problems.push({ key: "import.problem.tooLong", params: { column: COLUMN_KEY.orgCode } });

  // A file without the column: party members, as most people on these lists are.
  let partyMember = true;
  if ("party" in c) {
    const v = fold(values.party);
    if (TRUE.has(v)) partyMember = true;
    else if (FALSE.has(v)) partyMember = false;
    else problems.push({ key: "import.problem.partyInvalid" });
  }

  let email: string | null = null;
  let username: string | null = null;
  const login = values.login.toLowerCase();
  if (login.includes("@")) {
    if (EMAIL.test(login) && login.length <= 254) email = username = login;
    else problems.push({ key: "import.problem.emailInvalid" });
  } else if (login) {
    if (USERNAME.test(login)) username = login;
    else problems.push({ key: "import.problem.usernameInvalid" });
  }

  return {
    line: raw.line,
    fullName: words.join(" "),
    familyName: words.length >= 2 ? words[0] : "",
    middleName: words.length > 2 ? words.slice(1, -1).join(" ") : "",
    givenName: words.length >= 2 ? words[words.length - 1] : words[0] ?? "",
    dateOfBirth,
    dobText,
    position: values.position,
    orgCode,
    orgId: null,
    orgName: null,
    partyMember,
    email,
    username,
    problems,
  };
}
