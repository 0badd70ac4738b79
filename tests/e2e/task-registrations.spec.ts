// Registrations per organization on a task's page, for the leader who posted it: a task of the
// ward to two cells, registrations made through the model layer (as the cadres' forms would),
// the table with its caption, counts leading to the inbox filtered by the task, the total on
// the leader's list; a cadre sees no counts; axe, also at phone width.
import { eq } from "drizzle-orm";
import { openDatabase } from "../../db/client";
import { organizations } from "../../db/schema";
import { loadOrCreateSecrets } from "../../db/secrets";
import { loadActor } from "~/auth/actor.server";
import { accept, createDraft, submit } from "~/models/initiatives.server";
import { createTask, publishTask } from "~/models/tasks.server";
import { fill } from "../models/initiatives-fixture";
import { expect, expectAccessible, E2E_DB, E2E_SECRETS, test } from "./support/fixtures";
import { personIdOf, signInAs, uid } from "./support/admin";

/** A published task of the ward P001 to its two cells: two registrations from CB1 (one
 * accepted), a draft from CB1 that does not count. */
function seedTask(title: string): number {
  const handle = openDatabase(E2E_DB);
  const secrets = loadOrCreateSecrets(E2E_SECRETS);
  const as = (username: string) => ({ db: handle.db, actor: loadActor(handle.db, personIdOf(username))!, secrets, now: () => new Date() });
  try {
    const ward = handle.db.select({ id: organizations.id }).from(organizations).where(eq(organizations.code, "P001")).get()!.id;
    const year = new Date().getFullYear() + 1;
    const leader = as("bithu");
    const { id } = createTask(leader, {
      orgId: ward, title, areas: ["corruption"], description: "Đề xuất giải pháp phòng ngừa.", periodYear: year, periodQuarter: null,
      deadline: `${year}-06-30`, targets: ["P001-CQ-CB1", "P001-CQ-CB2"], assignees: [],
    });
    publishTask(leader, id);
    for (const [username, accepted] of [["canbo", false], ["bithu.chibo", true]] as const) {
      const me = as(username);
      const { id: reg } = createDraft(me, { kind: "solution", taskId: id });
      fill(me, reg, "solution");
      submit(me, reg);
      if (accepted) accept(leader, reg);
    }
    const me = as("canbo");
    fill(me, createDraft(me, { kind: "solution", taskId: id }).id, "solution");
    return id;
  } finally {
    handle.sqlite.close();
  }
}

test("the posting leader sees registrations per target organization; a cadre does not", async ({ page }) => {
  const title = `Phòng ngừa nhũng nhiễu ${uid()}`;
  const id = seedTask(title);
  await signInAs(page, "bithu");
  await page.goto(`/nhiem-vu/${id}`);
  await expect(page.getByRole("heading", { level: 2, name: "Đăng ký theo tổ chức" })).toBeVisible();
  const table = page.getByRole("table", { name: "Số đơn đăng ký sáng kiến, giải pháp đã nhận theo từng tổ chức nhận nhiệm vụ" });
  const cb1 = table.getByRole("row", { name: /Chi bộ Văn phòng \(P001-CQ-CB1\)/ });
  await expect(cb1.getByRole("cell")).toHaveText(["1", "0", "1", "2"].map((n) => new RegExp(`^${n}`)));
  await expect(table.getByRole("row", { name: /P001-CQ-CB2/ }).getByRole("cell")).toHaveText(["0", "0", "0", "0"]);
  const total = table.getByRole("row", { name: /^Tổng cộng/ });
  await expect(total.getByRole("cell").last()).toHaveText(/^2/);
  const inbox = `/sang-kien?xem=tiep-nhan&nhiem-vu=${id}`;
  await expect(cb1.getByRole("link", { name: "1 Đã nộp — Chi bộ Văn phòng (P001-CQ-CB1)" })).toHaveAttribute("href", inbox);
  await expect(page.getByRole("link", { name: "Xem các đơn đăng ký của nhiệm vụ này" })).toHaveAttribute("href", inbox);
  await expectAccessible(page);

  await page.setViewportSize({ width: 360, height: 740 });
  await expectAccessible(page);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await page.setViewportSize({ width: 1280, height: 800 });

  // The leader's list: the total in its own column.
  await page.goto("/nhiem-vu?xem=da-giao");
  const list = page.getByRole("table", { name: "Nhiệm vụ do tổ chức đồng chí phụ trách giao" });
  await expect(list.getByRole("columnheader", { name: "Đăng ký" })).toBeVisible();
  await expect(list.getByRole("row", { name: new RegExp(title) }).getByRole("cell").last()).toHaveText("2");
  await expectAccessible(page);

  // A cadre of a target cell sees the task but not the counts.
  await page.context().clearCookies();
  await signInAs(page, "canbo");
  await page.goto(`/nhiem-vu/${id}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(page.getByRole("heading", { name: "Đăng ký theo tổ chức" })).toHaveCount(0);
});
