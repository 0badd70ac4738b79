// Formatting a Vietnamese official expects: dd/mm/yyyy, 1.234,5, "Quý II/2026", names sorted
// by given name. Times are shown in Ho Chi Minh City time; they are stored in UTC.
export type Lang = "vi" | "en";
export const TIME_ZONE = "Asia/Ho_Chi_Minh";

const dateFmt = new Intl.DateTimeFormat("vi-VN", { timeZone: TIME_ZONE, day: "2-digit", month: "2-digit", year: "numeric" });
const timeFmt = new Intl.DateTimeFormat("vi-VN", { timeZone: TIME_ZONE, hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
const numberFmt = new Intl.NumberFormat("vi-VN");
const collator = new Intl.Collator("vi", { sensitivity: "base" });

/** 'YYYY-MM-DD' (a calendar date) or an ISO timestamp → dd/mm/yyyy. */
export function formatDate(value: string | null | undefined): string {
  if (!value) return "";
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const [y, m, d] = value.split("-");
    return `${d}/${m}/${y}`;
  }
  const d = new Date(value);
  return cityTime(d)?.date ?? dateFmt.format(d);
}

/** ISO timestamp → "dd/mm/yyyy HH:mm" in Ho Chi Minh City time. */
export function formatDateTime(value: string | null | undefined): string {
  if (!value) return "";
  const d = new Date(value);
  const local = cityTime(d);
  return local ? `${local.date} ${local.time}` : `${dateFmt.format(d)} ${timeFmt.format(d)}`;
}

// Ho Chi Minh City has kept UTC+7 without daylight saving since 13/06/1975. Within those years a
// time is written from the shifted UTC fields directly: Intl cost ~8 µs a value, and a list page
// shows a few dozen (tests/i18n/format.test.ts compares the two over random times).
const UTC7_SINCE = Date.UTC(1975, 5, 12, 17);
/** The last instant whose city date still has a four-digit year. */
const UTC7_UNTIL = Date.UTC(9999, 11, 31, 16, 59, 59, 999);
const UTC7_MS = 7 * 3_600_000;
const two = (n: number) => (n < 10 ? `0${n}` : String(n));
function cityTime(d: Date): { date: string; time: string } | null {
  const ms = d.getTime();
  if (!(ms >= UTC7_SINCE && ms <= UTC7_UNTIL)) return null;
  const l = new Date(ms + UTC7_MS);
  return {
    date: `${two(l.getUTCDate())}/${two(l.getUTCMonth() + 1)}/${l.getUTCFullYear()}`,
    time: `${two(l.getUTCHours())}:${two(l.getUTCMinutes())}`,
  };
}

/** The city's calendar date ('YYYY-MM-DD') of an instant, from the shifted UTC fields; null
 * before 1975 or past year 9999 (the caller asks Intl then). */
export function cityIsoDate(d: Date): string | null {
  const ms = d.getTime();
  if (!(ms >= UTC7_SINCE && ms <= UTC7_UNTIL)) return null;
  return new Date(ms + UTC7_MS).toISOString().slice(0, 10);
}

/** 1.234,5 (at most 3 decimals). */
export function formatNumber(n: number): string {
  // Intl costs ~2 µs a call and a council's page shows a few hundred numbers, nearly all under a
  // thousand with at most two decimals (scores in half points, means in hundredths): those are
  // written directly when JavaScript's own shortest form of the number has at most the three
  // decimals Intl shows (so nothing to round), in exactly Intl's form (tests/i18n/format.test.ts
  // compares the two).
  if (n > -1000 && n < 1000 && !Object.is(n, -0)) {
    const s = String(n);
    const dot = s.indexOf(".");
    if (!s.includes("e") && (dot < 0 || s.length - dot <= 4)) return dot < 0 ? s : `${s.slice(0, dot)},${s.slice(dot + 1)}`;
  }
  return numberFmt.format(n);
}

const ROMAN = ["I", "II", "III", "IV"];
export function formatQuarter(quarter: number, year: number, lang: Lang = "vi"): string {
  return lang === "vi" ? `Quý ${ROMAN[quarter - 1]}/${year}` : `Q${quarter}/${year}`;
}

/** "Nguyễn Văn An": family, middle and given names in the Vietnamese order. */
export function fullName(p: { familyName: string; middleName?: string | null; givenName: string }): string {
  // The parts that are there, joined by spaces (without an array: a council page names hundreds).
  let name = p.familyName || "";
  if (p.middleName) name = name ? `${name} ${p.middleName}` : p.middleName;
  if (p.givenName) name = name ? `${name} ${p.givenName}` : p.givenName;
  return name;
}

/** Sort people by given name, then family and middle name, with Vietnamese collation. */
export function compareByGivenName(
  a: { familyName: string; middleName?: string | null; givenName: string },
  b: { familyName: string; middleName?: string | null; givenName: string },
): number {
  return (
    collator.compare(a.givenName, b.givenName) ||
    collator.compare(a.familyName, b.familyName) ||
    collator.compare(a.middleName ?? "", b.middleName ?? "")
  );
}

/** Parse dd/mm/yyyy (or yyyy-mm-dd) into 'YYYY-MM-DD', or null when it is not a real date. */
export function parseDate(input: string): string | null {
  const s = input.trim();
  let y: number, m: number, d: number;
  let match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  if (match) [d, m, y] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else if ((match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s))) [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}
