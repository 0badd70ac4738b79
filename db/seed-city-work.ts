// City seed, part two: prevention tasks, initiatives through their whole life (draft,
// submission, return, withdrawal, acceptance, council, scores, decision, credit) and the
// benchmark's complete drafts. Each initiative's history is planned first, with times; steps
// that would fall after CITY_NOW are not taken, which gives the status mix by age (recent
// ones are drafts and submissions, old ones evaluated and decided). Then every step becomes a
// ledger event in time order, and the rows are written in their final state.
import { addMonthsClamped, dateInHcm } from "~/models/orgs-shared.server";
import { freezeContent, PREFIX, type StoredAuthor } from "~/models/initiatives-shared.server";
import { canonicalJson, sha256Hex } from "~/utils/canonical.server";
import { fold } from "~/utils/fold";
import { CITY_NOW, SIZES } from "./seed-city";
import { planEvaluation, writeEvaluation, type Evaluation } from "./seed-city-eval";
import type { City, Person } from "./seed-city-people";
import { initiativeSections, initiativeTitle, RETURN_REASONS } from "./seed-city-text";
import { writeTasks, type TaskPlan } from "./seed-city-tasks";

const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();

export type Plan = {
  id: number;
  kind: "initiative" | "solution";
  creator: Person;
  receivingOrgId: number;
  rootId: number;
  taskId: number | null;
  title: string;
  field: string;
  sections: Record<string, Record<string, unknown>>;
  authors: StoredAuthor[];
  created: number;
  submitted?: number;
  fate?: { kind: "returned" | "withdrawn" | "accepted"; at: number };
  number?: string;
  frozen?: { text: string; sha256: string; seq?: number; hash?: string };
  evaluation?: Evaluation;
};

export type Step = { at: number; run: () => void };

export async function seedWork(city: City): Promise<void> {
  const tasks = writeTasks(city);
  const plans = planInitiatives(city, tasks.tasks);
  numberSubmissions(plans);
  const evaluation = planEvaluation(city, plans);

  const steps: Step[] = [...tasks.steps, ...evaluation.steps];
  for (const p of plans) steps.push(...initiativeSteps(city, p));
  steps.sort((a, b) => a.at - b.at);
  city.step(`${plans.length.toLocaleString("vi-VN")} sáng kiến, giải pháp đã lập kế hoạch; ${steps.length.toLocaleString("vi-VN")} sự kiện sổ cái`);
  for (let i = 0; i < steps.length; i++) {
    steps[i].run();
    if (city.ledger.size >= 40_000) {
      await city.ledger.flush(20_000);
      city.step(`sổ cái: ${(i + 1).toLocaleString("vi-VN")} / ${steps.length.toLocaleString("vi-VN")} sự kiện`);
    }
  }
  await city.ledger.flush();
  writeInitiatives(city, plans);
  writeEvaluation(city, evaluation);
}

/** Who registers, where it goes, what it says, and the times of its steps. */
function planInitiatives(city: City, tasks: TaskPlan[]): Plan[] {
  const { r, sqlite } = city;
  const orgs = city.orgs!;
  const cadres = city.cadres!;
  const total = Math.max(1, Math.round(SIZES.initiatives * city.scale));
  const bench = city.bench!.flatMap((p) => Array.from({ length: SIZES.benchDraftsEach }, () => p));
  let nextId = ((sqlite.prepare("SELECT max(id) AS m FROM initiatives").get() as { m: number | null }).m ?? 0) + 1;
  const start = Date.parse("2024-01-08T01:00:00Z");
  const tasksByRoot = new Map<number, TaskPlan[]>();
  for (const t of tasks) tasksByRoot.set(t.orgId, [...(tasksByRoot.get(t.orgId) ?? []), t]);
  const plans: Plan[] = [];
  for (let i = 0; i < total; i++) {
    const benchDraft = i >= total - bench.length;
    const creator = benchDraft ? bench[i - (total - bench.length)] : cadres[r.int(cadres.length)];
    const org = orgs.get(creator.orgId)!;
    // More registrations as the scheme takes hold: times skew towards the present.
    const created = benchDraft ? CITY_NOW - r.between(1, 5) * DAY : start + Math.sqrt(r.next()) * (CITY_NOW - 12 * DAY - start);
    const grassrootsId = org.kind === "cell" ? Number(org.path.split("/").at(-3)) : org.id;
    let receivingOrgId = created < Date.parse("2025-07-01") || r.chance(0.5) ? grassrootsId : org.rootId;
    const open = (tasksByRoot.get(org.rootId) ?? []).filter((t) => t.published <= created && t.deadline > created);
    const task = !benchDraft && open.length && r.chance(0.3) ? r.pick(open) : null;
    if (task) receivingOrgId = task.orgId;
    const kind = r.chance(0.6) ? "initiative" : "solution";
    const title = initiativeTitle(r);
    const sections = initiativeSections(r, kind, title, dateInHcm(new Date(created - r.between(10, 200) * DAY)));
    const plan: Plan = {
      id: nextId++, kind, creator, receivingOrgId, rootId: org.rootId, taskId: task?.id ?? null, title, field: String(sections.general.field),
      sections, authors: authorsFor(city, creator), created,
    };
    if (!benchDraft) planFate(city, plan);
    plans.push(plan);
  }
  return plans;
}

