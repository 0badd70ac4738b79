// Registering an initiative in the browser, end to end: a leader posts a task; a cadre fills
// the task-list form with a co-author of the portal, an outside co-author and an attachment,
// checks the answers, submits, downloads the signed receipt and verifies it on the public
// page; the leader returns it with a reason; the cadre revises and resubmits (same number, a
// second version with what changed); the leader accepts. The same registration again with
// JavaScript disabled. axe on every page on the way.
import { readFileSync } from "node:fs";
import type { Page } from "@playwright/test";
import { createUser, expect, expectAccessible, signIn, signOut, test } from "./support/fixtures";
import { signInAs, uid } from "./support/admin";
import { asPerson, cadreWithDraft } from "./support/initiatives";
import { submit } from "~/models/initiatives.server";

const nextYear = new Date().getFullYear() + 1;
const PDF = Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

async function postTask(page: Page, title: string) {
  await signInAs(page, "bithu");
  await page.goto("/nhiem-vu/moi");
  await page.getByLabel("Tên nhiệm vụ").fill(title);
  await page.getByLabel("Tiêu cực").check();
  await page.getByLabel("Nội dung nhiệm vụ").fill("Đề xuất giải pháp phòng ngừa tiêu cực trong tiếp nhận hồ sơ.");
  await page.getByLabel("Hạn hoàn thành").fill(`30/06/${nextYear}`);
  await page.getByLabel("Tổ chức nhận nhiệm vụ").fill("P001-CQ-CB1");
  await page.getByRole("button", { name: "Lưu bản nháp" }).click();
  await page.getByRole("link", { name: "Ban hành nhiệm vụ" }).click();
  await page.getByRole("button", { name: "Xác nhận ban hành" }).click();
  await expect(page.getByText("Đã ban hành nhiệm vụ.")).toBeVisible();
  await signOut(page);
}

