// What an uploaded file really is, read from its bytes (never its name or the browser's
// Content-Type): magic numbers for PDF and images, and for Office Open XML a look inside the
// ZIP container (its central directory and [Content_Types].xml), so that an XLSX renamed .docx,
// a macro-enabled document, or any other ZIP is told apart. No package in the tree does this
// for CommonJS (file-type is ESM-only), and the checks are few.
import { inflateRawSync } from "node:zlib";
import type { Detected } from "./file-kinds";

export { ACCEPT, EXTENSIONS, MEDIA_TYPES, type Detected } from "./file-kinds";

/** What the bytes may be besides an accepted type: a legacy Word/Excel file (OLE2), or unknown. */
export type Sniffed = Detected | "legacyOffice" | "unknown";

const startsWith = (bytes: Uint8Array, sig: number[], at = 0) => bytes.length >= at + sig.length && sig.every((b, i) => bytes[at + i] === b);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

export function sniff(bytes: Uint8Array): Sniffed {
  // PDF: "%PDF-" at the start (the standard allows it within the first 1024 bytes; readers do).
  const head = bytes.subarray(0, 1024);
  const pdf = ascii("%PDF-");
  for (let i = 0; i + pdf.length <= head.length; i++) if (startsWith(head, pdf, i)) return "pdf";
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "png";
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "jpeg";
  if (startsWith(bytes, ascii("GIF87a")) || startsWith(bytes, ascii("GIF89a"))) return "gif";
  if (startsWith(bytes, ascii("RIFF")) && startsWith(bytes, ascii("WEBP"), 8)) return "webp";
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return "legacyOffice";
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return officeKind(bytes);
  return "unknown";
}

// The main part's content type declared by a Word document or an Excel workbook without macros.
const MAIN_TYPES: [Exclude<Detected, "pdf" | "png" | "jpeg" | "gif" | "webp">, string, string][] = [
  ["docx", "word/document.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"],
  ["xlsx", "xl/workbook.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"],
];

function officeKind(bytes: Uint8Array): Sniffed {
  const entries = zipEntries(bytes);
  if (!entries) return "unknown";
  const types = entries.get("[Content_Types].xml");
  const xml = types ? readEntry(bytes, types) : null;
  if (xml === null) return "unknown";
  const found = MAIN_TYPES.filter(([, part, type]) => entries.has(part) && xml.includes(type));
  return found.length === 1 ? found[0][0] : "unknown";
}

type Entry = { method: number; compressedSize: number; size: number; localOffset: number };

/** The central directory of a ZIP: name → where its data is. Null when it is not a readable ZIP. */
export function zipEntries(bytes: Uint8Array): Map<string, Entry> | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65535); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = view.getUint16(eocd + 10, true);
  let offset = view.getUint32(eocd + 16, true);
  const entries = new Map<string, Entry>();
  for (let n = 0; n < count; n++) {
    if (offset + 46 > bytes.length || view.getUint32(offset, true) !== 0x02014b50) return null;
    const nameLength = view.getUint16(offset + 28, true);
    if (offset + 46 + nameLength > bytes.length) return null;
    const name = new TextDecoder().decode(bytes.subarray(offset + 46, offset + 46 + nameLength));
    entries.set(name, {
      method: view.getUint16(offset + 10, true),
      compressedSize: view.getUint32(offset + 20, true),
      size: view.getUint32(offset + 24, true),
      localOffset: view.getUint32(offset + 42, true),
    });
    offset += 46 + nameLength + view.getUint16(offset + 30, true) + view.getUint16(offset + 32, true);
  }
  return entries;
}

// [Content_Types].xml is a few KB; anything claiming more is not read (zip bombs).
const MAX_TYPES_BYTES = 1024 * 1024;

function readEntry(bytes: Uint8Array, e: Entry): string | null {
  if (e.size > MAX_TYPES_BYTES || e.compressedSize > MAX_TYPES_BYTES) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = e.localOffset;
  if (at + 30 > bytes.length || view.getUint32(at, true) !== 0x04034b50) return null;
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const data = bytes.subarray(start, start + e.compressedSize);
  if (data.length !== e.compressedSize) return null;
  try {
    const raw = e.method === 0 ? data : e.method === 8 ? inflateRawSync(data, { maxOutputLength: MAX_TYPES_BYTES }) : null;
    return raw ? new TextDecoder().decode(raw) : null;
  } catch {
    return null;
  }
}

/** The extension of a file name, lower case, without the dot ("" when it has none). */
export function extensionOf(fileName: string): string {
  return /\.([A-Za-z0-9]{1,10})$/.exec(fileName)?.[1]?.toLowerCase() ?? "";
}
