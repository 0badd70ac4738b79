/**
 * Fold Vietnamese text for search: lower case, no diacritics, đ → d, single spaces.
 * "Phường Bến Thành" → "phuong ben thanh". Used when storing search columns and for queries.
 */
export function fold(s: string): string {
  return s
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}

/** Escape LIKE wildcards so user text matches literally (use with ESCAPE '\'). */
export function likeEscape(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}
