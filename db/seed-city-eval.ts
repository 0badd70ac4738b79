// City seed: each unit's score sheet and yearly councils, accepted registrations put before
// them, evaluators' sheets and scores, decisions (with party-style numbers) and the credit
// they give each author.
import { splitPoints, suggestedLevel } from "~/models/credit-split";
import { dateInHcm } from "~/models/orgs-shared.server";
import { scoresSha256 } from "~/models/scoring-shared.server";
import { CITY_NOW, SIZES } from "./seed-city";
import type { City, Root } from "./seed-city-people";
import type { Plan, Step } from "./seed-city-work";

const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();
const CRITERIA = [
  ["Tính mới, sáng tạo", 30],
  ["Khả năng áp dụng, nhân rộng", 30],
  ["Hiệu quả phòng ngừa, lợi ích mang lại", 40],
] as const;
const THRESHOLDS = { unit: 50, ward: 70, city: 85 };
const YEARS = [2024, 2025, 2026];

type Sheet = { id: number; evaluatorId: number; assignedAt: number; submittedAt: number | null; scores: number[]; total: number };
type Decision = { id: number; at: number; level: "unit" | "ward" | "city" | null; number: string; credit: { personId: number | null; name: string; orgId: number | null; shareBp: number; points: number }[] };
export type Evaluation = { councilId: number; itemId: number; at: number; lastAt: number; sheets: Sheet[]; decision?: Decision };
type Council = { id: number; root: Root; year: number; at: number; rubricId: number; criteria: number[]; panel: number[]; secretaryId: number; members: [number, string][] };

export function planEvaluation(city: City, plans: Plan[]) {
  const { sqlite, r } = city;
  const next = (table: string) => ((sqlite.prepare(`SELECT max(id) AS m FROM ${table}`).get() as { m: number | null }).m ?? 0) + 1;
  let [rubricId, criterionId, councilId, itemId, sheetId, decisionId] = ["rubrics", "rubric_criteria", "councils", "council_items", "evaluations", "decisions"].map(next);
  const demo = Object.fromEntries(
    (sqlite.prepare("SELECT a.username, a.person_id AS id FROM accounts a WHERE a.username IN ('bithu', 'thuky', 'giamkhao')").all() as { username: string; id: number }[]).map((a) => [a.username, a.id]),
  );
  const steps: Step[] = [];
  const councils = new Map<string, Council>();
  for (const root of city.roots!) {
    const demoUnit = root.code === "P001";
    const chair = demoUnit ? demo.bithu : root.leaderId;
    const secretary = demoUnit ? demo.thuky : root.secretaryId;
    const evaluators = demoUnit ? [demo.giamkhao, ...root.evaluatorIds] : root.evaluatorIds;
    const rubric = rubricId++;
    const criteria = CRITERIA.map(() => criterionId++);
    const rubricAt = Date.parse("2024-01-09T02:00:00Z") + root.id * 1000;
    steps.push(event(city, rubricAt, secretary, root.id, "rubric.created", "rubric", rubric, { after: { name: "Phiếu chấm sáng kiến, giải pháp", thresholds: THRESHOLDS, criteria: CRITERIA }, version: 1 }));
    for (const year of YEARS) {
      const at = Date.parse(`${year}-01-10T02:00:00Z`) + root.id * 1000;
      const members: [number, string][] = [[chair, "chair"], [secretary, "secretary"], ...evaluators.map((e): [number, string] => [e, "member"])];
      const c: Council = { id: councilId++, root, year, at, rubricId: rubric, criteria, panel: [chair, ...evaluators], secretaryId: secretary, members };
      councils.set(`${root.id}:${year}`, c);
      steps.push(event(city, at, secretary, root.id, "council.created", "council", c.id, { name: `Hội đồng sáng kiến năm ${year}`, periodYear: year, rubricId: rubric }));
      members.filter(([, role]) => role !== "secretary").forEach(([personId, role], k) => steps.push(event(city, at + (k + 1) * 1000, secretary, root.id, "council.member_added", "council", c.id, { personId, role })));
    }
  }

  // Accepted registrations before the council of their unit and year, two or three sheets each.
  const evaluated: { plan: Plan; council: Council }[] = [];
  for (const p of plans) {
    if (p.fate?.kind !== "accepted" || !r.chance(0.6)) continue;
    const at = p.fate.at + r.between(5, 40) * DAY;
    const council = councils.get(`${p.rootId}:${new Date(at).getUTCFullYear()}`);
    if (at > CITY_NOW || !council) continue;
    const quality = 0.35 + 0.6 * r.next();
    const pool = [...council.panel];
    const sheets: Sheet[] = [];
    for (let k = r.chance(0.3) ? 3 : 2; k > 0 && pool.length; k--) {
      const evaluatorId = pool.splice(r.int(pool.length), 1)[0];
      const submittedAt = at + r.between(2, 25) * DAY + r.int(9 * 3_600_000);
      const scores = CRITERIA.map(([, max]) => Math.max(0, Math.min(2 * max, Math.round(2 * max * (quality + (r.next() - 0.5) * 0.2)))));
      sheets.push({ id: sheetId++, evaluatorId, assignedAt: at + 3_600_000, submittedAt: submittedAt <= CITY_NOW ? submittedAt : null, scores, total: scores.reduce((a, b) => a + b, 0) });
    }
    p.evaluation = { councilId: council.id, itemId: itemId++, at, lastAt: Math.max(at, ...sheets.map((s) => s.submittedAt ?? 0)), sheets };
    evaluated.push({ plan: p, council });
  }

  // Decisions where every sheet is in, up to the city's number, in time order for their numbers.
  const ready = evaluated.filter(({ plan }) => plan.evaluation!.sheets.every((s) => s.submittedAt !== null));
  const quota = Math.round(SIZES.decisions * city.scale);
  const chosen = ready.filter(() => r.chance(Math.min(1, (quota * 1.05) / Math.max(1, ready.length)))).slice(0, quota);
  const rules = Object.fromEntries((sqlite.prepare("SELECT level, points FROM credit_rules").all() as { level: string; points: number }[]).map((x) => [x.level, x.points]));
  const numbers = new Map<number, number>();
  const orgOf = new Map(city.cadres!.map((p) => [p.id, p.orgId]));
  for (const x of chosen) {
    const e = x.plan.evaluation!;
    const at = e.lastAt + r.between(2, 15) * DAY;
    if (at > CITY_NOW) continue;
    const mean = Math.round(e.sheets.reduce((s, sh) => s + sh.total, 0) / e.sheets.length);
    const level = suggestedLevel(mean, THRESHOLDS);
    const parts = level ? splitPoints(rules[level], x.plan.authors.map((a) => a.shareBp)) : [];
    const credit = level ? x.plan.authors.map((a, i) => ({ personId: a.personId, name: a.fullName, orgId: a.personId === null ? null : (orgOf.get(a.personId) ?? null), shareBp: a.shareBp, points: parts[i] })) : [];
    e.decision = { id: decisionId++, at, level, number: "", credit };
  }
  const decided = evaluated.filter(({ plan }) => plan.evaluation!.decision).sort((a, b) => a.plan.evaluation!.decision!.at - b.plan.evaluation!.decision!.at);
  for (const { plan, council } of decided) {
    const n = (numbers.get(council.root.id) ?? 0) + 1;
    numbers.set(council.root.id, n);
    plan.evaluation!.decision!.number = `${n}-QĐ/ĐU`;
  }
  for (const x of evaluated) steps.push(...evaluationSteps(city, x.plan, x.council));
  city.counts.evaluations = evaluated.reduce((s, x) => s + x.plan.evaluation!.sheets.length, 0);
  city.counts.decisions = decided.length;
  return { steps, councils: [...councils.values()], evaluated, rubricCriteria: CRITERIA };
}

