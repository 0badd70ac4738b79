// Route helpers of the people pages: an ambiguous organization entry comes back to the form
// with the organizations it matched, so the person can pick a code without JavaScript.
import { json, type TypedResponse } from "@remix-run/node";
import type { Permission } from "~/auth/policy";
import type { Ctx } from "~/models/context.server";
import { matchOrgs } from "~/models/org-pick.server";
import type { FormFailure } from "./http.server";

export type OrgFailure = FormFailure & { candidates: { code: string; name: string }[] };

export async function withOrgCandidates(
  response: TypedResponse<FormFailure>,
  ctx: Ctx,
  text: string | undefined,
  permission: Permission,
): Promise<TypedResponse<OrgFailure>> {
  const body = (await response.json()) as FormFailure;
  const ambiguous = body.fieldErrors.org === "people.org.ambiguous" && text;
  const candidates = ambiguous ? matchOrgs(ctx, text, permission, 8).map(({ code, name }) => ({ code, name })) : [];
  return json<OrgFailure>({ ...body, candidates }, { status: response.status });
}

/** The numeric id of a route parameter, or a 404. */
export function idParam(value: string | undefined): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0 || n > Number.MAX_SAFE_INTEGER) throw json({ message: "not_found" }, { status: 404 });
  return n;
}
