// The evaluator's side in a browser: the queue, a score refused next to its field with the values
// kept, a draft, the confirmation step and the submission; a second evaluator sees nothing of the
// first's scores; the secretary reopens with a reason; the same form without JavaScript; axe on
// every page with JavaScript on.
import { eq } from "drizzle-orm";
import { openDatabase } from "../../db/client";
import { councilItems, councilMembers, councils, evaluations, organizations, rubricCriteria, rubrics } from "../../db/schema";
import { loadOrCreateSecrets } from "../../db/secrets";
import { loadActor } from "~/auth/actor.server";
import type { Ctx } from "~/models/context.server";
import { accept, createDraft, saveSection, submit } from "~/models/initiatives.server";
import { createUser, E2E_DB, E2E_SECRETS, expect, expectAccessible, signIn, test, type TestUser } from "./support/fixtures";

const CELL = "P001-CQ-CB1";
const WARD = "P001";
const SECTIONS = (title: string) => ({
  general: { title, field: "Cải cách hành chính", firstAppliedOn: "15/10/2026" },
  solution: { steps: "Lập mẫu, nhập liệu.", improvement: "Tra cứu nhanh.", howToApply: "Tại bộ phận một cửa." },
  conditions: { conditions: "Máy tính nối mạng nội bộ." },
  benefit: { expectedBenefit: "Giảm thời gian tra cứu.", measuredBenefit: "" },
  trial: { trialParticipants: "Văn phòng phường." },
  confidential: { confidential: "" },
  statement: { sworn: "on" },
});

function withDb<T>(fn: (ctxOf: (personId: number | null) => Ctx, db: Ctx["db"]) => T): T {
  const handle = openDatabase(E2E_DB);
  const secrets = loadOrCreateSecrets(E2E_SECRETS);
  try {
    return fn((personId) => ({ db: handle.db, actor: personId === null ? null : loadActor(handle.db, personId), secrets, now: () => new Date() }), handle.db);
  } finally {
    handle.sqlite.close();
  }
}

type Setup = { ev1: TestUser; ev2: TestUser; secretary: TestUser; titles: [string, string]; sheets: { ev1: [number, number]; ev2: number }; criteria: number[] };
let s: Setup;

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  const cadre = await createUser({ orgCode: CELL, roles: [["cadre", CELL]], given: "Tác Giả" });
  const leader = await createUser({ orgCode: CELL, roles: [["leader", CELL]], given: "Lãnh Đạo" });
  const ev1 = await createUser({ orgCode: WARD, roles: [["evaluator", WARD]], given: "Giám Khảo Một" });
  const ev2 = await createUser({ orgCode: WARD, roles: [["evaluator", WARD]], given: "Giám Khảo Hai" });
  const secretary = await createUser({ orgCode: WARD, roles: [["secretary", WARD]], given: "Thư Ký" });
  const stamp = Date.now().toString(36);
  const titles: [string, string] = [`Sổ tiếp dân điện tử ${stamp}`, `Hộp thư góp ý số ${stamp}`];
  s = withDb((ctxOf, db) => {
    const initiativeIds = titles.map((title) => {
      const { id } = createDraft(ctxOf(cadre.personId), { kind: "initiative" });
      for (const [section, values] of Object.entries(SECTIONS(title))) saveSection(ctxOf(cadre.personId), id, section, values);
      submit(ctxOf(cadre.personId), id);
      accept(ctxOf(leader.personId), id);
      return id;
    });
    const at = new Date().toISOString();
    const orgId = db.select({ id: organizations.id }).from(organizations).where(eq(organizations.code, WARD)).get()!.id;
    const rubricId = db
      .insert(rubrics)
      .values({ orgId, name: "Phiếu chấm 100 điểm", thresholdUnit: 50, thresholdWard: 70, thresholdCity: 85, createdBy: secretary.personId, createdAt: at, lockedAt: at })
      .returning({ id: rubrics.id })
      .get().id;
    const criteria = db
      .insert(rubricCriteria)
      .values([
        { rubricId, position: 1, name: "Tính mới", maxPoints: 30, guidance: "Chưa được áp dụng tại đơn vị." },
        { rubricId, position: 2, name: "Khả năng áp dụng", maxPoints: 30, guidance: "" },
        { rubricId, position: 3, name: "Hiệu quả, lợi ích", maxPoints: 40, guidance: "Lợi ích đo được." },
      ])
      .returning({ id: rubricCriteria.id })
      .all()
      .map((c) => c.id);
    const councilId = db
      .insert(councils)
      .values({ orgId, name: `Hội đồng thử ${stamp}`, periodYear: 2026, rubricId, createdBy: secretary.personId, createdAt: at })
      .returning({ id: councils.id })
      .get().id;
    for (const [personId, role] of [[secretary.personId, "secretary"], [ev1.personId, "member"], [ev2.personId, "member"]] as const) {
      db.insert(councilMembers).values({ councilId, personId, role, addedBy: secretary.personId, addedAt: at }).run();
    }
    const sheetsOf = (initiativeId: number, evaluators: number[]) => {
      const itemId = db.insert(councilItems).values({ councilId, initiativeId, version: 1, dueOn: "2099-12-31", assignedBy: secretary.personId, assignedAt: at }).returning({ id: councilItems.id }).get().id;
      return evaluators.map((evaluatorId) => db.insert(evaluations).values({ itemId, evaluatorId, dueOn: "2099-12-31", assignedBy: secretary.personId, assignedAt: at }).returning({ id: evaluations.id }).get().id);
    };
    const [a1, a2] = sheetsOf(initiativeIds[0], [ev1.personId, ev2.personId]);
    const [b1] = sheetsOf(initiativeIds[1], [ev1.personId]);
    return { ev1, ev2, secretary, titles, sheets: { ev1: [a1, b1] as [number, number], ev2: a2 }, criteria };
  });
});