function event(city: City, at: number, actorId: number, orgId: number, action: string, entity: string, entityId: number, payload: Record<string, unknown>): Step {
  return { at, run: () => city.ledger.append({ at: iso(at), actorId, orgId, action, entity, entityId, payload }) };
}

function evaluationSteps(city: City, p: Plan, c: Council): Step[] {
  const e = p.evaluation!;
  const orgId = c.root.id;
  const dueOn = dateInHcm(new Date(e.at + 30 * DAY));
  const steps = [
    event(city, e.at, c.secretaryId, orgId, "council.item_assigned", "initiative", p.id, {
      councilId: c.id, itemId: e.itemId, version: 1, registrationNumber: p.number, dueOn, before: { status: "accepted" }, after: { status: "evaluating" },
    }),
  ];
  for (const s of e.sheets) {
    steps.push(event(city, s.assignedAt, c.secretaryId, orgId, "council.evaluator_assigned", "evaluation", s.id, { councilId: c.id, itemId: e.itemId, initiativeId: p.id, evaluatorId: s.evaluatorId, dueOn }));
    if (s.submittedAt === null) continue;
    const sha = scoresSha256(s.scores.map((halfPoints, i) => ({ criterionId: c.criteria[i], halfPoints })));
    steps.push(
      event(city, s.submittedAt, s.evaluatorId, orgId, "evaluation.submitted", "evaluation", s.id, {
        id: s.id, itemId: e.itemId, councilId: c.id, initiativeId: p.id, version: 1, evaluatorId: s.evaluatorId, totalHalfPoints: s.total, scoresSha256: sha, reopenedCount: 0,
      }),
    );
  }
  const d = e.decision;
  if (d) {
    steps.push(
      event(city, d.at, c.secretaryId, orgId, "decision.recorded", "decision", d.id, {
        id: d.id, councilId: c.id, initiativeId: p.id, version: 1, outcome: d.level ? "recognised" : "not_recognised", level: d.level, number: d.number,
        decidedOn: dateInHcm(new Date(d.at)), reason: d.level ? null : NOT_RECOGNISED, evaluations: e.sheets.map((s) => s.id),
        credited: d.credit.map((x) => ({ personId: x.personId, shareBp: x.shareBp, points: x.points })),
      }),
    );
  }
  return steps;
}

