// The kinds of attachment the portal accepts: their media types and file name extensions.
// Shared by the server (which detects the kind from the bytes) and the pages (labels, `accept`).
export type Detected = "pdf" | "png" | "jpeg" | "gif" | "webp" | "docx" | "xlsx";

export const MEDIA_TYPES: Record<Detected, string> = {
  pdf: "application/pdf",
  png: "image/png",
  jpeg: "image/jpeg",
  gif: "image/gif",
  webp: "image/webp",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

/** The file name extensions each type may carry. */
export const EXTENSIONS: Record<Detected, string[]> = {
  pdf: ["pdf"],
  png: ["png"],
  jpeg: ["jpg", "jpeg"],
  gif: ["gif"],
  webp: ["webp"],
  docx: ["docx"],
  xlsx: ["xlsx"],
};

/** For the file input's `accept` attribute (a hint to the browser; the server decides). */
export const ACCEPT = Object.values(EXTENSIONS)
  .flat()
  .map((e) => `.${e}`)
  .join(",");

/** The kind of a stored media type (for labels), or null. */
export function kindOf(mediaType: string): Detected | null {
  return (Object.keys(MEDIA_TYPES) as Detected[]).find((k) => MEDIA_TYPES[k] === mediaType) ?? null;
}
