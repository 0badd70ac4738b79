// Where attachment bytes live and what an upload must be: content-addressed files outside
// public/ (nothing serves them but the download route, which asks the model first), the size
// limit, and the check of a file's real type against its name.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import * as z from "zod";
import { extensionOf, EXTENSIONS, MEDIA_TYPES, sniff, type Detected } from "~/utils/file-type.server";
import { invalid } from "./errors";

export const MAX_ATTACHMENTS = 20;
export const MAX_FILE_NAME = 200;

// Read on every call (a few env lookups), not cached: tests and operators may change them.
const settingsSchema = z.object({
  ATTACHMENT_MAX_MB: z.coerce.number().positive().max(1024).default(20),
  ATTACHMENTS_DIR: z.string().min(1).default("data/attachments"),
});

export type AttachmentSettings = { maxBytes: number; maxMb: number; dir: string };

export function attachmentSettings(): AttachmentSettings {
  const s = settingsSchema.parse({ ATTACHMENT_MAX_MB: process.env.ATTACHMENT_MAX_MB || undefined, ATTACHMENTS_DIR: process.env.ATTACHMENTS_DIR || undefined });
  return { maxMb: s.ATTACHMENT_MAX_MB, maxBytes: Math.floor(s.ATTACHMENT_MAX_MB * 1024 * 1024), dir: resolve(s.ATTACHMENTS_DIR) };
}

const SHA256 = /^[0-9a-f]{64}$/;

/** data/attachments/ab/abcdef…: the file of a SHA-256 (a hash only, so never a path escape). */
export function filePathOf(sha256: string): string {
  if (!SHA256.test(sha256)) throw new Error("not a sha256");
  return join(attachmentSettings().dir, sha256.slice(0, 2), sha256);
}

/** Write the bytes under their hash, atomically (a temporary file renamed into place); a file
 * already there has the same bytes and is left alone. */
export function storeFile(sha256: string, bytes: Uint8Array): string {
  const path = filePathOf(sha256);
  if (existsSync(path)) return path;
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${randomBytes(6).toString("hex")}.tmp`;
  try {
    writeFileSync(tmp, bytes, { flag: "wx", flush: true });
    renameSync(tmp, path);
  } catch (error) {
    rmSync(tmp, { force: true });
    throw error;
  }
  return path;
}

/** Basename only, NFC, without control or invisible formatting characters (a right-to-left
 * override can make "exe.pdf" read as "fdp.exe"), spaces collapsed, at most 200 characters
 * with the extension kept. */
export function cleanFileName(name: string): string {
  const base = name.split(/[/\\]/).pop() ?? "";
  const clean = base
    .normalize("NFC")
    .replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, "")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^\.+/, "");
  const chars = [...clean];
  if (chars.length <= MAX_FILE_NAME) return clean;
  const ext = extensionOf(clean);
  const tail = ext ? `.${ext}` : "";
  return chars.slice(0, MAX_FILE_NAME - tail.length).join("").trimEnd() + tail;
}

const fileError = (key: string) => invalid({ file: key });

/** The accepted type of the bytes, when the name's extension agrees with it; else invalid({ file }). */
export function checkFile(fileName: string, bytes: Uint8Array, maxBytes: number): { type: Detected; mediaType: string } {
  if (bytes.length === 0) throw fileError("attachments.errors.empty");
  if (bytes.length > maxBytes) throw fileError("attachments.errors.tooLarge");
  const ext = extensionOf(fileName);
  const claimed = (Object.keys(EXTENSIONS) as Detected[]).find((t) => EXTENSIONS[t].includes(ext));
  const found = sniff(bytes);
  if (found === "legacyOffice") throw fileError("attachments.errors.legacyOffice");
  if (found === "unknown") {
    if (ext === "doc" || ext === "xls") throw fileError("attachments.errors.legacyOffice");
    throw fileError(claimed ? "attachments.errors.disguised" : "attachments.errors.wrongType");
  }
  // An accepted type under a name that says something else: renamed, on purpose or not.
  if (!EXTENSIONS[found].includes(ext)) throw fileError(claimed || ext ? "attachments.errors.disguised" : "attachments.errors.noExtension");
  return { type: found, mediaType: MEDIA_TYPES[found] };
}
