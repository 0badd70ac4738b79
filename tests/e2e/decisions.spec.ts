// Decisions in a browser: the secretary records a ward-level recognition from the council item
// (a bad number refused next to its field, what was typed kept), downloads the decision DOCX in
// the party layout; the author sees the decision, the score summary and the credit; a refusal
// recorded with JavaScript off; axe on every page.
import { inflateRawSync } from "node:zlib";
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

function withDb<T>(fn: (ctxOf: (personId: number) => Ctx, db: Ctx["db"]) => T): T {
  const handle = openDatabase(E2E_DB);
  const secrets = loadOrCreateSecrets(E2E_SECRETS);
  try {
    return fn((personId) => ({ db: handle.db, actor: loadActor(handle.db, personId), secrets, now: () => new Date() }), handle.db);
  } finally {
    handle.sqlite.close();
  }
}

/** One entry of a ZIP file, read from its central directory. */
function unzip(zip: Buffer, name: string): string {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let p = zip.readUInt32LE(eocd + 16);
  for (let i = 0; i < zip.readUInt16LE(eocd + 10); i++) {
    const size = zip.readUInt32LE(p + 20);
    const nameLength = zip.readUInt16LE(p + 28);
    const local = zip.readUInt32LE(p + 42);
    if (zip.toString("utf8", p + 46, p + 46 + nameLength) === name) {
      const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
      const data = zip.subarray(start, start + size);
      return (zip.readUInt16LE(p + 10) === 8 ? inflateRawSync(data) : data).toString("utf8");
    }
    p += 46 + nameLength + zip.readUInt16LE(p + 30) + zip.readUInt16LE(p + 32);
  }
  throw new Error(`${name} not in the zip`);
}

type Setup = { author: TestUser; secretary: TestUser; councilId: number; items: [number, number]; initiatives: [number, number]; titles: [string, string]; stamp: string };
let s: Setup;

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  const author = await createUser({ orgCode: CELL, roles: [["cadre", CELL]], given: "Tác Giả" });
  const leader = await createUser({ orgCode: CELL, roles: [["leader", CELL]], given: "Lãnh Đạo" });
  const ev1 = await createUser({ orgCode: WARD, roles: [["evaluator", WARD]], given: "Chấm Một" });
  const ev2 = await createUser({ orgCode: WARD, roles: [["evaluator", WARD]], given: "Chấm Hai" });
  const secretary = await createUser({ orgCode: WARD, roles: [["secretary", WARD]], given: "Thư Ký" });
  const stamp = String(Date.now() % 100000);
  const titles: [string, string] = [`Sổ tiếp dân điện tử ${stamp}`, `Hộp thư góp ý số ${stamp}`];
  s = withDb((ctxOf, db) => {
    const ids = titles.map((title) => {
      const { id } = createDraft(ctxOf(author.personId), { kind: "initiative" });
      for (const [section, values] of Object.entries(SECTIONS(title))) saveSection(ctxOf(author.personId), id, section, values);
      submit(ctxOf(author.personId), id);
      accept(ctxOf(leader.personId), id);
      return id;
    }) as [number, number];
    const at = new Date().toISOString();
    const orgId = db.select({ id: organizations.id }).from(organizations).where(eq(organizations.code, WARD)).get()!.id;
    const rubricId = db
      .insert(rubrics)
      .values({ orgId, name: "Phiếu chấm 100 điểm", thresholdUnit: 50, thresholdWard: 70, thresholdCity: 85, createdBy: secretary.personId, createdAt: at, lockedAt: at })
      .returning({ id: rubrics.id })
      .get().id;
    db.insert(rubricCriteria)
      .values([
        { rubricId, position: 1, name: "Tính mới", maxPoints: 30 },
        { rubricId, position: 2, name: "Khả năng áp dụng", maxPoints: 30 },
        { rubricId, position: 3, name: "Hiệu quả, lợi ích", maxPoints: 40 },
      ])
      .run();
    const councilId = db
      .insert(councils)
      .values({ orgId, name: `Hội đồng đánh giá ${stamp}`, periodYear: 2026, rubricId, createdBy: secretary.personId, createdAt: at })
      .returning({ id: councils.id })
      .get().id;
    for (const [personId, role] of [[secretary.personId, "secretary"], [ev1.personId, "member"], [ev2.personId, "member"]] as const) {
      db.insert(councilMembers).values({ councilId, personId, role, addedBy: secretary.personId, addedAt: at }).run();
    }
    const items = ids.map((initiativeId, i) => {
      const itemId = db.insert(councilItems).values({ councilId, initiativeId, version: 1, dueOn: "2099-12-31", assignedBy: secretary.personId, assignedAt: at }).returning({ id: councilItems.id }).get().id;
      const totals = i === 0 ? [150, 146] : [80, 84]; // 75 + 73 → mean 74 (ward); 40 + 42 → 41 (below unit)
      [ev1.personId, ev2.personId].forEach((evaluatorId, k) =>
        db.insert(evaluations).values({ itemId, evaluatorId, status: "submitted", dueOn: "2099-12-31", assignedBy: secretary.personId, assignedAt: at, savedAt: at, submittedAt: at, totalHalfPoints: totals[k] }).run(),
      );
      return itemId;
    }) as [number, number];
    return { author, secretary, councilId, items, initiatives: ids, titles, stamp };
  });
});

