// What each role has to do now: the counts behind the home page's cards.
import { and, count, eq, exists, gte, isNull, or, sql } from "drizzle-orm";
import { accounts, ledgerEvents, organizations, people } from "../../db/schema";
import { canAnywhere, canViewLedgerOf } from "~/auth/policy";
import type { Ctx } from "./context.server";
import { actorKey } from "./compiled.server";
import { memoCount } from "./count-memo.server";
import { pathScope } from "./scope.server";
import { homeCreditCards } from "./credit.server";
import { homeInitiativeCards, type InitiativeHomeCard } from "./initiatives-inbox.server";
import { homeProposalCards, type ProposalHomeCard } from "./proposals-read.server";
import { homeReportCards } from "./result-reports.server";
import { homeScoringCards, type ScoringHomeCard } from "./scoring-queue.server";
import { homeTaskCards, type TaskHomeCard } from "./tasks-read.server";

export type HomeCard = {
  key: "awaitingPassword" | "locked" | "import" | "orgs" | "ledger" | "members" | TaskHomeCard["key"] | InitiativeHomeCard["key"] | ScoringHomeCard["key"] | ProposalHomeCard["key"] | "credit.mine" | "reports.pending";
  count: number | null;
  href: string;
};

export function homeCards(ctx: Ctx): HomeCard[] {
  const actor = ctx.actor;
  if (!actor) return [];
  // Work first (tasks, notifications), administration after.
  const cards: HomeCard[] = [
    ...homeInitiativeCards(ctx),
    ...homeScoringCards(ctx),
    ...homeReportCards(ctx),
    ...homeProposalCards(ctx),
    ...homeTaskCards(ctx),
    ...homeCreditCards(ctx),
  ];
  const now = ctx.now().toISOString();
  const scope = actorKey(actor);
  if (canAnywhere(actor, "person.manage")) {
    const inCare = () => and(pathScope(organizations.path, actor, "person.manage"), eq(people.active, true));
    const awaiting = memoCount(ctx.db, `home awaitingPassword\u0000${scope}`, () =>
      ctx.db
        .select({ n: count() })
        .from(people)
        .innerJoin(organizations, eq(organizations.id, people.orgId))
        .leftJoin(accounts, eq(accounts.personId, people.id))
        .where(and(inCare(), or(isNull(accounts.id), isNull(accounts.passwordHash)))),
    );
    // The few locked accounts first (accounts_locked_idx), each then checked against the scope:
    // joined the other way round, the planner walked every person of a city's scope.
    const inScope = ctx.db
      .select({ one: sql`1` })
      .from(people)
      .innerJoin(organizations, eq(organizations.id, people.orgId))
      .where(and(eq(people.id, accounts.personId), inCare()));
    const locked = ctx.db
      .select({ n: count() })
      .from(accounts)
      .where(and(gte(accounts.lockedUntil, now), exists(inScope)))
      .get()!.n;
    cards.push({ key: "awaitingPassword", count: awaiting, href: "/quan-tri/can-bo?tai-khoan=chua-kich-hoat" });
    cards.push({ key: "locked", count: locked, href: "/quan-tri/can-bo?tai-khoan=dang-khoa" });
  }
  if (canAnywhere(actor, "people.import")) cards.push({ key: "import", count: null, href: "/quan-tri/nhap-danh-sach" });
  if (canAnywhere(actor, "org.manage")) {
    const orgs = memoCount(ctx.db, `home orgs\u0000${scope}`, () =>
      ctx.db.select({ n: count() }).from(organizations).where(and(pathScope(organizations.path, actor, "org.manage"), isNull(organizations.validTo))),
    );
    cards.push({ key: "orgs", count: orgs, href: "/quan-tri/to-chuc" });
  }
  if (canAnywhere(actor, "ledger.view")) {
    const since = new Date(ctx.now().getTime() - 24 * 3600_000).toISOString();
    const visible = canViewLedgerOf(actor, null)
      ? or(isNull(ledgerEvents.orgId), pathScope(organizations.path, actor, "ledger.view"))
      : pathScope(organizations.path, actor, "ledger.view");
    const events = ctx.db
      .select({ n: count() })
      .from(ledgerEvents)
      .leftJoin(organizations, eq(organizations.id, ledgerEvents.orgId))
      .where(and(gte(ledgerEvents.at, since), visible))
      .get()!.n;
    cards.push({ key: "ledger", count: events, href: "/so-cai" });
  }
  if (canAnywhere(actor, "person.view") && !canAnywhere(actor, "person.manage")) {
    const members = memoCount(ctx.db, `home members\u0000${scope}`, () =>
      ctx.db
        .select({ n: count() })
        .from(people)
        .innerJoin(organizations, eq(organizations.id, people.orgId))
        .where(and(pathScope(organizations.path, actor, "person.view"), eq(people.active, true))),
    );
    cards.push({ key: "members", count: members, href: "/quan-tri/can-bo" });
  }
  return cards;
}