function authorsFor(city: City, creator: Person): StoredAuthor[] {
  const { r } = city;
  const orgName = (p: Person) => city.orgs!.get(p.orgId)!.name;
  const self = (p: Person, share: number): StoredAuthor => ({ personId: p.id, fullName: p.name, dateOfBirth: p.dob, workplace: orgName(p), jobTitle: p.position, qualification: "", shareBp: share });
  const roll = r.next();
  if (roll < 0.65) return [self(creator, 10_000)];
  const shares = roll < 0.85 ? [6_000, 4_000] : roll < 0.95 ? [5_000, 3_000, 2_000] : [4_000, 3_000, 2_000, 1_000];
  const authors = [self(creator, shares[0])];
  for (const share of shares.slice(1)) {
    const co = city.cadres![r.int(city.cadres!.length)];
    if (co.id !== creator.id && !authors.some((a) => a.personId === co.id) && r.chance(0.8)) authors.push(self(co, share));
    else authors.push({ personId: null, fullName: `${r.pick(["Trần", "Lê", "Phạm"])} ${r.pick(["Văn", "Thị"])} ${r.pick(["Hùng", "Lan", "Tâm"])}`, dateOfBirth: null, workplace: "Trường Đại học Luật Thành phố Hồ Chí Minh", jobTitle: "Giảng viên", qualification: "Thạc sĩ", shareBp: share });
  }
  return authors;
}

/** Submission, then returned, withdrawn or accepted; steps after CITY_NOW are not taken. */
function planFate(city: City, p: Plan): void {
  const { r } = city;
  const submitted = p.created + r.between(1, 10) * DAY + r.int(8 * 3_600_000);
  if (submitted > CITY_NOW || r.chance(0.03)) return;
  p.submitted = submitted;
  const roll = r.next();
  const kind = roll < 0.05 ? "returned" : roll < 0.07 ? "withdrawn" : "accepted";
  const at = submitted + r.between(2, 20) * DAY;
  if (at <= CITY_NOW) p.fate = { kind, at };
}

/** Registration numbers in order of first submission, one counter per prefix and year. */
function numberSubmissions(plans: Plan[]): void {
  const counters = new Map<string, number>();
  for (const p of plans.filter((x) => x.submitted).sort((a, b) => a.submitted! - b.submitted!)) {
    const key = `${PREFIX[p.kind]}-${new Date(p.submitted!).getUTCFullYear()}`;
    const n = (counters.get(key) ?? 0) + 1;
    counters.set(key, n);
    p.number = `${key}-${String(n).padStart(6, "0")}`;
  }
}

function initiativeSteps(city: City, p: Plan): Step[] {
  const { ledger } = city;
  const actorId = p.creator.id;
  const event = (at: number, action: string, orgId: number, payload: Record<string, unknown>, after?: (e: { seq: number; hash: string }) => void): Step => ({
    at,
    run: () => {
      const e = ledger.append({ at: iso(at), actorId, orgId, action, entity: "initiative", entityId: p.id, payload });
      after?.(e);
    },
  });
  const steps = [
    event(p.created, "initiative.created", p.creator.orgId, { id: p.id, kind: p.kind, taskId: p.taskId, receivingOrgId: p.receivingOrgId }),
    event(p.created + 1_800_000, "initiative.saved", p.creator.orgId, { id: p.id, version: 1, section: "general", sectionSha256: sha256Hex(canonicalJson(p.sections.general)) }),
  ];
  if (!p.submitted) return steps;
  p.frozen = freezeContent(p.sections, p.authors, []);
  steps.push(
    event(p.submitted, "initiative.submitted", p.receivingOrgId, { id: p.id, version: 1, registrationNumber: p.number, contentSha256: p.frozen.sha256, resubmission: false }, (e) => {
      p.frozen!.seq = e.seq;
      p.frozen!.hash = e.hash;
    }),
  );
  const fate = p.fate;
  if (!fate) return steps;
  const leader = city.roots!.find((x) => x.id === p.rootId)!.leaderId;
  const decided = (action: string, payload: Record<string, unknown>): Step => ({
    at: fate.at,
    run: () => ledger.append({ at: iso(fate.at), actorId: leader, orgId: p.receivingOrgId, action, entity: "initiative", entityId: p.id, payload }),
  });
  if (fate.kind === "returned") steps.push(decided("initiative.returned", { id: p.id, version: 1, newVersion: 2, registrationNumber: p.number, reason: RETURN_REASONS[p.id % RETURN_REASONS.length] }));
  else if (fate.kind === "withdrawn") steps.push({ at: fate.at, run: () => ledger.append({ at: iso(fate.at), actorId, orgId: p.receivingOrgId, action: "initiative.withdrawn", entity: "initiative", entityId: p.id, payload: { id: p.id, registrationNumber: p.number } }) });
  else steps.push(decided("initiative.accepted", { id: p.id, version: 1, registrationNumber: p.number, decisionDueOn: decisionDue(fate.at) }));
  return steps;
}