test("the secretary records a ward-level recognition and downloads the decision in the party layout", async ({ page }) => {
  await signIn(page, s.secretary.username, s.secretary.password);
  await page.goto(`/danh-gia/hoi-dong/${s.councilId}/quyet-dinh/${s.items[0]}`);
  await expect(page.getByRole("heading", { level: 1, name: "Ghi quyết định của Hội đồng" })).toBeVisible();
  await expect(page.getByText("74 / 100")).toBeVisible();
  await expect(page.getByText("Mức đề xuất theo ngưỡng điểm: cấp phường, xã")).toBeVisible();
  await expectAccessible(page);

  await expect(page.getByLabel("Công nhận", { exact: true })).toBeChecked();
  await expect(page.getByLabel("cấp phường, xã")).toBeChecked();
  await page.getByLabel("Số quyết định").fill("15/QĐ-ĐU");
  await page.getByLabel("Họ và tên người ký").fill("Nguyễn Văn Bình");
  await page.getByLabel("Chức vụ người ký").fill("Chủ tịch Hội đồng");
  await page.getByRole("button", { name: "Ghi quyết định" }).click();
  await expect(page.locator("#f-number-error")).toContainText("Số quyết định chưa đúng thể thức");
  await expect(page).toHaveTitle(/^Lỗi: /);
  await expect(page.getByLabel("Họ và tên người ký")).toHaveValue("Nguyễn Văn Bình");
  await expectAccessible(page);

  const number = `${s.stamp}-QĐ/ĐU`;
  await page.getByLabel("Số quyết định").fill(number);
  await page.getByRole("button", { name: "Ghi quyết định" }).click();
  await expect(page.getByText("Đã ghi quyết định.")).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: `Quyết định số ${number}` })).toBeVisible();
  await expect(page.locator(".party-doc")).toContainText("ĐẢNG CỘNG SẢN VIỆT NAM");
  await expectAccessible(page);

  const href = await page.getByRole("link", { name: "Tải quyết định (DOCX)" }).getAttribute("href");
  const response = await page.request.get(href!);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toContain("wordprocessingml");
  const body = await response.body();
  expect(body.subarray(0, 2).toString()).toBe("PK");
  const xml = unzip(body, "word/document.xml");
  expect(xml).toContain("ĐẢNG CỘNG SẢN VIỆT NAM");
  expect(xml).toContain(`Số ${number}`);

  // The council's minutes and score sheet, from the links on the recording page.
  const minutes = await page.request.get(`/danh-gia/hoi-dong/${s.councilId}/bien-ban.docx`);
  expect(unzip(await minutes.body(), "word/document.xml")).toContain("BIÊN BẢN");
  const scores = await page.request.get(`/danh-gia/hoi-dong/${s.councilId}/bang-diem.xlsx`);
  expect([scores.status(), (await scores.body()).subarray(0, 2).toString()]).toEqual([200, "PK"]);

  // A second decision on the same version is refused on the page.
  await page.goto(`/danh-gia/hoi-dong/${s.councilId}/quyet-dinh/${s.items[0]}`);
  await expect(page.getByText("Phiên bản này đã có quyết định:")).toBeVisible();
  await expect(page.getByRole("button", { name: "Ghi quyết định" })).toHaveCount(0);
});