const NOT_RECOGNISED = "Tổng điểm bình quân chưa đạt ngưỡng công nhận cấp cơ sở.";

/** The rows: score sheets with criteria, councils and members, items, sheets, scores, decisions, credit. */
export function writeEvaluation(city: City, plan: ReturnType<typeof planEvaluation>): void {
  const { sqlite } = city;
  const q = (sql: string) => sqlite.prepare(sql);
  const rubric = q("INSERT INTO rubrics (id, org_id, name, version, threshold_unit, threshold_ward, threshold_city, created_by, created_at, locked_at) VALUES (?, ?, ?, 1, ?, ?, ?, ?, ?, ?)");
  const criterion = q("INSERT INTO rubric_criteria (id, rubric_id, position, name, max_points, guidance) VALUES (?, ?, ?, ?, ?, '')");
  const council = q("INSERT INTO councils (id, org_id, name, period_year, period_quarter, rubric_id, spread_limit, created_by, created_at) VALUES (?, ?, ?, ?, NULL, ?, 20, ?, ?)");
  const member = q("INSERT INTO council_members (council_id, person_id, role, added_by, added_at) VALUES (?, ?, ?, ?, ?)");
  const item = q("INSERT INTO council_items (id, council_id, initiative_id, version, due_on, assigned_by, assigned_at) VALUES (?, ?, ?, 1, ?, ?, ?)");
  const sheet = q(
    "INSERT INTO evaluations (id, item_id, evaluator_id, status, due_on, assigned_by, assigned_at, saved_at, submitted_at, total_half_points, reopened_count) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)",
  );
  const score = q("INSERT INTO evaluation_scores (evaluation_id, criterion_id, half_points, comment) VALUES (?, ?, ?, '')");
  const decision = q(
    `INSERT INTO decisions (id, council_id, org_id, initiative_id, version, outcome, level, reason, number, decided_on, signer_name, signer_title, created_by, created_at)
     VALUES (?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?, 'Bí thư Đảng ủy', ?, ?)`,
  );
  const credit = q("INSERT INTO credit_entries (decision_id, initiative_id, person_id, author_name, org_id, level, period_year, share_bp, points, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  let scores = 0;
  sqlite.transaction(() => {
    const rubricsDone = new Set<number>();
    for (const c of plan.councils) {
      if (!rubricsDone.has(c.rubricId)) {
        rubricsDone.add(c.rubricId);
        rubric.run(c.rubricId, c.root.id, "Phiếu chấm sáng kiến, giải pháp", THRESHOLDS.unit, THRESHOLDS.ward, THRESHOLDS.city, c.secretaryId, iso(c.at - DAY), iso(c.at));
        CRITERIA.forEach(([name, max], i) => criterion.run(c.criteria[i], c.rubricId, i + 1, name, max));
      }
      council.run(c.id, c.root.id, `Hội đồng sáng kiến năm ${c.year}`, c.year, c.rubricId, c.secretaryId, iso(c.at));
      for (const [personId, role] of c.members) member.run(c.id, personId, role, c.secretaryId, iso(c.at));
    }
    for (const { plan: p, council: c } of plan.evaluated) {
      const e = p.evaluation!;
      const dueOn = dateInHcm(new Date(e.at + 30 * DAY));
      item.run(e.itemId, c.id, p.id, dueOn, c.secretaryId, iso(e.at));
      for (const s of e.sheets) {
        const done = s.submittedAt !== null;
        sheet.run(s.id, e.itemId, s.evaluatorId, done ? "submitted" : "assigned", dueOn, c.secretaryId, iso(s.assignedAt), done ? iso(s.submittedAt!) : null, done ? iso(s.submittedAt!) : null, done ? s.total : null);
        if (done) s.scores.forEach((half, i) => (score.run(s.id, c.criteria[i], half), scores++));
      }
      const d = e.decision;
      if (!d) continue;
      const decidedOn = dateInHcm(new Date(d.at));
      decision.run(d.id, c.id, c.root.id, p.id, d.level ? "recognised" : "not_recognised", d.level, d.level ? "" : NOT_RECOGNISED, d.number, decidedOn, c.root.leaderName, c.secretaryId, iso(d.at));
      for (const x of d.credit) credit.run(d.id, p.id, x.personId, x.name, x.orgId, d.level, Number(decidedOn.slice(0, 4)), x.shareBp, x.points, iso(d.at));
    }
  })();
  city.counts.scores = scores;
  city.step(`${plan.councils.length.toLocaleString("vi-VN")} hội đồng, ${city.counts.evaluations.toLocaleString("vi-VN")} phiếu chấm, ${scores.toLocaleString("vi-VN")} điểm, ${city.counts.decisions.toLocaleString("vi-VN")} quyết định`);
}