const score = (page: import("@playwright/test").Page, name: string) => page.getByLabel(`Điểm: ${name}`, { exact: true });

test("an evaluator scores: a refused value stays with its message, a draft, the confirmation, the submission", async ({ page }) => {
  await signIn(page, s.ev1.username, s.ev1.password);
  await page.goto("/danh-gia");
  await expect(page.getByRole("heading", { level: 1, name: "Đánh giá sáng kiến" })).toBeVisible();
  await expect(page.getByRole("link", { name: s.titles[0] })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: s.titles[0] }).click();
  await expect(page.getByRole("heading", { level: 1, name: s.titles[0] })).toBeVisible();
  await expectAccessible(page);

  await score(page, "Tính mới").fill("31");
  await score(page, "Khả năng áp dụng").fill("20");
  await page.getByLabel("Nhận xét: Tính mới").fill("Mới tại phường, chưa nơi nào làm");
  await page.getByRole("button", { name: "Nộp phiếu chấm", exact: true }).click();
  await expect(page.locator(`#f-score_${s.criteria[0]}-error`)).toContainText("Điểm không được vượt quá điểm tối đa của tiêu chí");
  await expect(score(page, "Tính mới")).toHaveValue("31");
  await expect(page.getByLabel("Nhận xét: Tính mới")).toHaveValue("Mới tại phường, chưa nơi nào làm");
  await expect(page).toHaveTitle(/^Lỗi: /);
  await expectAccessible(page);

  await score(page, "Tính mới").fill("7,5");
  await page.getByRole("button", { name: "Lưu nháp" }).click();
  await expect(page.getByText("Đã lưu nháp phiếu chấm.")).toBeVisible();
  await expect(score(page, "Tính mới")).toHaveValue("7,5");
  await expect(score(page, "Hiệu quả, lợi ích")).toHaveValue("");

  // Submitting asks for every criterion, next to the one missing.
  await page.getByRole("button", { name: "Nộp phiếu chấm", exact: true }).click();
  await expect(page.locator(`#f-score_${s.criteria[2]}-error`)).toContainText("Vui lòng chấm điểm tiêu chí này");
  await score(page, "Hiệu quả, lợi ích").fill("30");
  await page.getByRole("button", { name: "Nộp phiếu chấm", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Xác nhận nộp phiếu chấm" })).toBeVisible();
  await expect(page.getByText("57,5 / 100 điểm")).toBeVisible();
  await expect(page.getByText("Sau khi nộp, đồng chí không thể sửa điểm.")).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Xác nhận nộp phiếu chấm" }).click();
  await expect(page.getByText("Đã nộp phiếu chấm. Cảm ơn đồng chí.")).toBeVisible();
  await page.getByRole("link", { name: /^Đã chấm/ }).click();
  await expect(page.getByRole("link", { name: s.titles[0] })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: s.titles[0] }).click();
  await expect(page.getByText(/Phiếu đã nộp lúc/)).toBeVisible();
  await expect(page.getByRole("textbox")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Lưu nháp" })).toHaveCount(0);
});

test("the second evaluator sees nothing of the first's scores", async ({ page }) => {
  await signIn(page, s.ev2.username, s.ev2.password);
  await page.goto(`/danh-gia/phieu/${s.sheets.ev2}`);
  await expect(page.getByRole("heading", { level: 1, name: s.titles[0] })).toBeVisible();
  const html = await page.content();
  expect(html).not.toContain("57,5");
  expect(html).not.toContain("Mới tại phường");
  await expect(score(page, "Tính mới")).toHaveValue("");
  const response = await page.goto(`/danh-gia/phieu/${s.sheets.ev1[0]}`);
  expect(response?.status()).toBe(404);
  expect(await page.content()).not.toContain("Mới tại phường");
  await page.goto("/danh-gia");
  await expect(page.getByRole("link", { name: s.titles[1] })).toHaveCount(0);
});

test("the secretary reopens a submitted sheet with a reason", async ({ page }) => {
  await signIn(page, s.secretary.username, s.secretary.password);
  await page.goto(`/danh-gia/phieu/${s.sheets.ev1[0]}`);
  await expect(page.getByText("Phiếu chấm của thành viên hội đồng, chỉ để xem.")).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: "Mở lại phiếu" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Mở lại phiếu chấm" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Mở lại phiếu chấm" }).click();
  await expect(page.locator("#f-reason-error")).toContainText("Vui lòng nhập thông tin này");
  await page.getByLabel("Lý do mở lại").fill("Chấm nhầm tiêu chí Tính mới");
  await page.getByRole("button", { name: "Mở lại phiếu chấm" }).click();
  await expect(page.getByText("Đã mở lại phiếu chấm; người chấm đã được thông báo.")).toBeVisible();
  // A draft again: no longer the secretary's to read.
  expect((await page.goto(`/danh-gia/phieu/${s.sheets.ev1[0]}`))?.status()).toBe(404);
  // The evaluator is told why and can score again, their scores kept.
  await page.context().clearCookies();
  await signIn(page, s.ev1.username, s.ev1.password);
  await page.goto("/thong-bao");
  await expect(page.getByRole("link", { name: /đã được mở lại: Chấm nhầm tiêu chí Tính mới/ })).toBeVisible();
  await page.goto(`/danh-gia/phieu/${s.sheets.ev1[0]}`);
  await expect(page.getByText("Đang chấm (nháp)")).toBeVisible();
  await expect(score(page, "Tính mới")).toHaveValue("7,5");
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the score form keeps values and shows the server's messages", async ({ page }) => {
    await signIn(page, s.ev1.username, s.ev1.password);
    await page.goto(`/danh-gia/phieu/${s.sheets.ev1[1]}`);
    // Vietnamese on purpose: React's streaming renderer once put zero bytes inside multi-byte
    // letters (react#31134); the server now renders each document to one string.
    await score(page, "Tính mới").fill("bảy rưỡi");
    await score(page, "Khả năng áp dụng").fill("7,25");
    await page.getByLabel("Nhận xét: Khả năng áp dụng").fill("Áp dụng được ngay");
    await page.getByRole("button", { name: "Lưu nháp" }).click();
    await expect(page.locator(`#f-score_${s.criteria[0]}-error`)).toContainText("Điểm phải là một số");
    await expect(page.locator(`#f-score_${s.criteria[1]}-error`)).toContainText("Chỉ chấm điểm nguyên hoặc lẻ 0,5");
    await expect(score(page, "Tính mới")).toHaveValue("bảy rưỡi");
    await expect(page.getByLabel("Nhận xét: Khả năng áp dụng")).toHaveValue("Áp dụng được ngay");
    // (axe needs JavaScript; the same page was scanned with JavaScript on.)
    await score(page, "Tính mới").fill("10");
    await score(page, "Khả năng áp dụng").fill("7.5");
    await score(page, "Hiệu quả, lợi ích").fill("40");
    await page.getByRole("button", { name: "Nộp phiếu chấm", exact: true }).click();
    await expect(page.getByText("57,5 / 100 điểm")).toBeVisible();
    await page.getByRole("button", { name: "Xác nhận nộp phiếu chấm" }).click();
    await expect(page.getByText("Đã nộp phiếu chấm. Cảm ơn đồng chí.")).toBeVisible();
  });
});
