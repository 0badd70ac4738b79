import { createCookie } from "@remix-run/node";
import type { Lang } from "./format";

export const langCookie = createCookie("lang", { path: "/", sameSite: "lax", httpOnly: true, maxAge: 365 * 24 * 3600 });

export async function requestLang(request: Request): Promise<Lang> {
  const value = await langCookie.parse(request.headers.get("Cookie"));
  return value === "en" ? "en" : "vi";
}
