// Forms of the people and accounts administration. Shared by the browser (react-hook-form)
// and the actions; messages are catalog keys. No server imports here.
import { z } from "./z";
import { ROLES } from "../../db/enums";
import { parseDate } from "~/i18n/format";
import { noMarkup } from "./common";

/** Every role, in the order the grant form offers them. */
export const GRANTABLE_ROLES = ROLES;

export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]{2,49}$/;
export const MIN_PASSWORD = 12;

const required = (max: number) => z.string().trim().min(1, "errors.required").max(max, "errors.tooLong").refine(noMarkup, "errors.noMarkup");
const optional = (max: number) => z.string().trim().max(max, "errors.tooLong").refine(noMarkup, "errors.noMarkup").optional().default("");

/** A checkbox: "on" (or true with react-hook-form) when ticked, absent otherwise. */
const checkbox = z
  .union([z.boolean(), z.string()])
  .optional()
  .transform((v) => v === true || v === "on" || v === "1");

const personFields = {
  familyName: required(50),
  middleName: optional(50),
  givenName: required(50),
  dateOfBirth: z
    .string()
    .trim()
    .optional()
    .default("")
    .refine((v) => v === "" || parseDate(v) !== null, "errors.invalidDate")
    .transform((v) => (v === "" ? null : parseDate(v))),
  position: optional(200),
  org: required(200),
  partyMember: checkbox,
  email: z
    .string()
    .trim()
    .max(200, "errors.tooLong")
    .optional()
    .default("")
    .refine((v) => v === "" || /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/.test(v), "errors.invalidEmail")
    .transform((v) => (v === "" ? null : v.toLowerCase())),
};

export const personSchema = z.object(personFields);
export type PersonData = z.output<typeof personSchema>;

export const ACCOUNT_MODES = ["none", "generate", "type"] as const;
export type AccountMode = (typeof ACCOUNT_MODES)[number];

const username = z.string().trim().toLowerCase().max(50, "errors.tooLong").optional().default("");
const password = z.string().max(200, "errors.tooLong").optional().default("");

/** Username and password rules shared by the create form and the temporary password form. */
function checkAccount(v: { accountMode: AccountMode; username: string; password: string }, ctx: z.RefinementCtx, usernameNeeded: boolean) {
  if (v.accountMode === "none") return;
  if (usernameNeeded) {
    if (!v.username) ctx.addIssue({ code: "custom", path: ["username"], message: "errors.required" });
    else if (!USERNAME_PATTERN.test(v.username)) ctx.addIssue({ code: "custom", path: ["username"], message: "people.username.format" });
  }
  if (v.accountMode === "type") {
    if (!v.password) ctx.addIssue({ code: "custom", path: ["password"], message: "auth.password.required" });
    else if ([...v.password].length < MIN_PASSWORD) ctx.addIssue({ code: "custom", path: ["password"], message: "auth.password.tooShort" });
  }
}

export const createPersonSchema = z
  .object({ ...personFields, accountMode: z.enum(ACCOUNT_MODES, { error: "errors.chooseOne" }), username, password })
  .superRefine((v, ctx) => checkAccount(v, ctx, true));
export type CreatePersonData = z.output<typeof createPersonSchema>;

/** Issuing a temporary password; the username is asked only when the person has no account. */
export const issuePasswordSchema = z
  .object({
    accountMode: z.enum(["generate", "type"], { error: "errors.chooseOne" }),
    username,
    password,
    needsUsername: z.string().optional(),
  })
  .superRefine((v, ctx) => checkAccount(v, ctx, v.needsUsername === "1"));

export const grantSchema = z.object({
  role: z.enum(GRANTABLE_ROLES, { error: "errors.chooseOne" }),
  org: required(200),
});

/** The list's GET filters: ?q=…&to-chuc=P001&tai-khoan=dang-khoa&trang=2 */
export const peopleFilterSchema = z.object({
  q: z.string().trim().max(100, "errors.tooLong").optional().default(""),
  "to-chuc": z.string().trim().max(200, "errors.tooLong").optional().default(""),
  "tai-khoan": z.enum(["", "chua-kich-hoat", "dang-khoa", "ngung"], { error: "errors.chooseOne" }).optional().default(""),
});