async function saveSection(page: Page, name: string, fill: () => Promise<void>) {
  await page.getByRole("link", { name, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
  await fill();
  await page.getByRole("button", { name: "Lưu và quay lại danh sách mục" }).click();
  await expect(page.getByText("Đã lưu mục của đơn.")).toBeVisible();
}

/** The cadre's part: from "new registration" to the confirmation page. Returns the number. */
async function register(page: Page, opts: { title: string; task?: string; axe: boolean }): Promise<string> {
  const axe = async () => (opts.axe ? expectAccessible(page) : undefined);
  await signInAs(page, "canbo");
  if (opts.task) {
    // From the task that reaches the cadre's cell: the task comes preselected.
    await page.goto("/nhiem-vu");
    await page.getByRole("link", { name: opts.task }).click();
    await page.getByRole("link", { name: "Đăng ký sáng kiến, giải pháp cho nhiệm vụ này" }).click();
    await expect(page.locator("#f-taskId option:checked")).toContainText(opts.task);
  } else {
    await page.getByRole("link", { name: "Sáng kiến, giải pháp" }).first().click();
    await axe();
    await page.getByRole("link", { name: "Đăng ký sáng kiến, giải pháp mới" }).click();
  }
  await page.getByRole("button", { name: "Bắt đầu lập đơn" }).click();
  await expect(page.getByRole("alert")).toContainText("Vui lòng chọn sáng kiến hoặc giải pháp phòng ngừa");
  await expect(page).toHaveTitle(/^Lỗi: /);
  await axe();
  await page.getByLabel("Sáng kiến", { exact: false }).first().check();
  await page.getByRole("button", { name: "Bắt đầu lập đơn" }).click();
  await expect(page.getByText("Đã tạo bản nháp.")).toBeVisible();
  await expect(page.getByText(/Đã hoàn thành \d trên 8 mục/)).toBeVisible();
  await axe();

  await saveSection(page, "Thông tin chung", async () => {
    await page.getByLabel("Tên sáng kiến, giải pháp").fill(`${opts.title} <script>`);
    await page.getByLabel("Lĩnh vực áp dụng").fill("Cải cách hành chính");
    await page.getByLabel("Ngày áp dụng lần đầu hoặc áp dụng thử").fill("15/03/2026");
    await page.getByRole("button", { name: "Lưu và quay lại danh sách mục" }).click();
    // Markup is refused next to the field; what was typed stays.
    await expect(page.locator(".field__error").first()).toContainText("Không được nhập mã HTML");
    await expect(page.getByLabel("Lĩnh vực áp dụng")).toHaveValue("Cải cách hành chính");
    await axe();
    await page.getByLabel("Tên sáng kiến, giải pháp").fill(opts.title);
  });

  await page.getByRole("link", { name: "Tác giả và tỷ lệ đóng góp", exact: true }).click();
  await axe();
  await page.getByLabel("Tỷ lệ đóng góp (%)").first().fill("70");
  await page.getByRole("button", { name: "Thêm đồng tác giả" }).click();
  await page.locator("#f-authors-1-username").fill("bithu.chibo");
  await page.locator("#f-authors-1-share").fill("20");
  await page.getByRole("button", { name: "Thêm đồng tác giả" }).click();
  await page.locator("#f-authors-2-fullName").fill("Nguyễn Văn Ngoài");
  await page.locator("#f-authors-2-workplace").fill("Trường Đại học Luật Thành phố Hồ Chí Minh");
  await page.locator("#f-authors-2-share").fill("5");
  await page.getByRole("button", { name: "Lưu và quay lại danh sách mục" }).click();
  await expect(page.getByRole("alert")).toContainText("Tổng tỷ lệ đóng góp của các tác giả phải bằng 100 %");
  await expect(page.locator("#f-authors-2-fullName")).toHaveValue("Nguyễn Văn Ngoài");
  await axe();
  await page.locator("#f-authors-2-share").fill("10");
  await page.getByRole("button", { name: "Lưu và quay lại danh sách mục" }).click();
  await expect(page.getByText("Đã lưu mục của đơn.")).toBeVisible();

  await saveSection(page, "Nội dung giải pháp", async () => {
    await page.getByLabel("Các bước thực hiện giải pháp").fill("Bước 1: số hóa hồ sơ.\nBước 2: công khai tiến độ xử lý.");
    await page.getByLabel("Những điểm cải tiến so với cách làm hiện tại").fill("Người dân theo dõi được hồ sơ, không cần gặp trực tiếp cán bộ.");
    await page.getByLabel("Cách thức áp dụng").fill("Áp dụng tại bộ phận một cửa của phường.");
  });
  await saveSection(page, "Điều kiện cần thiết để áp dụng", () => page.getByLabel("Điều kiện cần thiết để áp dụng").fill("Có máy quét và phần mềm một cửa."));
  await saveSection(page, "Hiệu quả, lợi ích", () => page.getByLabel("Hiệu quả, lợi ích dự kiến theo ý kiến tác giả").fill("Giảm tiếp xúc trực tiếp, giảm nguy cơ nhũng nhiễu."));

  // Not sworn yet: the check page says what is missing and links to it.
  await page.getByRole("link", { name: "Kiểm tra lại thông tin" }).click();
  await expect(page.getByRole("alert")).toContainText("Đồng chí cần đánh dấu lời cam đoan trước khi nộp");
  await axe();
  await page.getByRole("link", { name: "Danh sách các mục của đơn" }).click();
  await saveSection(page, "Cam đoan", () => page.getByLabel(/Tôi xin cam đoan/).check());

  await page.getByRole("link", { name: "Tệp đính kèm", exact: true }).click();
  await page.getByLabel("Chọn tệp cần đính kèm").setInputFiles({ name: "so-lieu.pdf", mimeType: "application/pdf", buffer: PDF });
  await page.getByRole("button", { name: "Tải tệp lên" }).click();
  await expect(page.getByText("Đã đính kèm tệp “so-lieu.pdf”.")).toBeVisible();
  await page.getByRole("link", { name: "Quay lại danh sách mục" }).click();
  await expect(page.getByText("Đã hoàn thành 8 trên 8 mục.")).toBeVisible();

  await page.getByRole("link", { name: "Kiểm tra lại thông tin" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Kiểm tra lại thông tin trước khi nộp");
  await expect(page.getByRole("rowheader", { name: /Nguyễn Văn Ngoài/ })).toBeVisible();
  await expect(page.getByRole("link", { name: "so-lieu.pdf" })).toBeVisible();
  await axe();
  await page.getByRole("button", { name: "Nộp đăng ký" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Đã nộp đơn đăng ký");
  const number = (await page.locator(".confirmation-panel__number").textContent())!.trim();
  expect(number).toMatch(/^SK-\d{4}-\d{6}$/);
  await axe();
  return number;
}

/** Download the receipt and check it on the public page. */
async function verifyReceipt(page: Page, number: string, axe: boolean) {
  await page.getByRole("link", { name: "Xem và tải biên nhận" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Biên nhận đăng ký");
  await expect(page.locator(".receipt__number")).toHaveText(number);
  if (axe) await expectAccessible(page);
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Tải tệp biên nhận (.json)" }).click()]);
  const file = await download.path();
  const text = readFileSync(file, "utf8");
  expect(JSON.parse(text).receipt.registrationNumber).toBe(number);
  await page.goto("/kiem-tra-bien-nhan");
  await page.getByLabel("Tệp biên nhận").setInputFiles({ name: "bien-nhan.json", mimeType: "application/json", buffer: Buffer.from(text) });
  await page.getByRole("button", { name: "Kiểm tra biên nhận" }).click();
  await expect(page.getByText("Chữ ký hợp lệ: biên nhận do Cổng cấp và chưa bị sửa.")).toBeVisible();
  await expect(page.getByText("Hồ sơ đăng ký phiên bản này vẫn khớp đúng mã băm ghi trên biên nhận.")).toBeVisible();
}

async function openInInbox(page: Page, number: string) {
  await page.goto("/sang-kien?xem=tiep-nhan");
  await page.getByRole("row", { name: new RegExp(number) }).getByRole("link").click();
  await expect(page.locator("#main").getByText(number).first()).toBeVisible();
}

async function fullRound(page: Page, opts: { title: string; task?: string; axe: boolean }) {
  const axe = async () => (opts.axe ? expectAccessible(page) : undefined);
  const number = await register(page, opts);
  await verifyReceipt(page, number, opts.axe);
  await page.goto("/");
  await signOut(page);

  // The ward leader returns it with a reason (required).
  await signInAs(page, "bithu");
  await openInInbox(page, number);
  await axe();
  await page.getByRole("link", { name: "Yêu cầu bổ sung" }).click();
  await page.getByRole("button", { name: "Gửi yêu cầu bổ sung" }).click();
  await expect(page.getByRole("alert")).toContainText("Vui lòng");
  await axe();
  await page.getByLabel("Lý do và nội dung cần bổ sung").fill("Bổ sung số liệu hiệu quả đã đo được.");
  await page.getByRole("button", { name: "Gửi yêu cầu bổ sung" }).click();
  await expect(page.getByText("Đã yêu cầu bổ sung.")).toBeVisible();
  await signOut(page);

  // The cadre revises and resubmits: the same number, version 2, what changed.
  await signInAs(page, "canbo");
  await page.goto("/thong-bao");
  await page.getByRole("link", { name: new RegExp(`Đơn ${number} được yêu cầu bổ sung`) }).first().click();
  await expect(page.getByText("Bổ sung số liệu hiệu quả đã đo được.")).toBeVisible();
  await axe();
  await saveSection(page, "Hiệu quả, lợi ích", () => page.getByLabel(/Hiệu quả, lợi ích thu được/).fill("Thời gian xử lý hồ sơ giảm 40 %."));
  await page.getByRole("link", { name: "Kiểm tra lại thông tin" }).click();
  await page.getByRole("button", { name: "Nộp lại đơn đăng ký" }).click();
  await expect(page.locator(".confirmation-panel__number")).toHaveText(number);
  await page.getByRole("link", { name: "Xem đơn đăng ký" }).click();
  await page.getByRole("link", { name: "Phiên bản 2" }).click();
  await expect(page.getByRole("row", { name: /Hiệu quả, lợi ích thu được/ })).toContainText("Thời gian xử lý hồ sơ giảm 40 %.");
  await axe();
  await signOut(page);

  // The leader accepts; the decision is due three months later.
  await signInAs(page, "bithu");
  await openInInbox(page, number);
  await page.getByRole("link", { name: "Tiếp nhận", exact: true }).click();
  await axe();
  await page.getByRole("button", { name: "Tiếp nhận đơn" }).click();
  await expect(page.getByText("Đã tiếp nhận đơn đăng ký.")).toBeVisible();
  await expect(page.getByText("Đã tiếp nhận", { exact: true })).toBeVisible();
  await expect(page.getByText("Hạn ra quyết định")).toBeVisible();
  await signOut(page);
}

test.describe("initiative registration", () => {
  test("task, registration with co-authors and a file, receipt verified, returned, resubmitted, accepted", async ({ page }) => {
    test.setTimeout(120_000);
    const task = `Phòng ngừa tiêu cực tại bộ phận một cửa ${uid()}`;
    await postTask(page, task);
    await fullRound(page, { title: `Công khai tiến độ hồ sơ một cửa ${uid()}`, task, axe: true });
  });

  test("a draft is its authors' alone: a cadre of another ward and the ward leader get not found", async ({ page }) => {
    await signInAs(page, "canbo");
    await page.goto("/sang-kien/moi");
    await page.getByLabel("Giải pháp phòng ngừa", { exact: false }).first().check();
    await page.getByRole("button", { name: "Bắt đầu lập đơn" }).click();
    await expect(page.getByText("Đã tạo bản nháp.")).toBeVisible();
    const url = page.url().replace(/\?.*$/, "");
    await signOut(page);
    const other = await createUser({ orgCode: "P002" });
    await signIn(page, other.username, other.password);
    expect((await page.goto(url))?.status()).toBe(404);
    await signOut(page);
    await signInAs(page, "bithu");
    expect((await page.goto(url))?.status()).toBe(404);
  });
});

test.describe("withdrawing", () => {
  test("the authors withdraw a submitted registration after a confirmation step, with an optional reason", async ({ page }) => {
    const { cadre, id } = await cadreWithDraft("Rút");
    asPerson(cadre.personId, (ctx) => submit(ctx, id));
    await signIn(page, cadre.username, cadre.password);
    await page.goto(`/sang-kien/${id}`);
    await page.getByRole("link", { name: "Rút đơn đăng ký" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Rút đơn đăng ký");
    await expectAccessible(page);
    await page.getByLabel(/Lý do/).fill("Trùng với sáng kiến đã đăng ký của đơn vị khác.");
    await page.getByRole("button", { name: "Rút đơn đăng ký" }).click();
    await expect(page.getByText("Đã rút đơn đăng ký.")).toBeVisible();
    await expect(page.getByText("Đã rút", { exact: true })).toBeVisible();
    await expect(page.getByRole("link", { name: "Rút đơn đăng ký" })).toHaveCount(0);
    await expectAccessible(page);
  });
});

test.describe("initiative registration without JavaScript", () => {
  test.use({ javaScriptEnabled: false });
  test("the same registration, return and acceptance work with plain forms", async ({ page }) => {
    test.setTimeout(120_000);
    await fullRound(page, { title: `Sổ theo dõi tiếp dân điện tử ${uid()}`, axe: false });
  });
});
