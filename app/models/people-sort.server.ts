// Sorting people by given name with Vietnamese collation, inside SQLite.
//
// Why this way: SQLite only compares bytes (BINARY) or ASCII case (NOCASE), so "Ánh" would
// sort after "Yến" and "Đức" after "Dũng…Z". Sorting the filtered set with Intl.Collator in
// JavaScript is unbounded for a city's hundreds of thousands of people, so each person row
// stores viSortKey() in people.sort_key when it is written; its BINARY order is the
// Vietnamese order, and an index on it lets a list page read its rows in order.
//
// The key follows the CLDR Vietnamese tailoring that Intl.Collator('vi') uses:
// primary:   a < ă < â < b < c < d < đ < e < ê < … < o < ô < ơ < … < u < ư < …; spaces and
//            digits before letters (non-ignorable, as ICU does);
// secondary: the tones, none < huyền < hỏi < ngã < sắc < nặng;
// tertiary:  lower case before upper case.
// It compares given, family and middle names at the primary level first (what
// compareByGivenName in app/i18n/format.ts does), then uses tones and case only to break
// ties, so the order is always consistent with compareByGivenName.

const ALPHABET = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz";
// Letters map above U+0100 so that every ASCII space, digit or sign sorts before them.
const LETTER_BASE = 0x100;
const RANK = new Map([...ALPHABET].map((ch, i) => [ch, String.fromCharCode(LETTER_BASE + i)]));

const BREVE = "\u0306";
const CIRCUMFLEX = "\u0302";
const HORN = "\u031b";
const TONES = new Map([
  ["\u0300", "1"], // huyền
  ["\u0309", "2"], // hỏi
  ["\u0303", "3"], // ngã
  ["\u0301", "4"], // sắc
  ["\u0323", "5"], // nặng
]);
const LETTER_MARKS: Record<string, Record<string, string>> = {
  [BREVE]: { a: "ă" },
  [CIRCUMFLEX]: { a: "â", e: "ê", o: "ô" },
  [HORN]: { o: "ơ", u: "ư" },
};

type Levels = { primary: string; secondary: string; tertiary: string };

function levels(s: string): Levels {
  let primary = "";
  let secondary = "";
  let tertiary = "";
  let letter: string | null = null;
  let tone = "0";
  let upper = "0";
  const flush = () => {
    if (letter === null) return;
    primary += RANK.get(letter) ?? letter;
    secondary += tone;
    tertiary += upper;
    letter = null;
    tone = "0";
    upper = "0";
  };
  for (const ch of s.normalize("NFD")) {
    const lower = ch.toLowerCase();
    if (/\p{M}/u.test(ch)) {
      const modified: string | undefined = letter !== null ? LETTER_MARKS[ch]?.[letter] : undefined;
      if (modified) letter = modified;
      else if (TONES.has(ch)) tone = TONES.get(ch)!;
      continue;
    }
    flush();
    letter = lower;
    upper = lower !== ch ? "1" : "0";
  }
  flush();
  return { primary, secondary, tertiary };
}

// Names repeat a great deal (a few thousand distinct given, middle and family names), so the
// levels of each are memoised: an import of thousands of rows computes few of them.
const cache = new Map<string, Levels>();
const CACHE_MAX = 50_000;

function cachedLevels(s: string): Levels {
  let hit = cache.get(s);
  if (!hit) {
    if (cache.size >= CACHE_MAX) cache.clear();
    hit = levels(s);
    cache.set(s, hit);
  }
  return hit;
}

const SEP = "\u0001"; // below every character a name contains: "An" sorts before "Anh"

/** A string whose binary order is the Vietnamese order of people by given name. */
export function viSortKey(given: string, family: string, middle: string): string {
  const [g, f, m] = [cachedLevels(given), cachedLevels(family), cachedLevels(middle)];
  return [g.primary, f.primary, m.primary, g.secondary, f.secondary, m.secondary, g.tertiary + f.tertiary + m.tertiary].join(SEP);
}
