// Search in the browser: typed without diacritics and with đ as d, the result found and opened,
// filters and the empty and no-result states; axe on each; the same without JavaScript (axe
// needs JavaScript in the page, so it runs in the first test on the same pages).
import { openDatabase } from "../../db/client";
import { loadOrCreateSecrets } from "../../db/secrets";
import { loadActor } from "~/auth/actor.server";
import { createDraft, saveSection, submit } from "~/models/initiatives.server";
import { createTask, publishTask } from "~/models/tasks.server";
import { uid } from "./support/admin";
import { createUser, E2E_DB, E2E_SECRETS, expect, expectAccessible, signIn, test, type TestUser } from "./support/fixtures";

const SECTIONS = {
  solution: { steps: "Lập mẫu, nhập liệu.", improvement: "Tra cứu nhanh.", howToApply: "Tại bộ phận một cửa." },
  conditions: { conditions: "Máy tính có mạng nội bộ." },
  benefit: { expectedBenefit: "Giảm thời gian tra cứu.", measuredBenefit: "" },
  trial: { trialParticipants: "Văn phòng phường." },
  confidential: { confidential: "" },
  statement: { sworn: "on" },
};

type World = { s: string; cadre: TestUser; leader: TestUser; taskTitle: string; initiativeTitle: string };

/** A published task of the ward and a registration submitted by a cadre of one of its cells, made through the models. */
async function world(): Promise<World> {
  const s = uid();
  const leader = await createUser({ orgCode: "P001", roles: [["leader", "P001"]], given: "Lãnh" });
  const cadre = await createUser({ orgCode: "P001-CQ-CB1", roles: [["cadre", "P001-CQ-CB1"]], given: "Viên" });
  const taskTitle = `Phòng ngừa tham nhũng trong đăng ký đất đai ${s}`;
  const initiativeTitle = `Số hóa sổ đăng ký tiếp dân ${s}`;
  const handle = openDatabase(E2E_DB);
  try {
    const secrets = loadOrCreateSecrets(E2E_SECRETS);
    const as = (personId: number) => ({ db: handle.db, actor: loadActor(handle.db, personId), secrets, now: () => new Date() });
    const year = new Date().getFullYear();
    const lead = as(leader.personId);
    const { id: taskId } = createTask(lead, {
      orgId: lead.actor!.orgId,
      title: taskTitle,
      areas: ["corruption"],
      description: "Rà soát hồ sơ đăng ký, công khai quy trình.",
      periodYear: year,
      periodQuarter: null,
      deadline: `${year + 1}-12-31`,
      targets: [],
      assignees: [],
    });
    publishTask(lead, taskId);
    const me = as(cadre.personId);
    const { id } = createDraft(me, { kind: "initiative" });
    saveSection(me, id, "general", { title: initiativeTitle, field: "Cải cách hành chính", firstAppliedOn: "15/10/2026" });
    for (const [section, values] of Object.entries(SECTIONS)) saveSection(me, id, section, values);
    submit(me, id);
  } finally {
    handle.sqlite.close();
  }
  return { s, cadre, leader, taskTitle, initiativeTitle };
}

