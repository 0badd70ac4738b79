// Importing people from a file, in the browser: the templates download, a file with a bad row
// is previewed with the problem in Vietnamese and cannot be confirmed, a good file is confirmed
// and its people appear in the list.
import type { Page } from "@playwright/test";
import { readFile } from "node:fs/promises";
import { expect, expectAccessible, test } from "./support/fixtures";
import { signInAs, uid } from "./support/admin";

const HEADER = "Họ và tên;Ngày sinh;Chức vụ;Mã tổ chức;Đảng viên;Email hoặc tên đăng nhập";

async function upload(page: Page, name: string, lines: string[]) {
  await page.goto("/quan-tri/nhap-danh-sach");
  await page.getByLabel("Tệp danh sách").setInputFiles({ name, mimeType: "text/csv", buffer: Buffer.from(`\uFEFF${lines.join("\r\n")}\r\n`, "utf8") });
  await page.getByRole("button", { name: "Tải lên và kiểm tra" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Kiểm tra danh sách trước khi nhập");
}

test.describe("import people", () => {
  test("the templates download; the CSV template previews with no problem and can be discarded", async ({ page }) => {
    await signInAs(page, "quantri");
    await page.goto("/quan-tri/nhap-danh-sach");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Nhập danh sách cán bộ");
    await expectAccessible(page);

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Tải tệp mẫu CSV" }).click()]);
    expect(download.suggestedFilename()).toBe("mau-danh-sach-can-bo.csv");
    const csv = await readFile((await download.path())!);
    expect(csv.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const text = csv.toString("utf8").slice(1);
    expect(text.split(/\r?\n/)[0]).toBe(HEADER);
    expect(text).toContain("Nguyễn Văn An;05/12/1980;Chuyên viên;TU;có;nguyen.van.an");

    const xlsx = await page.request.get("/quan-tri/nhap-danh-sach/mau.xlsx");
    expect(xlsx.status()).toBe(200);
    expect(xlsx.headers()["content-type"]).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect(xlsx.headers()["content-disposition"]).toContain("mau-danh-sach-can-bo.xlsx");
    expect((await xlsx.body()).subarray(0, 2).toString("latin1")).toBe("PK");

    // The template as downloaded is a valid file; discarding it writes nothing.
    await page.getByLabel("Tệp danh sách").setInputFiles({ name: "mau-danh-sach-can-bo.csv", mimeType: "text/csv", buffer: csv });
    await page.getByRole("button", { name: "Tải lên và kiểm tra" }).click();
    await expect(page.getByText("Danh sách hợp lệ.")).toBeVisible();
    await expect(page.getByRole("button", { name: "Xác nhận nhập 1 cán bộ" })).toBeVisible();
    await page.getByRole("button", { name: "Hủy" }).click();
    await expect(page.getByText("Đã hủy danh sách. Chưa có cán bộ nào được thêm.")).toBeVisible();
  });

  test("a file with a bad row lists the problem in Vietnamese and offers no confirmation", async ({ page }) => {
    const s = uid();
    await signInAs(page, "quantri");
    await upload(page, `loi-${s}.csv`, [HEADER, `Phan Văn Đúng${s};12/03/1985;Chuyên viên;P003-KP1;có;`, `Tạ Thị Sai${s};31/02/1990;Cán bộ;P003-KP1;không;`]);
    await expect(page.getByRole("heading", { name: "Có 1 dòng cần sửa" })).toBeVisible();
    const problems = page.getByRole("table", { name: "Các dòng có lỗi" });
    await expect(problems.getByRole("row", { name: new RegExp(`3 Tạ Thị Sai${s}`) })).toContainText(
      "Ngày sinh không hợp lệ, cần dạng ngày/tháng/năm, ví dụ 05/12/1980",
    );
    await expect(page.getByRole("table", { name: "Các dòng hợp lệ (được tạo khi không còn dòng lỗi)" })).toContainText(`Phan Văn Đúng${s}`);
    await expect(page.getByRole("button", { name: /Xác nhận nhập/ })).toHaveCount(0);
    await expect(page.getByRole("link", { name: "Tải lên tệp khác" })).toBeVisible();
    await expectAccessible(page);

    // Nothing was written.
    await page.goto(`/quan-tri/can-bo?q=dung${s}`);
    await expect(page.getByText("Không có kết quả")).toBeVisible();
  });

  test("a good file is confirmed and its people appear in the list", async ({ page }) => {
    const s = uid();
    await signInAs(page, "quantri");
    await upload(page, `tot-${s}.csv`, [HEADER, `Phan Văn Nhập${s};12/03/1985;Chuyên viên;P003-KP1;có;nhap.${s}`, `Tạ Thị Nhập${s};04/11/1990;Cán bộ;P003-KP2;không;`]);
    await expect(page.getByText("Danh sách hợp lệ.")).toBeVisible();
    await expect(page.getByRole("table", { name: "Cán bộ sẽ được tạo" })).toContainText(`Tạ Thị Nhập${s}`);
    await page.getByRole("button", { name: "Xác nhận nhập 2 cán bộ" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Đã nhập danh sách");
    await expect(page.getByText("2 cán bộ", { exact: true })).toBeVisible();
    await expectAccessible(page);

    await page.getByRole("link", { name: "Xem danh sách cán bộ" }).click();
    await page.getByLabel("Họ tên hoặc tên đăng nhập").fill(`nhap${s}`);
    await page.getByRole("button", { name: "Lọc" }).click();
    const table = page.getByRole("table", { name: "Cán bộ, đảng viên theo bộ lọc" });
    await expect(table.getByRole("link", { name: `Phan Văn Nhập${s}` })).toBeVisible();
    await expect(table.getByRole("link", { name: `Tạ Thị Nhập${s}` })).toBeVisible();
    await expect(table.getByRole("row", { name: new RegExp(`Phan Văn Nhập${s}`) })).toContainText(`nhap.${s}`);
  });
});
