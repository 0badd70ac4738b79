// Request-level plumbing: the server context, the session cookie, and the guard that every
// protected loader and action begins with.
import { createCookie, redirect, type Cookie } from "@remix-run/node";
import { getHandle } from "../../db/client";
import { loadOrCreateSecrets, type Secrets } from "../../db/secrets";
import { loadActor } from "~/auth/actor.server";
import type { Actor } from "~/auth/policy";
import { resolveSession, sessionPolicy } from "~/auth/sessions.server";
import { mustChangePassword } from "~/models/accounts.server";
import type { Ctx } from "~/models/context.server";

declare global {
  // eslint-disable-next-line no-var
  var __portalSecrets: Secrets | undefined;
}

export function secrets(): Secrets {
  return (globalThis.__portalSecrets ??= loadOrCreateSecrets());
}

export function baseCtx(actor: Actor | null = null): Ctx {
  return { db: getHandle().db, actor, secrets: secrets(), now: () => new Date() };
}

const cookies = new Map<boolean, Cookie>();

/** The session cookie: HttpOnly, SameSite=Lax, signed, and Secure whenever served over HTTPS. */
export function sessionCookie(request: Request): Cookie {
  const secure = new URL(request.url).protocol === "https:";
  let cookie = cookies.get(secure);
  if (!cookie) {
    cookie = createCookie(secure ? "__Host-sid" : "sid", {
      httpOnly: true,
      sameSite: "lax",
      secure,
      path: "/",
      secrets: [secrets().cookieSecret],
    });
    cookies.set(secure, cookie);
  }
  return cookie;
}

export async function sessionToken(request: Request): Promise<string | null> {
  const value = await sessionCookie(request).parse(request.headers.get("Cookie"));
  return typeof value === "string" && value.length > 0 ? value : null;
}

export type Session = { ctx: Ctx; actor: Actor; token: string };

const sessions = new WeakMap<Request, Promise<Session | null>>();

/** The signed-in actor, or null. Read once per request: the route's loader and the root's both ask
 * (they receive the same Request object: patches/@remix-run+server-runtime*.patch). */
export function currentSession(request: Request): Promise<Session | null> {
  let session = sessions.get(request);
  if (!session) sessions.set(request, (session = readSession(request)));
  return session;
}

async function readSession(request: Request): Promise<Session | null> {
  const token = await sessionToken(request);
  if (!token) return null;
  const ctx = baseCtx();
  const personId = resolveSession(ctx, token, sessionPolicy());
  if (personId === null) return null;
  const actor = loadActor(ctx.db, personId);
  if (!actor) return null;
  return { ctx: { ...ctx, actor }, actor, token };
}

export const CHANGE_PASSWORD_PATH = "/doi-mat-khau";

/** Guard for every protected loader and action: signs in first, and sends a person whose
 * password was issued by an administrator to change it before anything else. */
export async function requireSession(request: Request): Promise<Session> {
  const session = await currentSession(request);
  const url = new URL(request.url);
  if (!session) {
    const next = url.pathname + url.search;
    throw redirect(`/dang-nhap?next=${encodeURIComponent(next)}`, {
      headers: { "Set-Cookie": await sessionCookie(request).serialize("", { maxAge: 0 }) },
    });
  }
  if (url.pathname !== CHANGE_PASSWORD_PATH && mustChangePassword(session.ctx, session.actor.personId)) {
    throw redirect(CHANGE_PASSWORD_PATH);
  }
  return session;
}

/** Only same-site relative paths are followed after sign-in (no open redirect). */
export function safeNext(next: string | null | undefined, fallback = "/"): string {
  if (!next || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return fallback;
  return next;
}
