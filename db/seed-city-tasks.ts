// City seed: the prevention tasks each unit posts for its subtree since the new city began
// (01/07/2025), published, and closed once their deadline is well past.
import { canonicalJson, sha256Hex } from "~/utils/canonical.server";
import { fold } from "~/utils/fold";
import { CITY_NOW } from "./seed-city";
import type { City } from "./seed-city-people";
import { TASK_BODY, taskTitle } from "./seed-city-text";
import type { Step } from "./seed-city-work";

export type TaskPlan = { id: number; orgId: number; published: number; deadline: number };

const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();
const AREAS = ["corruption", "corruption,negative", "corruption,waste", "waste", "negative", "corruption,negative,waste"];

export function writeTasks(city: City): { tasks: TaskPlan[]; steps: Step[] } {
  const { sqlite, r, ledger } = city;
  const roots = city.roots!;
  const total = Math.max(1, Math.round(2_700 * city.scale));
  const start = Date.parse("2025-07-05T01:00:00Z");
  let nextId = ((sqlite.prepare("SELECT max(id) AS m FROM tasks").get() as { m: number | null }).m ?? 0) + 1;
  const insert = sqlite.prepare(
    `INSERT INTO tasks (id, org_id, title, areas, description, period_year, period_quarter, deadline, status, search_text, created_by, created_at, updated_at, published_at, closed_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const tasks: TaskPlan[] = [];
  const steps: Step[] = [];
  sqlite.transaction(() => {
    for (let i = 0; i < total; i++) {
      const root = roots[i % roots.length];
      const id = nextId++;
      const created = start + r.next() * (CITY_NOW - 20 * DAY - start);
      const published = created + 3_600_000;
      const deadline = created + r.between(30, 120) * DAY;
      const closed = deadline + 15 * DAY < CITY_NOW ? deadline + 15 * DAY : null;
      const title = taskTitle(r);
      const areas = r.pick(AREAS);
      const d = new Date(created);
      const deadlineDay = iso(deadline).slice(0, 10);
      const quarter = Math.floor(d.getUTCMonth() / 3) + 1;
      insert.run(
        id, root.id, title, areas, TASK_BODY, d.getUTCFullYear(), quarter, deadlineDay, closed ? "closed" : "published", fold(`${title} ${TASK_BODY}`), root.leaderId,
        iso(created), iso(closed ?? published), iso(published), closed ? iso(closed) : null,
      );
      tasks.push({ id, orgId: root.id, published, deadline });
      const event = (at: number, action: string, payload: Record<string, unknown>): Step => ({
        at,
        run: () => ledger.append({ at: iso(at), actorId: root.leaderId, orgId: root.id, action, entity: "task", entityId: id, payload }),
      });
      const evidence = { orgId: root.id, areas, periodYear: d.getUTCFullYear(), periodQuarter: quarter, deadline: deadlineDay, contentSha256: sha256Hex(canonicalJson({ title, description: TASK_BODY })) };
      steps.push(event(created, "task.created", { before: null, after: evidence }));
      steps.push(event(published, "task.published", { before: { status: "draft" }, after: { status: "published" }, notifiedIds: [] }));
      if (closed) steps.push(event(closed, "task.closed", { before: { status: "published" }, after: { status: "closed" } }));
    }
  })();
  city.counts.tasks = total;
  return { tasks, steps };
}
