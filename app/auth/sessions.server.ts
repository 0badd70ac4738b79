// Sessions live in the database: signing out or revoking takes effect on the next request.
// The cookie carries a random token; the table keeps only its SHA-256.
import { randomBytes } from "node:crypto";
import { and, eq, isNull, ne } from "drizzle-orm";
import { sessions } from "../../db/schema";
import { sha256Hex } from "~/utils/canonical.server";
import { env } from "~/utils/env.server";
import { sessionStatements } from "./session-statements.server";
import { writeTogether } from "~/models/group-commit.server";
import type { Ctx } from "~/models/context.server";

export type SessionPolicy = { idleMinutes: number; absoluteHours: number };

export function sessionPolicy(): SessionPolicy {
  const e = env();
  return { idleMinutes: e.SESSION_IDLE_MINUTES, absoluteHours: e.SESSION_ABSOLUTE_HOURS };
}

/** Make a session row; returns the token for the cookie. Call inside a write transaction. */
export function newSession(
  tx: Pick<Ctx["db"], "insert">,
  now: Date,
  personId: number,
  userAgent: string | null,
  policy: SessionPolicy,
): string {
  const token = randomBytes(32).toString("base64url");
  tx.insert(sessions)
    .values({
      id: sha256Hex(token),
      personId,
      createdAt: now.toISOString(),
      lastSeenAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + policy.absoluteHours * 3_600_000).toISOString(),
      userAgent: userAgent?.slice(0, 200) ?? null,
    })
    .run();
  return token;
}

// Writing last_seen_at on every request would cost a commit per page view; a minute of
// slack on a 30-minute idle limit is harmless.
const TOUCH_EVERY_MS = 60_000;

/** Touches not yet written, by session id: the time each session was last seen by this process. */
const pendingTouches = new Map<string, string>();

/** The person a token stands for, if the session is alive; touches its idle clock. */
export function resolveSession(ctx: Pick<Ctx, "db" | "now">, token: string, policy: SessionPolicy): number | null {
  const id = sha256Hex(token);
  const statements = sessionStatements(ctx.db.$client);
  const row = statements.session.get(id);
  if (!row) return null;
  const now = ctx.now();
  const pending = pendingTouches.get(id);
  const lastSeen = Date.parse(pending !== undefined && pending > row.lastSeenAt ? pending : row.lastSeenAt);
  const idleDeadline = lastSeen + policy.idleMinutes * 60_000;
  if (now.getTime() >= Date.parse(row.expiresAt) || now.getTime() >= idleDeadline) return null;
  if (now.getTime() - lastSeen >= TOUCH_EVERY_MS) touch(ctx, id, now.toISOString());
  return row.personId;
}

/**
 * Write a session's idle clock with the next group of writes (group-commit.server.ts), without
 * making the request wait. Written at once, each touch was a commit of its own, waiting for the
 * disk and, with two server processes, for the write lock inside SQLite's busy handler, which
 * sleeps on the thread: after a minute without a page, every cadre's next request paid it, and
 * submissions by cadres signed in more than a minute before ran at ~200/s instead of ~300.
 * Until written, the time is kept here, so this process's next request sees it; a touch lost
 * with its process costs at most a minute of idle time.
 */
function touch(ctx: Pick<Ctx, "db">, id: string, at: string): void {
  const scheduled = pendingTouches.has(id);
  pendingTouches.set(id, at);
  if (!scheduled) writeTouch(ctx, id);
}

function writeTouch(ctx: Pick<Ctx, "db">, id: string): void {
  writeTogether(ctx, () => {
    const at = pendingTouches.get(id)!;
    sessionStatements(ctx.db.$client).touch.run(at, id);
    return at;
  }).then(
    // A later touch that came while this one was written is written next.
    (written) => (pendingTouches.get(id) === written ? pendingTouches.delete(id) : writeTouch(ctx, id)),
    (error: unknown) => {
      pendingTouches.delete(id);
      console.error("[session] the idle clock was not written:", error);
    },
  );
}

export function revokeSession(tx: Pick<Ctx["db"], "update">, token: string, now: Date): void {
  tx.update(sessions).set({ revokedAt: now.toISOString() }).where(eq(sessions.id, sha256Hex(token))).run();
}

/** End every session of a person (password change, deactivation, revocation by an admin). */
export function revokeAllSessions(tx: Pick<Ctx["db"], "update">, personId: number, now: Date, exceptToken?: string): void {
  const alive = and(eq(sessions.personId, personId), isNull(sessions.revokedAt));
  const where = exceptToken ? and(alive, ne(sessions.id, sha256Hex(exceptToken))) : alive;
  tx.update(sessions).set({ revokedAt: now.toISOString() }).where(where).run();
}
