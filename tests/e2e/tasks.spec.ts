// Prevention tasks in the browser: the ward leader posts a task to a cell with a named
// assignee and publishes it; the assignee sees it under "Nhiệm vụ của tôi" with a
// notification; a cadre of another ward does not see it; the form without JavaScript sends
// errors back keeping what was typed; axe on every task page, also at phone width.
import { createUser, expect, expectAccessible, signOut, test } from "./support/fixtures";
import { signInAs, uid } from "./support/admin";

const nextYear = new Date().getFullYear() + 1;

test.describe("prevention tasks", () => {
  test("a ward leader posts and publishes a task; the assignee sees it and is notified; another ward does not", async ({ page }) => {
    const s = uid();
    const title = `Rà soát thủ tục cấp phép ${s}`;
    await signInAs(page, "bithu");
    await page.goto("/nhiem-vu");
    await expect(page.getByRole("table", { name: "Nhiệm vụ do tổ chức đồng chí phụ trách giao" })).toBeVisible();
    await expectAccessible(page);
    await page.getByRole("link", { name: "Giao nhiệm vụ mới" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Giao nhiệm vụ phòng ngừa");
    await expectAccessible(page);
    // With JavaScript the same schema answers in the browser first.
    await page.getByRole("button", { name: "Lưu bản nháp" }).click();
    await expect(page.getByRole("alert")).toContainText("Vui lòng chọn ít nhất một lĩnh vực");
    await expect(page).toHaveTitle(/^Lỗi: Giao nhiệm vụ phòng ngừa/);
    await expectAccessible(page);

    await page.getByLabel("Tên nhiệm vụ").fill(title);
    await page.getByLabel("Tham nhũng").check();
    await page.getByLabel("Lãng phí").check();
    await page.getByLabel("Nội dung nhiệm vụ").fill("Rà soát quy trình, đề xuất giải pháp phòng ngừa nhũng nhiễu.\nBáo cáo kết quả bằng văn bản.");
    await page.getByLabel("Quý").selectOption({ label: "Quý IV" });
    await page.getByLabel("Hạn hoàn thành").fill(`31/12/${nextYear}`);
    await page.getByLabel("Tổ chức nhận nhiệm vụ").fill("P001-CQ-CB1");
    // The people finder: search by name without diacritics, tick, and the username joins the list.
    await page.getByLabel("Họ tên hoặc tên đăng nhập").fill("hoang thi lan");
    await page.getByRole("button", { name: "Tìm cán bộ" }).click();
    const found = page.getByRole("table", { name: /Cán bộ tìm được/ });
    await expect(found.getByRole("cell", { name: "canbo", exact: true })).toBeVisible();
    await expectAccessible(page);
    await expect(page.getByLabel("Tên nhiệm vụ")).toHaveValue(title);
    await found.getByLabel("Thêm Hoàng Thị Lan").check();
    await page.getByRole("button", { name: "Lưu bản nháp" }).click();

    await expect(page.getByText("Đã lưu bản nháp nhiệm vụ.")).toBeVisible();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
    await expect(page.getByText("Bản nháp", { exact: true })).toBeVisible();
    await expect(page.getByText("Hoàng Thị Lan — Chi bộ Văn phòng")).toBeVisible();
    await expectAccessible(page);
    const url = page.url().replace(/\?.*$/, "");
    await page.getByRole("link", { name: "Sửa bản nháp" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sửa nhiệm vụ (bản nháp)");
    await expect(page.getByLabel("Cán bộ được giao đích danh")).toHaveValue("canbo");
    await expect(page.getByLabel("Lãng phí")).toBeChecked();
    await expectAccessible(page);
    await page.getByRole("button", { name: "Lưu thay đổi" }).click();
    await expect(page.getByText("Đã lưu thay đổi.")).toBeVisible();

    await page.getByRole("link", { name: "Ban hành nhiệm vụ" }).click();
    await expect(page.getByRole("heading", { name: "Xác nhận ban hành nhiệm vụ" })).toBeVisible();
    await expectAccessible(page);
    await page.getByRole("button", { name: "Xác nhận ban hành" }).click();
    await expect(page.getByText("Đã ban hành nhiệm vụ.")).toBeVisible();
    await expect(page.getByText("Đã ban hành", { exact: true })).toBeVisible();
    await expect(page.getByRole("link", { name: "Sửa bản nháp" })).toHaveCount(0);
    await page.getByRole("link", { name: "Kết thúc nhiệm vụ" }).click();
    await expect(page.getByRole("heading", { name: "Xác nhận kết thúc nhiệm vụ" })).toBeVisible();
    await expectAccessible(page);
    await page.getByRole("link", { name: "Quay lại, không thực hiện" }).click();
    await expect(page.getByRole("link", { name: "Kết thúc nhiệm vụ" })).toBeVisible();
    await signOut(page);

    // The assignee: "my tasks", the deadline as dd/mm/yyyy, and the notification.
    await signInAs(page, "canbo");
    await page.goto("/nhiem-vu");
    await page.getByRole("link", { name: "Nhiệm vụ của tôi" }).click();
    const mine = page.getByRole("table", { name: "Nhiệm vụ được giao đích danh cho đồng chí" });
    const row = mine.getByRole("row", { name: new RegExp(title) });
    await expect(row).toContainText(`31/12/${nextYear}`);
    await expect(row).toContainText("Đã ban hành");
    await expectAccessible(page);
    await page.goto("/thong-bao");
    await expect(page.getByRole("link", { name: `Đồng chí được giao nhiệm vụ: ${title}` })).toBeVisible();
    await expectAccessible(page);
    await page.getByRole("button", { name: `Đánh dấu đã đọc — Đồng chí được giao nhiệm vụ: ${title}` }).click();
    await expect(page.getByText("Đã đánh dấu đã đọc.")).toBeVisible();
    await page.getByRole("link", { name: `Đồng chí được giao nhiệm vụ: ${title}` }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
    await expect(page.getByText("Giao cho đồng chí")).toBeVisible();
    await signOut(page);

    // A cadre of another ward: not in the list, and the page is not found.
    const other = await createUser({ orgCode: "P003", roles: [["cadre", "P003"]] });
    await signInAs(page, other.username, other.password);
    await page.goto("/nhiem-vu");
    await expect(page.getByRole("link", { name: title })).toHaveCount(0);
    const response = await page.goto(url);
    expect(response!.status()).toBe(404);
  });

  test("the task pages pass axe at phone width without sideways scrolling", async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    await signInAs(page, "bithu");
    const width = () => page.evaluate(() => document.documentElement.scrollWidth);
    for (const path of ["/nhiem-vu", "/nhiem-vu/moi", "/thong-bao"]) {
      await page.goto(path);
      await expectAccessible(page);
      expect(await width(), path).toBeLessThanOrEqual(360);
    }
  });
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the task form sends errors back next to the fields and keeps what was typed", async ({ page }) => {
    const s = uid();
    await signInAs(page, "bithu");
    await page.goto("/nhiem-vu/moi");
    await page.getByLabel("Tên nhiệm vụ").fill(`<script>alert(${s})</script>`);
    await page.getByLabel("Nội dung nhiệm vụ").fill(`Nội dung giữ lại ${s}`);
    await page.getByLabel("Hạn hoàn thành").fill("01/01/2021");
    await page.getByLabel("Tổ chức nhận nhiệm vụ").fill("P003");
    await page.getByLabel("Cán bộ được giao đích danh").fill("canbo");
    await page.getByRole("button", { name: "Lưu bản nháp" }).click();
    await expect(page).toHaveTitle(/^Lỗi: Giao nhiệm vụ phòng ngừa/);
    await expect(page.getByRole("alert")).toContainText("Có lỗi cần sửa");
    await expect(page.getByText("Không được nhập mã HTML hay ký tự < >").first()).toBeVisible();
    await expect(page.getByText("Vui lòng chọn ít nhất một lĩnh vực").first()).toBeVisible();
    await expect(page.getByLabel("Tên nhiệm vụ")).toHaveValue(`<script>alert(${s})</script>`);
    await expect(page.getByLabel("Nội dung nhiệm vụ")).toHaveValue(`Nội dung giữ lại ${s}`);
    await expect(page.getByLabel("Tên nhiệm vụ")).toHaveAttribute("aria-invalid", "true");

    // Fix the markup and the area: the server's own checks answer next to their fields.
    await page.getByLabel("Tên nhiệm vụ").fill(`Nhiệm vụ không JS ${s}`);
    await page.getByLabel("Tiêu cực").check();
    await page.getByRole("button", { name: "Lưu bản nháp" }).click();
    await expect(page).toHaveTitle(/^Lỗi: /);
    await expect(page.getByText("Hạn hoàn thành không được là ngày đã qua").first()).toBeVisible();
    await expect(page.getByText("Có mã tổ chức không tồn tại, đã giải thể hoặc nằm ngoài phạm vi").first()).toBeVisible();
    await expect(page.getByLabel("Tiêu cực")).toBeChecked();
    await expect(page.getByLabel("Tên nhiệm vụ")).toHaveValue(`Nhiệm vụ không JS ${s}`);
    await expect(page.getByLabel("Cán bộ được giao đích danh")).toHaveValue("canbo");

    await page.getByLabel("Hạn hoàn thành").fill(`30/06/${nextYear}`);
    await page.getByLabel("Tổ chức nhận nhiệm vụ").fill("P001-CQ-CB1");
    await page.getByRole("button", { name: "Lưu bản nháp" }).click();
    await expect(page.getByText("Đã lưu bản nháp nhiệm vụ.")).toBeVisible();
    await expect(page.getByText(`30/06/${nextYear}`)).toBeVisible();
  });
});
