// Forms of the organization tree administration. Shared by the browser (react-hook-form) and
// the actions; messages are catalog keys. No server imports here.
import { z } from "./z";
import { ORG_KINDS, type OrgKind } from "../../db/enums";
import { parseDate } from "~/i18n/format";
import { noMarkup } from "./common";

/** Kinds an administrator may create (the city root exists; districts were abolished). */
export const CREATABLE_KINDS = ["body", "bloc", "ward", "commune", "special_zone", "grassroots", "cell"] as const satisfies readonly OrgKind[];

/** Every kind, for the search filter (closed districts can still be looked up). */
export const FILTER_KINDS = ORG_KINDS;


const text = (max: number) =>
  z.string().trim().min(1, "errors.required").max(max, "errors.tooLong").refine(noMarkup, "errors.noMarkup");

/** dd/mm/yyyy as typed → 'YYYY-MM-DD'. */
const date = z
  .string()
  .trim()
  .min(1, "errors.required")
  .refine((v) => parseDate(v) !== null, "errors.invalidDate")
  .transform((v) => parseDate(v)!);

export const createOrgSchema = z.object({
  parentId: z.coerce.number<string>().int().positive(),
  code: z
    .string()
    .trim()
    .toUpperCase()
    .min(1, "errors.required")
    .max(40, "errors.tooLong")
    .regex(/^[A-Z0-9-]+$/, "orgs.errors.codeFormat"),
  name: text(200),
  kind: z.enum(CREATABLE_KINDS, { error: "errors.chooseOne" }),
  validFrom: date,
});

export const renameOrgSchema = z.object({
  name: text(200),
  effectiveDate: date,
});

export const moveOrgSchema = z.object({
  newParentCode: z
    .string()
    .trim()
    .toUpperCase()
    .min(1, "errors.required")
    .max(40, "errors.tooLong")
    .regex(/^[A-Z0-9-]+$/, "orgs.errors.codeFormat"),
  effectiveDate: date,
});

export const closeOrgSchema = z.object({
  closedOn: date,
  reason: text(1000),
});

/** The list page's GET filters: ?q=…&loai=ward&gom-giai-the=1&trang=2&mo=12,40 */
export function orgFilters(params: URLSearchParams) {
  const q = (params.get("q") ?? "").trim().slice(0, 100);
  const kindParam = params.get("loai") ?? "";
  const kind = (FILTER_KINDS as readonly string[]).includes(kindParam) ? (kindParam as OrgKind) : null;
  const includeClosed = params.get("gom-giai-the") === "1";
  const expanded = (params.get("mo") ?? "")
    .split(",")
    .map(Number)
    .filter((n) => Number.isSafeInteger(n) && n > 0)
    .slice(0, 20);
  return { q, kind, includeClosed, expanded };
}
