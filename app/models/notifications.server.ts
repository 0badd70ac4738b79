// In-app notifications: each person reads and marks only their own. Reading is not evidence,
// so marking as read writes no ledger event.
import { and, count, desc, eq, isNull } from "drizzle-orm";
import { notifications } from "../../db/schema";
import { sessionStatements } from "~/auth/session-statements.server";
import { nowIso, write, type Ctx } from "./context.server";
import { forbidden, notFound } from "./errors";

export const NOTIFICATION_PAGE_SIZE = 25;

export type NotificationRow = { id: number; key: string; params: Record<string, string | number>; href: string; createdAt: string; readAt: string | null };

function me(ctx: Ctx): number {
  if (!ctx.actor) throw forbidden();
  return ctx.actor.personId;
}

export function listMyNotifications(ctx: Ctx, input: { page?: number; unreadOnly?: boolean } = {}) {
  const personId = me(ctx);
  const page = Math.max(1, input.page ?? 1);
  const where = and(eq(notifications.personId, personId), input.unreadOnly ? isNull(notifications.readAt) : undefined);
  const total = ctx.db.select({ n: count() }).from(notifications).where(where).get()!.n;
  const rows = ctx.db
    .select({ id: notifications.id, key: notifications.key, params: notifications.params, href: notifications.href, createdAt: notifications.createdAt, readAt: notifications.readAt })
    .from(notifications)
    .where(where)
    .orderBy(desc(notifications.id))
    .limit(NOTIFICATION_PAGE_SIZE)
    .offset((page - 1) * NOTIFICATION_PAGE_SIZE)
    .all();
  return {
    total,
    page,
    unread: unreadCount(ctx),
    rows: rows.map(({ params, ...r }): NotificationRow => ({ params: safeParams(params), ...r })),
  };
}

function safeParams(text: string): Record<string, string | number> {
  try {
    const value = JSON.parse(text) as unknown;
    return value && typeof value === "object" ? (value as Record<string, string | number>) : {};
  } catch {
    return {};
  }
}

/** Mark one of my notifications read; someone else's is not found. */
export function markRead(ctx: Ctx, id: number): void {
  const personId = me(ctx);
  write(ctx, (tx) => {
    const row = Number.isSafeInteger(id) && id > 0
      ? tx.select({ id: notifications.id, personId: notifications.personId, readAt: notifications.readAt }).from(notifications).where(eq(notifications.id, id)).get()
      : undefined;
    if (!row || row.personId !== personId) throw notFound();
    if (row.readAt) return;
    tx.update(notifications).set({ readAt: nowIso(ctx) }).where(eq(notifications.id, id)).run();
  });
}

export function markAllRead(ctx: Ctx): number {
  const personId = me(ctx);
  return write(ctx, (tx) =>
    tx.update(notifications).set({ readAt: nowIso(ctx) }).where(and(eq(notifications.personId, personId), isNull(notifications.readAt))).run().changes,
  );
}

export function unreadCount(ctx: Ctx): number {
  if (!ctx.actor) return 0;
  return sessionStatements(ctx.db.$client).unread.get(ctx.actor.personId)!.n;
}