test.describe("search", () => {
  test("finds a task typed without diacritics and opens it; a leader finds a submitted registration", async ({ page }) => {
    const w = await world();
    await signIn(page, w.cadre.username, w.cadre.password);
    await page.getByRole("link", { name: "Tìm kiếm" }).first().click();
    await expect(page).toHaveURL(/\/tim-kiem$/);
    await expect(page.getByText("Nhập từ cần tìm vào ô tìm kiếm")).toBeVisible();
    await expectAccessible(page);

    // The search form is a plain GET form submitted as a client-side navigation: no reload.
    await page.evaluate(() => ((window as unknown as { formMarker: number }).formMarker = 1));
    await page.getByLabel("Tìm kiếm nhiệm vụ, sáng kiến").fill(`phong ngua tham nhung dang ky dat dai ${w.s}`);
    await page.getByRole("button", { name: "Tìm kiếm", exact: true }).click();
    await expect(page).toHaveTitle(new RegExp(`^Tìm kiếm: phong ngua tham nhung dang ky dat dai ${w.s}`));
    await expect(page.getByRole("heading", { level: 2, name: "Tìm thấy 1 kết quả" })).toBeVisible();
    expect(await page.evaluate(() => (window as unknown as { formMarker?: number }).formMarker)).toBe(1);
    await expect(page).toHaveURL(/\/tim-kiem\?q=phong\+ngua/);
    const results = page.getByRole("list", { name: /Kết quả tìm kiếm/ });
    await expect(results.getByText("Nhiệm vụ", { exact: true })).toBeVisible();
    await expect(results.getByText("Đã ban hành", { exact: true })).toBeVisible();
    await expectAccessible(page);
    const menu = page.getByRole("navigation", { name: "Điều hướng chính" });
    await expect(menu.getByRole("link", { name: "Tìm kiếm" })).toHaveAttribute("aria-current", "page");
    // A result's link is a plain anchor that navigates inside the app: the page is not reloaded,
    // and the menu then marks the tasks section.
    await page.evaluate(() => ((window as unknown as { marker: number }).marker = 1));
    await results.getByRole("link", { name: w.taskTitle }).click();
    await expect(page).toHaveURL(/\/nhiem-vu\/\d+$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(w.taskTitle);
    expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(1);
    await expect(menu.getByRole("link", { name: "Nhiệm vụ" })).toHaveAttribute("aria-current", "page");
    await expect(menu.getByRole("link", { name: "Tìm kiếm" })).not.toHaveAttribute("aria-current", "page");

    // The cadre's own registration by words of its title; a filter keeps the query.
    await page.goto(`/tim-kiem?q=${encodeURIComponent(`so hoa ${w.s}`)}`);
    await expect(page.getByRole("link", { name: w.initiativeTitle })).toBeVisible();
    await page.getByLabel("Loại").selectOption({ label: "Nhiệm vụ" });
    await page.getByRole("button", { name: "Lọc" }).click();
    await expect(page.getByRole("heading", { name: `Không tìm thấy kết quả nào cho “so hoa ${w.s}”.` })).toBeVisible();
    await expect(page.getByLabel("Tìm kiếm nhiệm vụ, sáng kiến")).toHaveValue(`so hoa ${w.s}`);
    await expectAccessible(page);

    await page.context().clearCookies();
    await signIn(page, w.leader.username, w.leader.password);
    await page.goto(`/tim-kiem?q=${encodeURIComponent(`DANG KY TIEP DAN ${w.s}`)}`);
    const item = page.getByRole("listitem").filter({ hasText: w.initiativeTitle });
    await expect(item.getByText("Đã nộp", { exact: true })).toBeVisible();
    await expect(item.getByText(/SK-\d{4}-\d{6}/)).toBeVisible();
    await item.getByRole("link", { name: w.initiativeTitle }).click();
    await expect(page).toHaveURL(/\/sang-kien\/\d+$/);
  });

  test.describe("without JavaScript", () => {
    test.use({ javaScriptEnabled: false });
    test("the search form, the filters and the result links work", async ({ page }) => {
      const w = await world();
      await signIn(page, w.cadre.username, w.cadre.password);
      await page.goto("/tim-kiem");
      await page.getByLabel("Tìm kiếm nhiệm vụ, sáng kiến").fill(`Dang ky ${w.s}`);
      await page.getByRole("button", { name: "Tìm kiếm", exact: true }).click();
      await expect(page.getByRole("heading", { level: 2, name: "Tìm thấy 2 kết quả" })).toBeVisible();
      await page.getByLabel("Loại").selectOption({ label: "Sáng kiến, giải pháp" });
      await page.getByRole("button", { name: "Lọc" }).click();
      await expect(page).toHaveURL(/loai=sang-kien/);
      await expect(page.getByRole("heading", { level: 2, name: "Tìm thấy 1 kết quả" })).toBeVisible();
      await page.getByRole("link", { name: w.initiativeTitle }).click();
      await expect(page).toHaveURL(/\/sang-kien\/\d+$/);
      await page.goto(`/tim-kiem?q=${encodeURIComponent(`khong co ${w.s} NEAR( "`)}`);
      await expect(page.getByText("Hãy kiểm tra chính tả")).toBeVisible();
    });
  });
});
