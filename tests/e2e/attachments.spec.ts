// Attachments in the browser: a cadre uploads a PDF to a draft, sees it listed, downloads it
// (a download with nosniff, never a page), is refused a disguised file with the message next
// to the input, removes a file after a confirmation step; the receiving leader cannot open the
// draft's file until it is submitted. The same upload without JavaScript, and an oversized file
// refused by the server. axe on every state of the page (with JavaScript: axe runs in it).
import { submit } from "~/models/initiatives.server";
import { createUser, expect, expectAccessible, signIn, signOut, test } from "./support/fixtures";
import { asPerson, cadreWithDraft, CELL } from "./support/initiatives";
import type { Page } from "@playwright/test";

const PDF = Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
const EXE = Buffer.concat([Buffer.from([0x4d, 0x5a, 0x90, 0x00]), Buffer.from("This program cannot be run in DOS mode.")]);
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0]);

const fileInput = (page: Page) => page.getByLabel("Chọn tệp cần đính kèm");

async function upload(page: Page, name: string, mimeType: string, buffer: Buffer) {
  await fileInput(page).setInputFiles({ name, mimeType, buffer });
  await page.getByRole("button", { name: "Tải tệp lên" }).click();
}

async function expectDisguisedRefused(page: Page) {
  await upload(page, "huong-dan.pdf", "application/pdf", EXE);
  const message = "Nội dung tệp không đúng với loại tệp ghi trong tên";
  await expect(page.getByRole("alert")).toContainText(message);
  await expect(page.locator(".field--error .field__error")).toContainText(message);
  await expect(fileInput(page)).toHaveAttribute("aria-invalid", "true");
  await expect(page).toHaveTitle(/^Lỗi: Tệp đính kèm/);
}

test.describe("attachments", () => {
  test("upload, list, download, refuse a disguised file, remove with confirmation; the leader only after submission", async ({ page }) => {
    const { cadre, id } = await cadreWithDraft();
    const leader = await createUser({ orgCode: CELL, roles: [["leader", CELL]], given: "Lãnh" });
    const here = `/sang-kien/${id}/tep-dinh-kem`;
    await signIn(page, cadre.username, cadre.password);
    await page.goto(here);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Tệp đính kèm");
    await expect(page.getByText("Chưa có tệp đính kèm nào.")).toBeVisible();
    await expect(page.getByText(/mỗi tệp tối đa \d+ MB/)).toBeVisible();
    await expect(page.getByRole("link", { name: "Quay lại danh sách mục" })).toHaveAttribute("href", `/sang-kien/${id}`);
    await expectAccessible(page);

    await upload(page, "Tờ trình.pdf", "application/pdf", PDF);
    await expect(page.getByText("Đã đính kèm tệp “Tờ trình.pdf”.")).toBeVisible();
    const table = page.getByRole("table", { name: "Các tệp đã đính kèm" });
    const row = table.getByRole("row", { name: /Tờ trình\.pdf/ });
    await expect(row).toContainText("PDF");
    await expect(row).toContainText("0,1 KB");
    await expectAccessible(page);

    // The download: the bytes as uploaded, as an attachment, never sniffed into a page.
    const link = row.getByRole("link", { name: /^Tờ trình\.pdf/ });
    const href = (await link.getAttribute("href"))!;
    const response = await page.request.get(href);
    expect(response.status()).toBe(200);
    const headers = response.headers();
    expect(headers["content-type"]).toBe("application/pdf");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["cache-control"]).toBe("private, no-store");
    expect(headers["content-disposition"]).toBe(`attachment; filename="To trinh.pdf"; filename*=UTF-8''T%E1%BB%9D%20tr%C3%ACnh.pdf`);
    expect(Buffer.from(await response.body())).toEqual(PDF);
    const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
    expect(download.suggestedFilename()).toBe("Tờ trình.pdf");

    await expectDisguisedRefused(page);
    await expectAccessible(page);
    await expect(table.getByRole("row")).toHaveCount(2);

    // A second file, removed after a confirmation step of its own.
    await upload(page, "sơ đồ.png", "image/png", PNG);
    await expect(page.getByText("Đã đính kèm tệp “sơ đồ.png”.")).toBeVisible();
    await table.getByRole("row", { name: /sơ đồ\.png/ }).getByRole("link", { name: /^Gỡ/ }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Gỡ tệp đính kèm");
    await expect(page.getByText("Đồng chí có chắc muốn gỡ tệp “sơ đồ.png” khỏi bản nháp không?")).toBeVisible();
    await expectAccessible(page);
    await page.getByRole("button", { name: "Gỡ tệp" }).click();
    await expect(page.getByText("Đã gỡ tệp đính kèm.")).toBeVisible();
    await expect(table.getByRole("row", { name: /sơ đồ\.png/ })).toHaveCount(0);
    await expect(table.getByRole("row", { name: /Tờ trình\.pdf/ })).toBeVisible();
    await signOut(page);

    // The receiving leader: the draft's file does not exist for them, until it is submitted.
    await signIn(page, leader.username, leader.password);
    expect((await page.request.get(href)).status()).toBe(404);
    expect((await page.request.get(here)).status()).toBe(404);
    asPerson(cadre.personId, (ctx) => submit(ctx, id));
    const after = await page.request.get(href);
    expect(after.status()).toBe(200);
    expect(Buffer.from(await after.body())).toEqual(PDF);
  });

  test.describe("without JavaScript", () => {
    test.use({ javaScriptEnabled: false });

    test("the same upload, a disguised file and an oversized one refused next to the input", async ({ page }) => {
      const { cadre, id } = await cadreWithDraft();
      await signIn(page, cadre.username, cadre.password);
      await page.goto(`/sang-kien/${id}/tep-dinh-kem`);
      await upload(page, "Báo cáo.pdf", "application/pdf", PDF);
      await expect(page.getByText("Đã đính kèm tệp “Báo cáo.pdf”.")).toBeVisible();
      await expect(page.getByRole("table", { name: "Các tệp đã đính kèm" }).getByRole("row", { name: /Báo cáo\.pdf/ })).toBeVisible();
      await expectDisguisedRefused(page);
      // (axe needs JavaScript in the page: it runs in the test above.)

      const limitMb = Number(process.env.ATTACHMENT_MAX_MB || 20);
      const big = Buffer.alloc(Math.ceil((limitMb + 0.2) * 1024 * 1024), 0x20);
      PDF.copy(big);
      await upload(page, "lon.pdf", "application/pdf", big);
      await expect(page.locator(".field--error .field__error")).toContainText(`Tệp lớn hơn ${limitMb.toLocaleString("vi-VN")} MB`);
      await expect(page.getByRole("alert")).toBeVisible();
      await expect(page.getByRole("table", { name: "Các tệp đã đính kèm" }).getByRole("row")).toHaveCount(2);
    });
  });
});