test("the author sees the decision, the score summary and the credit", async ({ page }) => {
  await signIn(page, s.author.username, s.author.password);
  await page.goto(`/sang-kien/${s.initiatives[0]}/quyet-dinh`);
  await expect(page.getByRole("heading", { level: 1, name: "Quyết định về sáng kiến" })).toBeVisible();
  await expect(page.getByText("Công nhận cấp phường, xã")).toBeVisible();
  await expect(page.getByText("2 thành viên Hội đồng đã chấm; điểm trung bình 74.")).toBeVisible();
  await expectAccessible(page);

  // Individual scores are for the council only.
  expect((await page.request.get(`/danh-gia/hoi-dong/${s.councilId}/bang-diem.xlsx`)).status()).toBe(403);

  await page.goto("/ghi-nhan");
  await expect(page.getByRole("heading", { level: 2, name: "Điểm ghi nhận của tôi" })).toBeVisible();
  await expect(page.getByRole("table", { name: "Tổng theo năm" })).toContainText("5");
  await expect(page.getByRole("link", { name: s.titles[0] })).toBeVisible();
  await expectAccessible(page);

  await page.goto(`/sang-kien/${s.initiatives[0]}/ket-qua`);
  await expect(page.getByRole("heading", { level: 2, name: "Gửi báo cáo mới" })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Hiệu quả đo được khi áp dụng").fill("Giảm 40 % thời gian tra cứu.");
  await page.getByRole("button", { name: "Gửi báo cáo" }).click();
  await expect(page.getByText("Đã gửi báo cáo.")).toBeVisible();
  await expect(page.getByText("Chờ xác nhận")).toBeVisible();
  await expectAccessible(page);
});

test("without JavaScript: a refusal needs its reason, then is recorded", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await signIn(page, s.secretary.username, s.secretary.password);
  await page.goto(`/danh-gia/hoi-dong/${s.councilId}/quyet-dinh/${s.items[1]}`);
  await expect(page.getByText("Điểm trung bình chưa đạt ngưỡng công nhận cấp cơ sở.")).toBeVisible();
  await page.getByRole("radio", { name: "Không công nhận" }).check();
  await page.getByLabel("Số quyết định").fill(`${Number(s.stamp) + 1}-QĐ/ĐU`);
  await page.getByLabel("Họ và tên người ký").fill("Nguyễn Văn Bình");
  await page.getByLabel("Chức vụ người ký").fill("Chủ tịch Hội đồng");
  await page.getByRole("button", { name: "Ghi quyết định" }).click();
  await expect(page.locator("#f-reason-error")).toContainText("Vui lòng ghi rõ lý do không công nhận");
  await expect(page.getByLabel("Họ và tên người ký")).toHaveValue("Nguyễn Văn Bình");
  await expect(page.getByRole("radio", { name: "Không công nhận" })).toBeChecked();
  await page.getByLabel("Lý do (bắt buộc khi không công nhận)").fill("Chưa chứng minh được hiệu quả thực tế.");
  await page.getByRole("button", { name: "Ghi quyết định" }).click();
  await expect(page.getByText("Đã ghi quyết định.")).toBeVisible();
  await expect(page.locator(".party-doc")).toContainText("Không công nhận sáng kiến");
  await context.close();
});
