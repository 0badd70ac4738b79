// Sessions live in the database: signing out or revoking takes effect on the next request.
// The cookie carries a random token; the table keeps only its SHA-256.
import { randomBytes } from "node:crypto";
import { and, eq, isNull, ne } from "drizzle-orm";
import { sessions } from "../../db/schema";
import { sha256Hex } from "~/utils/canonical.server";
import { env } from "~/utils/env.server";
import { sessionStatements } from "./session-statements.server";
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

/** The person a token stands for, if the session is alive; touches its idle clock. */
export function resolveSession(ctx: Pick<Ctx, "db" | "now">, token: string, policy: SessionPolicy): number | null {
  const id = sha256Hex(token);
  const statements = sessionStatements(ctx.db.$client);
  const row = statements.session.get(id);
  if (!row) return null;
  const now = ctx.now();
  const idleDeadline = Date.parse(row.lastSeenAt) + policy.idleMinutes * 60_000;
  if (now.getTime() >= Date.parse(row.expiresAt) || now.getTime() >= idleDeadline) return null;
  if (now.getTime() - Date.parse(row.lastSeenAt) >= TOUCH_EVERY_MS) {
    statements.touch.run(now.toISOString(), id);
  }
  return row.personId;
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
