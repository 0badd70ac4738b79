// Every list, count and search the pages run, for each kind of actor, is checked with EXPLAIN
// QUERY PLAN (issue 5): no statement reads a large table whole (a SCAN without an index) and no
// paginated statement over a large table sorts its matches (USE TEMP B-TREE FOR ORDER BY). The
// database is small but has no statistics, exactly like production (nothing runs ANALYZE), so
// the planner plans as it would for a city. QUERY_PLANS=1 prints every plan.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { forgetRemembered } from "~/models/count-memo.server";
import type { Ctx } from "~/models/context.server";
import { DomainError } from "~/models/errors";
import { homeCards } from "~/models/home.server";
import { inboxView, registrationOptions } from "~/models/initiatives-forms.server";
import { listInbox, type InboxFilters } from "~/models/initiatives-inbox.server";
import { listMine as listMyInitiatives } from "~/models/initiatives-lists.server";
import { getInitiative } from "~/models/initiatives-read.server";
import { listAttachments } from "~/models/attachments.server";
import { findAssignees, getTask, listTasksForLeader, listTasksReachingMe, taskFormOptions } from "~/models/tasks-read.server";
import { taskRegistrations } from "~/models/tasks-registrations.server";
import { createTask, publishTask } from "~/models/tasks.server";
import { listPeople } from "~/models/people-list.server";
import { getPerson } from "~/models/people.server";
import { grantsOf, myGrants } from "~/models/grants.server";
import { browseTree, getOrgDetail, listChildren, moveOptions, searchOrgs } from "~/models/orgs-read.server";
import { matchOrgs } from "~/models/org-pick.server";
import { listEvents } from "~/models/ledger-query.server";
import { listMyNotifications, unreadCount } from "~/models/notifications.server";
import { listQueue, queueCounts } from "~/models/scoring-queue.server";
import { getSheet } from "~/models/scoring.server";
import { findPeopleFor, listCouncils } from "~/models/councils.server";
import { councilView } from "~/models/councils-view.server";
import { assignableInitiatives } from "~/models/councils-assign.server";
import { recordDecision } from "~/models/decisions.server";
import { councilForViewer, decisionForm, decisionsForInitiative, getDecision } from "~/models/decisions-read.server";
import { creditOverview, creditRulesView, creditTable, myCredit } from "~/models/credit.server";
import { reportsFor, reportsToConfirm, submitReport } from "~/models/result-reports.server";
import { createDraft as createProposal, submit as submitProposal } from "~/models/proposals.server";
import { getProposal, listMine as listMyProposals, listToDecide } from "~/models/proposals-read.server";
import { listRubrics, rubricChoices } from "~/models/rubrics.server";
import { listHolidays } from "~/models/calendar.server";
import { listPendingImports } from "~/models/import.server";
import { search } from "~/models/search.server";
import { INBOX_SORTS } from "~/schemas/initiatives";
import { capture, formatPlan, planOf, planProblems, type PlanRules } from "../helpers/query-plan";
import { council, VALID, type Setup } from "./decisions-fixture";
import { PLAN } from "./proposals-fixture";

/** Tables that grow with the city: never read whole. */
const LARGE = new Set([
  "organizations", "organization_versions", "people", "accounts", "role_grants", "sessions", "ledger_events", "ledger_payloads",
  "import_batches", "tasks", "task_targets", "task_assignees", "notifications", "initiatives", "initiative_versions",
  "initiative_authors", "attachments", "councils", "council_members", "council_items", "evaluations", "evaluation_scores",
  "conflicts", "decisions", "credit_entries", "result_reports", "report_files", "proposals", "proposal_votes", "rubrics",
]);
// Small reference tables, read whole on purpose:
//   rubric_criteria — a handful per rubric, read by rubric id anyway;
//   holidays        — a few dozen days a year (the calendar page lists a year of them);
//   credit_rules    — three rows, one per recognition level;
//   registration_counters — one row per prefix and year.

/** Whole-table walks that are not full reads, each with its reason. */
function allowScan(table: string, sql: string): boolean {
  // The ledger is keyset-paginated: whole-tree readers walk seq (the rowid) backwards and stop
  // after one page (LIMIT), see ledger-query.server.ts. There is no OFFSET and no COUNT.
  if (table === "ledger_events" && /order by "ledger_events"\."seq" (desc|asc) limit \?$/i.test(sql.trim())) return true;
  return false;
}

