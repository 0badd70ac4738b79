// The ledger in the browser: the administrator's sign-in and role grant are listed, an event
// checks on its own page, the whole chain (checked in a worker) is intact; the inspector filters it read-only.
import { createUser, expect, expectAccessible, test } from "./support/fixtures";
import { signInAs } from "./support/admin";

test.describe("ledger", () => {
  test("after a sign-in and a role grant the ledger lists both, the event checks and the chain is intact", async ({ page }) => {
    const user = await createUser({ orgCode: "P003-KP2" });
    await signInAs(page, "quantri");
    await page.goto(`/quan-tri/can-bo/${user.personId}`);
    await page.getByLabel("Vai trò", { exact: true }).selectOption({ label: "Cán bộ, đảng viên" });
    await page.getByLabel("Tại tổ chức").fill("P003-KP2");
    await page.getByRole("button", { name: "Giao vai trò" }).click();
    await expect(page.getByText("Đã giao vai trò.")).toBeVisible();

    await page.goto("/so-cai");
    const table = page.getByRole("table", { name: "Sự kiện, mới nhất trước" });
    // This test's grant (its payload names the person) and a sign-in by the administrator.
    const grant = table.locator("tbody tr", { hasText: `personId: ${user.personId}` });
    await expect(grant).toHaveCount(1);
    await expect(grant).toContainText("Cấp vai trò");
    await expect(grant).toContainText("Trần Minh Quân");
    await expect(grant).toContainText("Chi bộ Khu phố 2");
    await expect(table.locator("tbody tr", { hasText: "Đăng nhập" }).filter({ hasText: "Trần Minh Quân" }).first()).toBeVisible();
    await expectAccessible(page);

    const seq = (await grant.locator("th a").textContent())!.replace("#", "");
    await grant.getByRole("link", { name: `Sự kiện số ${seq}` }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Sự kiện số ${seq}`);
    await expect(page.getByText("Sự kiện này hợp lệ")).toBeVisible();
    await expect(page.getByText("Cấp vai trò (role.granted)")).toBeVisible();
    await expectAccessible(page);

    await page.getByRole("link", { name: "Quay lại sổ cái" }).click();
    await page.getByRole("link", { name: "Kiểm tra toàn bộ chuỗi" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Kiểm tra toàn bộ chuỗi");
    // The check runs in a worker: the page polls until the result is in.
    await page.getByRole("button", { name: "Kiểm tra toàn bộ" }).click();
    await expect(page.getByRole("heading", { name: /^Sổ cái nguyên vẹn: [\d.]+ sự kiện, đầu chuỗi #\d+$/ })).toBeVisible();
    await expect(page.getByText(/^Hoàn thành lúc \d\d\/\d\d\/\d{4} \d\d:\d\d, sau [\d,]+ giây\./)).toBeVisible();
    await expectAccessible(page);
    // With a verified position, the quick check of the new events is offered next to the full one.
    await page.getByRole("button", { name: /^Chỉ kiểm tra sự kiện mới \(từ #\d+\)$/ }).click();
    await expect(page.getByRole("heading", { name: /^Phần mới nguyên vẹn: [\d.]+ sự kiện, từ #\d+ đến đầu chuỗi #\d+$/ })).toBeVisible();
  });

  test("the inspector filters by action, sees the chain intact, and a bad date titles the page Lỗi:", async ({ page }) => {
    await signInAs(page, "kiemtra");
    await page.goto("/so-cai");
    await page.getByLabel("Thao tác").selectOption({ label: "Đăng nhập" });
    await page.getByRole("button", { name: "Lọc" }).click();
    const table = page.getByRole("table", { name: "Sự kiện theo bộ lọc, mới nhất trước" });
    await expect(table.locator("tbody tr").first()).toContainText("Lê Thị Hạnh");
    const actions = await table.locator("td[data-label='Thao tác']").allTextContents();
    expect(actions.length).toBeGreaterThan(0);
    expect(new Set(actions)).toEqual(new Set(["Đăng nhập"]));

    await page.goto("/so-cai/kiem-tra");
    await page.getByRole("button", { name: "Kiểm tra toàn bộ" }).click();
    await expect(page.getByRole("heading", { name: /^Sổ cái nguyên vẹn/ })).toBeVisible();

    await page.goto("/so-cai?tu-ngay=31/02/2026");
    await expect(page).toHaveTitle(/^Lỗi: Sổ cái sự kiện/);
    await expect(page.getByLabel("Từ ngày")).toHaveValue("31/02/2026");
  });
});
