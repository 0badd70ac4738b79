import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { langCookie } from "~/i18n/lang.server";
import { safeNext } from "~/utils/request.server";

export const loader = () => redirect("/");

export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData();
  const lang = form.get("lang") === "en" ? "en" : "vi";
  const back = safeNext(typeof form.get("back") === "string" ? String(form.get("back")) : null);
  return redirect(back, { headers: { "Set-Cookie": await langCookie.serialize(lang) } });
}