/** A value of these columns selects few rows (one person's notifications, sheets, proposals;
 * one council's items; one initiative's authors, versions, decisions): sorting them is cheap. */
const BOUNDED_KEYS = new Set([
  "person_id", "created_by", "evaluator_id", "proposer_id", "actor_id", "council_id", "initiative_id", "item_id", "decision_id",
  "report_id", "rubric_id", "parent_id", "task_id", "decider_org_id", "receiving_org_id", "org_id",
]);

/** Sorted pages allowed anyway, each with its reason. */
function allowSort(sql: string): boolean {
  // The ledger probes how many events a subtree reader's scope holds and sorts only when they
  // are few (under DENSE = 5,000); above that it walks seq backwards (ledger-query.server.ts).
  if (/^select .* from "ledger_events"/i.test(sql) && /"ledger_events"\."org_id" in \(select/i.test(sql)) return true;
  return false;
}

const RULES: PlanRules = { large: LARGE, boundedKeys: BOUNDED_KEYS, allowScan, allowSort };

/**
 * Pages that still sort every match in the actor's scope (a subtree's path range, then the
 * rows of each organization in it) to show one page: cheap for a cell or a ward, costly for
 * the city's leaders, inspection and administrators. Known and listed here so that no new one
 * slips in; each is to be fixed (walk an index in the page's order, or probe the scope's size
 * as ledger-query.server.ts does) and then removed from this list — the last test fails on an
 * entry that no longer sorts.
 */
const KNOWN_SCOPE_SORTS: Record<string, string> = {
  // Only below 2,000 rows in scope: a larger inbox (a city's) walks the order's index (inboxPage).
  "listInbox newest": "receiving orgs of the scope, then sort by submitted_at",
  "listInbox oldest": "same",
  "listInbox status": "same, the status kept off its index so that a ward's rows are read through its organizations",
  "listInbox accepted oldest": "same",
  "listInbox year": "same, the period kept off the submission index for the same reason",
  "listInbox due": "same, by decision_due_on",
  "listInbox number": "same, by registration number",
  "listInbox area": "same",
  "listInbox org": "same, within the chosen organization's subtree",
  "listInbox quarter due": "same",
  "listInbox all filters": "status and period range, then sort by registration number",
  inboxView: "the inbox, and the organization filter resolved (matchOrgs, ranked)",
  "inboxView by name": "same",
  registrationOptions: "open tasks reaching the actor, by deadline (few per organization path)",
  listTasksForLeader: "tasks posted in the scope, by deadline",
  listTasksReachingMe: "tasks of the status, filtered by reach, by deadline",
  "listTasksReachingMe mine": "same",
  findAssignees: "people of the subtree matching a name, by sort key",
  listPeople: "people of the scope by sort key",
  "listPeople q": "same, filtered by name",
  "listPeople org": "same, within an organization",
  "listPeople locked": "same",
  "listPeople inactive": "same",
  searchOrgs: "organizations of the scope matching a name, ranked",
  "searchOrgs kind": "same",
  moveOptions: "same, for the move form",
  matchOrgs: "same, for organization pickers",
  "matchOrgs people": "same, as the people form's box is typed in",
  "listEvents org name": "organizations matching a name, by depth and name (at most 50 kept)",
  "listEvents action period": "a short period's events from the `at` index, by seq",
  listCouncils: "councils of the scope or where the actor sits, by year",
  assignableInitiatives: "accepted registrations of the council's subtree, by acceptance",
  findPeopleFor: "people of the council's subtree matching a name",
  creditTable: "credit of the scope, grouped per person, by total",
  "creditTable all years": "same",
  creditOverview: "same",
  listRubrics: "rubrics of the scope",
  rubricChoices: "same",
};
const knownSeen = new Set<string>();

type Call = { label: string; ctx: Ctx; fn: (ctx: Ctx) => unknown };

let s: Setup;
let ids: { taskId: number; decisionId: number; proposalId: number; admin: number; evaluator: number; secretary: number };

beforeAll(() => {
  s = council();
  const { t, o, p, q } = s;
  s.score([80, 72]);
  const decisionId = recordDecision(s.as(q.secretary), s.itemId, VALID).id;
  submitReport(s.as(p.cadre), s.initiativeId, { measuredBenefit: "Giảm 40 % thời gian tra cứu.", appliedFrom: "01/10/2026" });
  const leader = s.as(p.wardLeader);
  const taskId = createTask(leader, {
    orgId: o.p1, title: "Phòng ngừa nhũng nhiễu", areas: ["corruption", "waste"], description: "x", periodYear: 2026, periodQuarter: 4,
    deadline: "2026-12-31", targets: ["P1-G"], assignees: ["canbo"],
  }).id;
  publishTask(leader, taskId);
  t.grant(q.chair, "leader", o.g); // the grassroots committee decides the cell leader's proposal
  const proposalId = createProposal(s.as(p.cellLeader), PLAN).id;
  submitProposal(s.as(p.cellLeader), proposalId);
  const admin = t.person(o.city, { given: "Quản", username: "quantri" });
  t.grant(admin, "admin", o.city);
  t.grant(q.secretary, "secretary", o.p1);
  t.grant(q.m1, "evaluator", o.p1);
  ids = { taskId, decisionId, proposalId, admin, evaluator: q.m1, secretary: q.secretary };
});
afterAll(() => s.t.close());

function actors(): Record<string, Ctx> {
  const { p } = s;
  return {
    cadre: s.as(p.cadre),
    cellLeader: s.as(p.cellLeader),
    wardLeader: s.as(p.wardLeader),
    cityLeader: s.as(p.cityLeader),
    inspector: s.as(p.inspector),
    secretary: s.as(ids.secretary),
    evaluator: s.as(ids.evaluator),
    admin: s.as(ids.admin),
  };
}

/** Run each call as each actor, EXPLAIN what it ran, and return the problems found: one
 * entry per statement and problem, with the calls that ran it. */
function check(calls: (a: Record<string, Ctx>) => Call[]): { problems: string[]; statements: number } {
  const sqlite = s.t.handle.sqlite;
  const found = new Map<string, Set<string>>();
  let statements = 0;
  for (const { label, ctx, fn } of calls(actors())) {
    forgetRemembered(ctx.db);
    const seen = capture(sqlite, () => {
      try {
        fn(ctx);
      } catch (e) {
        // Refusals are part of the pages too: what ran before them is checked as well.
        if (!(e instanceof DomainError)) throw e;
      }
    });
    for (const st of seen) {
      if (!/^\s*(select|with)\b/i.test(st.sql)) continue;
      const plan = planOf(sqlite, st);
      statements++;
      if (process.env.QUERY_PLANS) console.log(`[${label}] ${st.sql}\n${formatPlan(plan)}`);
      const call = label.replace(/ as \w+$/, "");
      for (const problem of planProblems(st.sql, plan, RULES)) {
        if (problem.startsWith("sorts") && call in KNOWN_SCOPE_SORTS) {
          knownSeen.add(call);
          continue;
        }
        const key = `${problem}\n    ${st.sql}\n${formatPlan(plan)}`;
        found.set(key, (found.get(key) ?? new Set()).add(call));
      }
    }
  }
  return { problems: [...found].map(([key, labels]) => `[${[...labels].join(", ")}] ${key}`), statements };
}

const each = (a: Record<string, Ctx>, label: string, fn: (ctx: Ctx) => unknown, who = Object.keys(a)): Call[] =>
  who.map((name) => ({ label: `${label} as ${name}`, ctx: a[name], fn }));

describe("query plans of lists, counts and searches", () => {
  it("the plan check fails on a full scan and on a sorted large page", () => {
    const sqlite = s.t.handle.sqlite;
    const scan = { sql: "select id from people where position = ?", params: ["x"] };
    expect(planProblems(scan.sql, planOf(sqlite, scan), RULES)).toEqual([expect.stringMatching(/^full scan of people/)]);
    const aliased = { sql: `select "p"."id" from "people" "p" where "p"."position" = ?`, params: ["x"] };
    expect(planProblems(aliased.sql, planOf(sqlite, aliased), RULES)).toEqual([expect.stringMatching(/^full scan of people/)]);
    const sorted = { sql: "select id from initiatives where status > ? order by title limit 25", params: ["a"] };
    expect(planProblems(sorted.sql, planOf(sqlite, sorted), RULES)).toEqual([expect.stringMatching(/^sorts a large paginated list/)]);
    const indexed = { sql: "select id from people where org_id = ? order by given_name limit 25", params: [1] };
    expect(planProblems(indexed.sql, planOf(sqlite, indexed), RULES)).toEqual([]);
    // One person's rows, sorted: few; a WHERE that is constantly false reads nothing.
    const bounded = { sql: "select id from notifications where person_id = ? order by created_at limit 25", params: [1] };
    expect(planProblems(bounded.sql, planOf(sqlite, bounded), RULES)).toEqual([]);
    const none = { sql: `select "id" from "people" where ((0 and "people"."active" = ?) and "people"."position" = ?)`, params: [1, "x"] };
    expect(planProblems(none.sql, planOf(sqlite, none), RULES)).toEqual([]);
  });

  it("initiatives: mine, the inbox with every filter and sort, the form's choices, the detail", () => {
    const { problems, statements } = check((a) => [
      ...each(a, "listMine", (c) => listMyInitiatives(c, 1)),
      ...each(a, "listMine p2", (c) => listMyInitiatives(c, 2)),
      ...INBOX_SORTS.flatMap((sort) => each(a, `listInbox ${sort}`, (c) => listInbox(c, { sort, page: 2 }))),
      ...each(a, "listInbox status", (c) => listInbox(c, { status: "submitted" })),
      ...each(a, "listInbox accepted oldest", (c) => listInbox(c, { status: "accepted", sort: "oldest" })),
      ...each(a, "listInbox task", (c) => listInbox(c, { taskId: ids.taskId })),
      ...each(a, "listInbox area", (c) => listInbox(c, { area: "corruption" })),
      ...each(a, "listInbox org", (c) => listInbox(c, { orgId: s.o.g })),
      ...each(a, "listInbox year", (c) => listInbox(c, { year: 2026 })),
      ...each(a, "listInbox quarter due", (c) => listInbox(c, { year: 2026, quarter: 4, sort: "due" })),
      ...each(a, "listInbox all filters", (c) =>
        listInbox(c, { status: "evaluating", taskId: ids.taskId, area: "waste", orgId: s.o.p1, year: 2026, quarter: 4, sort: "number", page: 3 }),
      ),
      ...each(a, "inboxView", (c) =>
        inboxView(c, { view: null, status: null, taskId: ids.taskId, area: null, org: "P1-G", year: 2026, quarter: null, sort: "oldest" }, 1),
      ),
      ...each(a, "inboxView by name", (c) =>
        inboxView(c, { view: null, status: "submitted", taskId: null, area: "corruption", org: "phuong", year: null, quarter: null, sort: null }, 1),
      ),
      ...each(a, "registrationOptions", (c) => registrationOptions(c, ids.taskId)),
      ...each(a, "getInitiative", (c) => getInitiative(c, s.initiativeId)),
      ...each(a, "listAttachments", (c) => listAttachments(c, s.initiativeId)),
    ]);
    expect(problems).toEqual([]);
    expect(statements).toBeGreaterThan(200);
  });

  it("a ward's inbox sorts its page's ids from initiatives_receiving_idx alone, for every order and the row's filters", () => {
    // (A task's registrations are read through initiatives_task_idx instead: they are few.)
    const sqlite = s.t.handle.sqlite;
    const ward = actors().wardLeader;
    const pages: InboxFilters[] = [
      ...INBOX_SORTS.map((sort) => ({ sort, page: 2 })),
      { status: "evaluating", area: "waste", year: 2026, quarter: 4, sort: "number" },
      { status: "accepted", year: 2026, sort: "due" },
    ];
    for (const filters of pages) {
      forgetRemembered(ward.db);
      const sorted = capture(sqlite, () => listInbox(ward, filters)).filter((st) => /^select "initiatives"\."id" from/i.test(st.sql) && /order by/i.test(st.sql));
      expect(sorted.length, JSON.stringify(filters)).toBe(1);
      const plan = formatPlan(planOf(sqlite, sorted[0]!));
      expect(plan, JSON.stringify(filters)).toContain("COVERING INDEX initiatives_receiving_idx");
    }
  });

  it("tasks: the leader's list, the lists that reach me, registrations, the form", () => {
    const { problems, statements } = check((a) => [
      ...each(a, "listTasksForLeader", (c) => listTasksForLeader(c, { page: 1 })),
      ...each(a, "listTasksForLeader filters", (c) => listTasksForLeader(c, { status: "published", area: "waste", year: 2026, quarter: 4, page: 2 })),
      ...each(a, "listTasksForLeader nearDue", (c) => listTasksForLeader(c, { nearDue: true })),
      ...each(a, "listTasksReachingMe", (c) => listTasksReachingMe(c, { page: 1 })),
      ...each(a, "listTasksReachingMe mine", (c) => listTasksReachingMe(c, { mine: true, status: "published", area: "corruption", year: 2026 })),
      ...each(a, "getTask", (c) => getTask(c, ids.taskId)),
      ...each(a, "taskRegistrations", (c) => taskRegistrations(c, ids.taskId)),
      ...each(a, "taskFormOptions", (c) => taskFormOptions(c)),
      ...each(a, "findAssignees", (c) => findAssignees(c, s.o.p1, "lan can")),
    ]);
    expect(problems).toEqual([]);
    expect(statements).toBeGreaterThan(50);
  });

  it("people, grants and the organization tree", () => {
    const { problems, statements } = check((a) => [
      ...each(a, "listPeople", (c) => listPeople(c, {})),
      ...each(a, "listPeople q", (c) => listPeople(c, { q: "nguyen lan", page: 2 })),
      ...each(a, "listPeople org", (c) => listPeople(c, { orgId: s.o.p1, account: "chua-kich-hoat" })),
      ...each(a, "listPeople locked", (c) => listPeople(c, { account: "dang-khoa" })),
      ...each(a, "listPeople inactive", (c) => listPeople(c, { account: "ngung" })),
      ...each(a, "getPerson", (c) => getPerson(c, s.p.cadre)),
      ...each(a, "grantsOf", (c) => grantsOf(c, s.p.cadre)),
      ...each(a, "myGrants", (c) => myGrants(c)),
      ...each(a, "browseTree", (c) => browseTree(c, { expanded: [s.o.p1, s.o.g] })),
      ...each(a, "listChildren", (c) => listChildren(c, s.o.p1, { includeClosed: true, page: 1 })),
      ...each(a, "getOrgDetail", (c) => getOrgDetail(c, s.o.p1)),
      ...each(a, "searchOrgs", (c) => searchOrgs(c, { q: "to chuc p1" })),
      ...each(a, "searchOrgs kind", (c) => searchOrgs(c, { q: "P1-G", kind: "grassroots", includeClosed: true, page: 2 })),
      ...each(a, "moveOptions", (c) => moveOptions(c, s.o.c2, { q: "to chuc" })),
      ...each(a, "matchOrgs", (c) => matchOrgs(c, "to chuc", "initiative.receive")),
      ...each(a, "matchOrgs people", (c) => matchOrgs(c, "chi bo", "person.manage", 20)),
      ...each(a, "listPendingImports", (c) => listPendingImports(c)),
    ]);
    expect(problems).toEqual([]);
    expect(statements).toBeGreaterThan(80);
  });

  it("the ledger, notifications and the home page's cards", () => {
    const { problems, statements } = check((a) => [
      ...each(a, "listEvents", (c) => listEvents(c, {})),
      ...each(a, "listEvents older", (c) => listEvents(c, { before: 5 })),
      ...each(a, "listEvents newer", (c) => listEvents(c, { after: 2 })),
      ...each(a, "listEvents org", (c) => listEvents(c, { orgQuery: "P1" })),
      ...each(a, "listEvents org name", (c) => listEvents(c, { orgQuery: "to chuc", subtree: false })),
      ...each(a, "listEvents actor", (c) => listEvents(c, { actorQuery: "lan" })),
      ...each(a, "listEvents entity", (c) => listEvents(c, { entity: "initiative" })),
      ...each(a, "listEvents entity id", (c) => listEvents(c, { entity: "initiative", entityId: String(s.initiativeId) })),
      ...each(a, "listEvents action period", (c) => listEvents(c, { action: "initiative.submitted", from: "01/11/2026", to: "30/11/2026" })),
      ...each(a, "listEvents long period", (c) => listEvents(c, { from: "01/01/2026", to: "31/12/2026" })),
      ...each(a, "listMyNotifications", (c) => listMyNotifications(c, { page: 1 })),
      ...each(a, "listMyNotifications unread", (c) => listMyNotifications(c, { unreadOnly: true, page: 2 })),
      ...each(a, "unreadCount", (c) => unreadCount(c)),
      ...each(a, "homeCards", (c) => homeCards(c)),
    ]);
    expect(problems).toEqual([]);
    expect(statements).toBeGreaterThan(100);
  });

  it("evaluation: the scoring queue, councils, decisions, credit, reports, proposals", () => {
    const { problems, statements } = check((a) => [
      ...(["all", "pending", "overdue", "done"] as const).flatMap((tab) => each(a, `listQueue ${tab}`, (c) => listQueue(c, { tab, page: 1 }))),
      ...each(a, "queueCounts", (c) => queueCounts(c)),
      ...each(a, "getSheet", (c) => getSheet(c, s.sheets[0])),
      ...each(a, "listCouncils", (c) => listCouncils(c)),
      ...each(a, "councilView", (c) => councilView(c, s.councilId)),
      ...each(a, "councilView page", (c) => councilView(c, s.councilId, { state: "all", page: 1 })),
      ...each(a, "councilView flagged", (c) => councilView(c, s.councilId, { state: "flagged", page: 1 })),
      ...each(a, "assignableInitiatives", (c) => assignableInitiatives(c, s.councilId)),
      ...each(a, "findPeopleFor", (c) => findPeopleFor(c, s.councilId, "nguyen")),
      ...each(a, "decisionForm", (c) => decisionForm(c, s.councilId, s.itemId)),
      ...each(a, "getDecision", (c) => getDecision(c, ids.decisionId)),
      ...each(a, "decisionsForInitiative", (c) => decisionsForInitiative(c, s.initiativeId)),
      ...each(a, "councilForViewer", (c) => councilForViewer(c, s.councilId)),
      ...each(a, "myCredit", (c) => myCredit(c)),
      ...each(a, "creditTable", (c) => creditTable(c, { year: 2026, page: 1 })),
      ...each(a, "creditTable all years", (c) => creditTable(c, { page: 2 })),
      ...each(a, "creditOverview", (c) => creditOverview(c, { year: 2026 })),
      ...each(a, "creditRulesView", (c) => creditRulesView(c)),
      ...each(a, "reportsFor", (c) => reportsFor(c, s.initiativeId)),
      ...each(a, "reportsToConfirm", (c) => reportsToConfirm(c)),
      ...each(a, "listMyProposals", (c) => listMyProposals(c)),
      ...each(a, "listToDecide", (c) => listToDecide(c)),
      ...each(a, "getProposal", (c) => getProposal(c, ids.proposalId)),
      ...each(a, "listRubrics", (c) => listRubrics(c)),
      ...each(a, "rubricChoices", (c) => rubricChoices(c)),
      ...each(a, "listHolidays", (c) => listHolidays(c, 2026)),
    ]);
    expect(problems).toEqual([]);
    expect(statements).toBeGreaterThan(150);
  });

  it("search (see also search-plan.test.ts)", () => {
    const { problems, statements } = check((a) => [
      ...each(a, "search", (c) => search(c, { q: "so hoa" })),
      ...each(a, "search filtered", (c) => search(c, { q: "phong ngua", type: "tasks", status: "published", area: "corruption", year: 2026, page: 2 })),
      ...each(a, "search initiatives", (c) => search(c, { q: "tiep dan", type: "initiatives", status: "recognised", year: 2026 })),
    ]);
    expect(problems).toEqual([]);
    expect(statements).toBeGreaterThan(20);
  });

  it("lists no known scope sort that no longer sorts", () => {
    expect(Object.keys(KNOWN_SCOPE_SORTS).filter((call) => !knownSeen.has(call))).toEqual([]);
  });
});
