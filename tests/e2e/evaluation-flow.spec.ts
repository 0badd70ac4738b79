// The evaluation workflow end to end, through the pages: the ward's council secretary (thuky)
// makes a score sheet and a council, seats a chair and three evaluators, puts an accepted
// registration before it and assigns two evaluators; both score (the second sees nothing of the
// first's sheet before submitting); the wide spread is flagged and a third evaluator added, who
// also sees nothing of the others'; the secretary records a ward-level recognition; the author
// sees the status, the decision with the score summary (mean only) and their credit. axe on
// every page visited.
import type { Page } from "@playwright/test";
import { submit, accept, saveSection } from "~/models/initiatives.server";
import { personIdOf, signInAs, uid } from "./support/admin";
import { createUser, expect, expectAccessible, signOut, test, type TestUser } from "./support/fixtures";
import { asPerson, cadreWithDraft, SECTIONS } from "./support/initiatives";

const ddmmyyyy = (d: Date) => `${String(d.getDate()).padStart(2, "0")}/${String(d.getMonth() + 1).padStart(2, "0")}/${d.getFullYear()}`;
const inTwoWeeks = () => ddmmyyyy(new Date(Date.now() + 14 * 86400_000));

const score = (page: Page, name: string) => page.getByLabel(`Điểm: ${name}`, { exact: true });

type Sheet = { novelty: string; applicability: string; effect: string; comment: string; total: string };

