import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { signOut } from "~/models/accounts.server";
import { currentSession, sessionCookie } from "~/utils/request.server";

// Sign-out is a POST (never mutate on GET); a GET just goes home.
export const loader = () => redirect("/");

export async function action({ request }: ActionFunctionArgs) {
  const session = await currentSession(request);
  if (session) signOut(session.ctx, session.token);
  return redirect("/dang-nhap?da-dang-xuat", {
    headers: { "Set-Cookie": await sessionCookie(request).serialize("", { maxAge: 0 }) },
  });
}
