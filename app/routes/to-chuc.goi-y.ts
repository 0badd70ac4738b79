// The organization boxes' suggestions as they are typed in (components/org-suggest.tsx): the
// open organizations of the signed-in person's scope for that box, as JSON. Nothing outside the
// scope is named: the scope is the policy's (pathScope), whatever the query string says.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { matchOrgs, scopePermission, SUGGESTIONS } from "~/models/org-pick.server";
import { isOrgScope } from "~/schemas/org-suggest";
import { requireSession } from "~/utils/request.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const { ctx, actor } = await requireSession(request);
  const params = new URL(request.url).searchParams;
  const scope = params.get("pham-vi");
  if (!isOrgScope(scope)) throw new Response("Not Found", { status: 404 });
  const found = matchOrgs(ctx, (params.get("q") ?? "").slice(0, 100), scopePermission(actor, scope), SUGGESTIONS);
  const options = found.map(({ code, name }) => ({ code, name }));
  return json({ options }, { headers: { "Cache-Control": "private, no-store" } });
}