/** The evaluator opens their sheet from the queue (/danh-gia) and fills it in. */
async function openAndFill(page: Page, title: string, sheet: Sheet) {
  await page.goto("/danh-gia");
  await expect(page.getByRole("heading", { level: 1, name: "Đánh giá sáng kiến" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: title }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expectAccessible(page);
  await score(page, "Tính mới").fill(sheet.novelty);
  await score(page, "Khả năng áp dụng").fill(sheet.applicability);
  await score(page, "Hiệu quả, lợi ích").fill(sheet.effect);
  await page.getByLabel("Nhận xét: Tính mới").fill(sheet.comment);
}

/** Submit the open sheet through its confirmation step (/danh-gia/phieu/:id/nop). */
async function submitSheet(page: Page, total: string) {
  await page.getByRole("button", { name: "Nộp phiếu chấm", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Xác nhận nộp phiếu chấm" })).toBeVisible();
  await expect(page.getByText(`${total} / 100 điểm`)).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Xác nhận nộp phiếu chấm" }).click();
  await expect(page.getByText("Đã nộp phiếu chấm. Cảm ơn đồng chí.")).toBeVisible();
  await expectAccessible(page);
}

async function switchTo(page: Page, user: TestUser | string) {
  await signOut(page);
  if (typeof user === "string") await signInAs(page, user);
  else await signInAs(page, user.username, user.password);
}

test("a registration goes from council to recognition and credit, through the pages", async ({ page }) => {
  test.setTimeout(180_000);
  const s = uid();
  const title = `Sổ tiếp dân điện tử liên thông ${s}`;
  const comments = { a: `Giải pháp rất mới ở phường ${s}`, b: `Khó nhân rộng ra khu phố ${s}`, c: `Áp dụng được ở bộ phận một cửa ${s}` };
  const sheets: Record<"a" | "b" | "c", Sheet> = {
    a: { novelty: "28", applicability: "27", effect: "36", comment: comments.a, total: "91" },
    b: { novelty: "15", applicability: "15", effect: "20", comment: comments.b, total: "50" },
    c: { novelty: "22,5", applicability: "22,5", effect: "30", comment: comments.c, total: "75" },
  };

  // The registration, made through the models: a cadre of the cell submits, the ward leader accepts.
  const { cadre: author, id } = await cadreWithDraft("Tác Giả");
  const registrationNumber = asPerson(author.personId, (ctx) => {
    saveSection(ctx, id, "general", { ...SECTIONS.general, title });
    return submit(ctx, id).registrationNumber;
  });
  asPerson(personIdOf("bithu"), (ctx) => accept(ctx, id));

  // Council members: people of the ward (the council's subtree) with the evaluator role.
  const member = (given: string) => createUser({ orgCode: "P001-CQ", roles: [["evaluator", "P001"]], given });
  const chair = await member("Chủ Tịch");
  const evA = await member("Chấm Một");
  const evB = await member("Chấm Hai");
  const evC = await member("Chấm Ba");

  // 1. The secretary builds a score sheet and a council.
  await signInAs(page, "thuky");
  await page.goto("/danh-gia/phieu-cham");
  await expectAccessible(page);
  await page.getByRole("link", { name: "Tạo phiếu chấm mới" }).click();
  await expect(page.getByRole("group", { name: "Tiêu chí 1" }).getByLabel("Tên tiêu chí")).toHaveValue("Tính mới");
  await expectAccessible(page);
  await page.getByLabel("Tên phiếu").fill(`Phiếu chấm quy trình ${s}`);
  await page.getByRole("button", { name: "Lưu phiếu chấm" }).click();
  await expect(page.getByText("Đã lưu phiếu chấm điểm.")).toBeVisible();
  await expectAccessible(page);

  await page.goto("/danh-gia/hoi-dong");
  await expectAccessible(page);
  await page.getByRole("link", { name: "Thành lập hội đồng" }).click();
  await page.getByLabel("Tên hội đồng").fill(`Hội đồng quy trình ${s}`);
  await page.getByLabel("Phiếu chấm điểm").selectOption({ label: `Phiếu chấm quy trình ${s} — Phiên bản 1 (Đảng ủy Phường Sài Gòn)` });
  await expect(page.getByLabel("Chênh lệch điểm tối đa cho phép")).toHaveValue("20");
  await expectAccessible(page);
  await page.getByRole("button", { name: "Thành lập hội đồng" }).click();
  await expect(page.getByText("Đã thành lập hội đồng.")).toBeVisible();
  await expectAccessible(page);
  const councilUrl = page.url().replace(/\?.*$/, "");

  // 2. A chair and three evaluators.
  for (const [user, role] of [[chair, "Chủ tịch"], [evA, "Thành viên"], [evB, "Thành viên"], [evC, "Thành viên"]] as const) {
    await page.getByRole("link", { name: "Thêm thành viên" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Thêm thành viên hội đồng");
    await page.getByLabel("Tên đăng nhập", { exact: true }).fill(user.username);
    await page.getByLabel("Vai trò").selectOption({ label: role });
    if (user === chair) await expectAccessible(page);
    await page.getByRole("button", { name: "Thêm vào hội đồng" }).click();
    await expect(page.getByText("Đã thêm thành viên.")).toBeVisible();
  }
  // Header, the secretary (seated when the council was formed), the chair, three evaluators.
  await expect(page.getByRole("table", { name: "Thành viên hội đồng và vai trò" }).getByRole("row")).toHaveCount(6);

  // 3. The registration before the council; evaluators A and B.
  await page.getByRole("link", { name: "Giao sáng kiến cho hội đồng" }).click();
  await expectAccessible(page);
  await page.getByLabel(registrationNumber).check();
  await page.getByLabel("Hạn chấm").fill(inTwoWeeks());
  await page.getByRole("button", { name: "Giao cho hội đồng" }).click();
  await expect(page.getByText("Đã giao sáng kiến cho hội đồng.")).toBeVisible();
  const items = page.getByRole("table", { name: "Sáng kiến, người chấm và điểm" });
  const row = items.getByRole("row").filter({ hasText: registrationNumber });
  await expect(row).toContainText("Cần ít nhất 2 người chấm");

  await page.getByRole("link", { name: `Phân công người chấm cho ${registrationNumber}` }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Phân công người chấm");
  await expect(page.getByRole("checkbox", { name: new RegExp(registrationNumber) })).toBeChecked();
  await expectAccessible(page);
  await page.getByLabel(/^Kiểm Thử Chấm Một/).check();
  await page.getByLabel(/^Kiểm Thử Chấm Hai/).check();
  await page.getByLabel("Hạn chấm").fill(inTwoWeeks());
  await page.getByRole("button", { name: "Phân công" }).click();
  await expect(page.getByText("Đã phân công người chấm.")).toBeVisible();
  await expect(row).toContainText("Kiểm Thử Chấm Một");
  await expect(row).toContainText("Kiểm Thử Chấm Hai");
  await expect(row).not.toContainText("Kiểm Thử Chấm Ba");
  await expect(row).toContainText("Chưa có phiếu nộp.");
  await expectAccessible(page);

  // 4. A scores high and keeps a draft.
  await switchTo(page, evA);
  await openAndFill(page, title, sheets.a);
  await page.getByRole("button", { name: "Lưu nháp" }).click();
  await expect(page.getByText("Đã lưu nháp phiếu chấm.")).toBeVisible();
  await expect(score(page, "Tính mới")).toHaveValue("28");
  await expectAccessible(page);

  // 5. B scores low, seeing nothing of A's sheet, and submits.
  await switchTo(page, evB);
  await openAndFill(page, title, sheets.b);
  let html = await page.content();
  expect(html).not.toContain(comments.a);
  expect(html).not.toContain("Kiểm Thử Chấm Một");
  await expect(page.getByText("91 / 100")).toHaveCount(0);
  await submitSheet(page, "50");

  // 6. A comes back to the draft and submits it.
  await switchTo(page, evA);
  await page.goto("/danh-gia");
  await page.getByRole("link", { name: title }).click();
  await expect(score(page, "Hiệu quả, lợi ích")).toHaveValue("36");
  await expect(page.getByLabel("Nhận xét: Tính mới")).toHaveValue(comments.a);
  await submitSheet(page, "91");

  // 7. The secretary sees the spread flagged and adds evaluator C.
  await switchTo(page, "thuky");
  await page.goto(councilUrl);
  await expect(row).toContainText("Kiểm Thử Chấm Một");
  await expect(row).toContainText("91 điểm");
  await expect(row).toContainText("50 điểm");
  await expect(row).toContainText("Trung bình 70,5 · Trung vị 70,5 · Chênh lệch 41");
  await expect(row).toContainText("Chênh lệch lớn");
  await expectAccessible(page);
  await page.getByRole("link", { name: `Bổ sung người chấm cho ${registrationNumber}` }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Phân công người chấm");
  await expect(page.getByRole("checkbox", { name: new RegExp(registrationNumber) })).toBeChecked();
  await expectAccessible(page);
  await page.getByLabel(/^Kiểm Thử Chấm Ba/).check();
  await page.getByLabel("Hạn chấm").fill(inTwoWeeks());
  await page.getByRole("button", { name: "Phân công" }).click();
  await expect(page.getByText("Đã phân công người chấm.")).toBeVisible();
  await expect(row).toContainText("Kiểm Thử Chấm Ba");
  await expectAccessible(page);

  // 8. C scores, seeing nothing of the two submitted sheets, and submits.
  await switchTo(page, evC);
  await openAndFill(page, title, sheets.c);
  html = await page.content();
  for (const hidden of [comments.a, comments.b, "Kiểm Thử Chấm Một", "Kiểm Thử Chấm Hai"]) expect(html).not.toContain(hidden);
  await submitSheet(page, "75");

  // 9. The secretary records a ward-level recognition.
  await switchTo(page, "thuky");
  await page.goto(councilUrl);
  await expect(row).toContainText("Trung bình 72 · Trung vị 75 · Chênh lệch 41");
  await page.getByRole("link", { name: `Ghi quyết định cho đơn ${registrationNumber}` }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Ghi quyết định của Hội đồng" })).toBeVisible();
  await expect(page.getByText("72 / 100")).toBeVisible();
  await expect(page.getByText("Mức đề xuất theo ngưỡng điểm: cấp phường, xã")).toBeVisible();
  await expect(page.getByText("Chênh lệch giữa các phiếu (41 điểm) vượt mức 20 điểm của Hội đồng")).toBeVisible();
  await expectAccessible(page);
  const number = `${1000 + Math.floor(Math.random() * 8000)}-QĐ/ĐU`;
  const today = ddmmyyyy(new Date());
  await page.getByLabel("Công nhận", { exact: true }).check();
  await page.getByLabel("cấp phường, xã").check();
  await page.getByLabel("Số quyết định").fill(number);
  await page.getByLabel("Ngày quyết định").fill(today);
  await page.getByLabel("Họ và tên người ký").fill("Nguyễn Văn Bình");
  await page.getByLabel("Chức vụ người ký").fill("Chủ tịch Hội đồng");
  await page.getByRole("button", { name: "Ghi quyết định" }).click();
  await expect(page.getByText("Đã ghi quyết định.")).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: `Quyết định số ${number}` })).toBeVisible();
  await expect(page.locator(".party-doc")).toContainText("cấp phường, xã");
  await expectAccessible(page);
  await page.goto(councilUrl);
  await expect(row).toContainText("Đã công nhận");

  // 10. The author sees the status, the decision with the mean only, and the credit.
  await switchTo(page, author);
  await page.goto(`/sang-kien/${id}`);
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.getByText("Đã công nhận").first()).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: "Quyết định công nhận và kết quả đánh giá" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Quyết định về sáng kiến" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: new RegExp(`Quyết định số ${number}`) })).toBeVisible();
  await expect(page.getByText("Công nhận cấp phường, xã")).toBeVisible();
  await expect(page.getByText(today)).toBeVisible();
  await expect(page.getByText("3 thành viên Hội đồng đã chấm; điểm trung bình 72.")).toBeVisible();
  await expectAccessible(page);
  // No evaluator, no comment and no individual total on the author's page.
  html = await page.content();
  for (const hidden of [comments.a, comments.b, comments.c, "Kiểm Thử Chấm"]) expect(html).not.toContain(hidden);
  const text = (await page.locator("main").innerText()).replaceAll(registrationNumber, "").replaceAll(number, "").replaceAll(today, "");
  for (const total of ["91", "50", "75"]) expect(text).not.toMatch(new RegExp(`(^|\\D)${total}(\\D|$)`));

  await page.goto("/ghi-nhan");
  await expect(page.getByRole("heading", { level: 2, name: "Điểm ghi nhận của tôi" })).toBeVisible();
  await expect(page.getByRole("table", { name: "Tổng theo năm" }).getByRole("row").nth(1).getByRole("cell")).toHaveText([String(new Date().getFullYear()), "5"]);
  const credit = page.getByRole("table", { name: "Chi tiết" }).getByRole("row").filter({ hasText: title });
  await expect(credit.getByRole("cell")).toHaveText([new RegExp(number.replace("/", "\\/")), title, "cấp phường, xã", "100 %", "5"]);
  await expectAccessible(page);
});