export const decisionDue = (acceptedAt: number) => addMonthsClamped(dateInHcm(new Date(acceptedAt)), 3);

function statusOf(p: Plan): string {
  if (p.evaluation?.decision) return p.evaluation.decision.level ? "recognised" : "not_recognised";
  if (p.evaluation) return "evaluating";
  if (p.fate) return p.fate.kind;
  return p.submitted ? "submitted" : "draft";
}

/** The rows, in their final state: initiatives, authors, versions (frozen ones with their event). */
function writeInitiatives(city: City, plans: Plan[]): void {
  const { sqlite } = city;
  // The search index is rebuilt once at the end instead of by the triggers on every row.
  const triggers = sqlite.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND (tbl_name = 'initiatives' OR tbl_name = 'initiative_authors') AND name LIKE '%fts%'").all() as { name: string; sql: string }[];
  for (const t of triggers) sqlite.exec(`DROP TRIGGER ${t.name}`);
  const insert = sqlite.prepare(
    `INSERT INTO initiatives (id, kind, registration_number, receiving_org_id, author_org_id, task_id, status, title, search_text, current_version, created_by,
       created_at, updated_at, first_submitted_at, submitted_at, accepted_at, decision_due_on, returned_reason, withdrawn_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const author = sqlite.prepare(
    "INSERT INTO initiative_authors (initiative_id, position, person_id, full_name, date_of_birth, workplace, job_title, qualification, share_bp) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
  );
  const version = sqlite.prepare(
    `INSERT INTO initiative_versions (initiative_id, version, content, content_sha256, submitted_at, ledger_seq, ledger_hash, created_by, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const counter = sqlite.prepare("INSERT INTO registration_counters (prefix, year, last) VALUES (?, ?, ?) ON CONFLICT (prefix, year) DO UPDATE SET last = max(last, excluded.last)");
  sqlite.transaction(() => {
    for (const p of plans) {
      const status = statusOf(p);
      const fate = p.fate;
      const last = p.evaluation?.decision?.at ?? p.evaluation?.lastAt ?? fate?.at ?? p.submitted ?? p.created + 1_800_000;
      const returned = fate?.kind === "returned";
      insert.run(
        p.id, p.kind, p.number ?? null, p.receivingOrgId, p.creator.orgId, p.taskId, status, p.title, fold([p.number ?? "", p.title, p.field].join(" ")), returned ? 2 : 1, p.creator.id,
        iso(p.created), iso(last), p.submitted ? iso(p.submitted) : null, p.submitted ? iso(p.submitted) : null,
        fate?.kind === "accepted" ? iso(fate.at) : null, fate?.kind === "accepted" ? decisionDue(fate.at) : null,
        returned ? RETURN_REASONS[p.id % RETURN_REASONS.length] : null, fate?.kind === "withdrawn" ? iso(fate.at) : null,
      );
      p.authors.forEach((a, i) => author.run(p.id, i, a.personId, a.fullName, a.dateOfBirth, a.workplace, a.jobTitle, a.qualification, a.shareBp));
      const draft = canonicalJson(p.sections);
      if (p.frozen) {
        version.run(p.id, 1, p.frozen.text, p.frozen.sha256, iso(p.submitted!), p.frozen.seq, p.frozen.hash, p.creator.id, iso(p.created), iso(p.submitted!));
        const [prefix, year, n] = p.number!.split("-");
        counter.run(prefix, Number(year), Number(n));
      } else version.run(p.id, 1, draft, null, null, null, null, p.creator.id, iso(p.created), iso(p.created + 1_800_000));
      if (returned) version.run(p.id, 2, draft, null, null, null, null, p.creator.id, iso(fate!.at), iso(fate!.at));
    }
  })();
  // FTS5 writes a segment each time its pending terms pass 'hashsize' (1 MB by default): with room
  // for them all, the whole index is written once as one segment, in half the time (1.2 s, not
  // 2.4 s and 7 segments to merge later). The setting is kept in the index, so it is put back.
  sqlite.exec("INSERT INTO initiatives_fts (initiatives_fts, rank) VALUES ('hashsize', 67108864)");
  sqlite.exec("INSERT INTO initiatives_fts (rowid, number, title, body, facets) SELECT id, number, title, body, facets FROM initiatives_fts_source");
  sqlite.exec("INSERT INTO initiatives_fts (initiatives_fts, rank) VALUES ('hashsize', 1048576)");
  for (const t of triggers) sqlite.exec(t.sql);
  const count = (status: string) => plans.filter((p) => statusOf(p) === status).length;
  Object.assign(city.counts, { initiatives: plans.length, drafts: count("draft"), submitted: count("submitted"), accepted: count("accepted"), evaluating: count("evaluating") });
  city.step(`${plans.length.toLocaleString("vi-VN")} sáng kiến, giải pháp; chỉ mục tìm kiếm`);
}
