// Organizations, people and role grants, driven in the browser: the end-to-end story
// (an administrator creates an organization and a person and grants a role), an axe scan of
// every administration page, scope (a ward administrator sees only the ward; the inspector
// reads but changes nothing), and a form sent back with errors without JavaScript.
import { createUser, expect, expectAccessible, signIn, signOut, test } from "./support/fixtures";
import { createOrg, orgIdOf, personIdOf, signInAs, uid } from "./support/admin";

test.describe("organizations and people", () => {
  test("an administrator creates an organization and a person and grants a role", async ({ page }) => {
    const s = uid();
    const code = `P003-E2E${s.toUpperCase()}`;
    const cell = `Chi bộ Thử nghiệm ${s}`;
    const username = `thu.nghiem.${s}`;
    const temporary = `Tạm thời ${s} Bến Thành`;

    await signInAs(page, "quantri");
    // Find the ward by a search without diacritics, open it and add a cell.
    await page.goto("/quan-tri/to-chuc");
    await page.getByLabel("Tên hoặc mã tổ chức").fill("phuong ben thanh");
    await page.getByRole("button", { name: "Tìm kiếm" }).click();
    const results = page.getByRole("table", { name: "Tổ chức tìm được" });
    await results.getByRole("link", { name: "Đảng ủy Phường Bến Thành", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Đảng ủy Phường Bến Thành");
    await page.getByRole("link", { name: "Thêm tổ chức trực thuộc" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Thêm tổ chức trực thuộc");
    await expectAccessible(page);
    await page.getByLabel("Mã tổ chức").fill(code);
    await page.getByLabel("Tên tổ chức").fill(cell);
    await page.getByLabel("Loại tổ chức").selectOption({ label: "Chi bộ" });
    await page.getByLabel("Ngày thành lập").fill("01/07/2025");
    await page.getByRole("button", { name: "Tạo tổ chức" }).click();
    await expect(page.getByText("Đã tạo tổ chức mới.")).toBeVisible();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(cell);
    await expect(page.locator(".breadcrumb")).toContainText("Đảng ủy Phường Bến Thành");

    // A person in that cell, with a temporary password typed by the administrator.
    await page.goto(`/quan-tri/can-bo/moi?to-chuc=${code}`);
    await page.getByLabel("Họ", { exact: true }).fill("Lý");
    await page.getByLabel("Tên đệm").fill("Thị");
    await page.getByLabel("Tên", { exact: true }).fill(`Thử${s}`);
    await expect(page.getByLabel("Tổ chức đảng")).toHaveValue(code);
    await page.getByRole("radio", { name: /Tự nhập mật khẩu tạm thời/ }).check();
    await page.getByLabel("Tên đăng nhập").fill(username);
    await page.getByLabel("Mật khẩu tạm thời", { exact: true }).fill(temporary);
    await page.getByRole("button", { name: "Thêm cán bộ" }).click();
    await expect(page.getByText("Đã thêm cán bộ.")).toBeVisible();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Lý Thị Thử${s}`);
    await expect(page.getByText("Chờ đổi mật khẩu")).toBeVisible();

    // The role, on the new cell.
    await page.getByLabel("Vai trò", { exact: true }).selectOption({ label: "Lãnh đạo chi bộ, cấp ủy" });
    await page.getByLabel("Tại tổ chức").fill(code);
    await page.getByRole("button", { name: "Giao vai trò" }).click();
    await expect(page.getByText("Đã giao vai trò.")).toBeVisible();
    const grants = page.getByRole("table", { name: `Vai trò của đồng chí Lý Thị Thử${s}` });
    await expect(grants.getByRole("row", { name: new RegExp(`Lãnh đạo chi bộ, cấp ủy.*${cell}`) })).toBeVisible();
    await signOut(page);

    // The new person signs in, must change the password, then sees the role at home.
    await signIn(page, username, temporary);
    await expect(page).toHaveURL(/\/doi-mat-khau$/);
    await page.getByLabel("Mật khẩu hiện tại").fill(temporary);
    await page.getByLabel("Mật khẩu mới", { exact: true }).fill(`Chợ Bến Thành ${s} mới`);
    await page.getByLabel("Nhập lại mật khẩu mới").fill(`Chợ Bến Thành ${s} mới`);
    await page.getByRole("button", { name: "Đổi mật khẩu" }).click();
    await expect(page).toHaveURL(/\/\?da-doi-mat-khau$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Lý Thị Thử${s}`);
    const role = page.locator("dt", { hasText: "Lãnh đạo chi bộ, cấp ủy" });
    await expect(role).toBeVisible();
    await expect(role).toContainText(cell);
  });

  test("organization pages pass axe: tree, search, node, rename, move, close and its confirmation", async ({ page }) => {
    const org = createOrg({ parentCode: "P003-KP1" });
    await signInAs(page, "quantri");
    await page.goto("/quan-tri/to-chuc");
    await expect(page.getByRole("heading", { name: "Cây tổ chức" })).toBeVisible();
    await expectAccessible(page);
    await page.goto("/quan-tri/to-chuc?q=khu+pho");
    await expect(page.getByRole("table", { name: "Tổ chức tìm được" })).toBeVisible();
    await expectAccessible(page);

    await page.goto(`/quan-tri/to-chuc/${org.id}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(org.name);
    await expectAccessible(page);

    // Rename, with its saved banner on the node page.
    await page.getByRole("link", { name: "Đổi tên" }).first().click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Đổi tên tổ chức");
    await expectAccessible(page);
    await page.getByLabel("Tên mới").fill(`${org.name} (mới)`);
    await page.getByLabel("Ngày đổi tên có hiệu lực").fill("01/08/2025");
    await page.getByRole("button", { name: "Đổi tên" }).click();
    await expect(page.getByText("Đã đổi tên tổ chức.")).toBeVisible();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${org.name} (mới)`);

    // Move: the candidate search fills the code field.
    await page.goto(`/quan-tri/to-chuc/${org.id}/chuyen?q=P003-KP2`);
    await expect(page.getByRole("table", { name: "Tổ chức có thể nhận" })).toBeVisible();
    await expectAccessible(page);
    await page.getByRole("link", { name: "Chọn Chi bộ Khu phố 2" }).click();
    await expect(page.getByLabel("Mã tổ chức cấp trên mới")).toHaveValue("P003-KP2");
    await page.getByLabel("Ngày chuyển có hiệu lực").fill("01/09/2025");
    await page.getByRole("button", { name: "Chuyển tổ chức" }).click();
    await expect(page.getByText("Đã chuyển tổ chức")).toBeVisible();
    await expect(page.locator(".breadcrumb")).toContainText("Chi bộ Khu phố 2");

    // Close: the form, the confirmation step, back to edit keeps the values, then close.
    await page.goto(`/quan-tri/to-chuc/${org.id}/giai-the`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Giải thể tổ chức");
    await expectAccessible(page);
    await page.getByLabel("Ngày giải thể có hiệu lực").fill("01/10/2025");
    await page.getByLabel("Lý do giải thể").fill("Sáp nhập theo Quyết định số 12-QĐ/ĐU");
    await page.getByRole("button", { name: "Tiếp tục" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Xác nhận giải thể");
    await expect(page.getByText("Thao tác này không thể hoàn tác")).toBeVisible();
    await expectAccessible(page);
    await page.getByRole("button", { name: "Quay lại sửa" }).click();
    await expect(page.getByLabel("Lý do giải thể")).toHaveValue("Sáp nhập theo Quyết định số 12-QĐ/ĐU");
    await page.getByRole("button", { name: "Tiếp tục" }).click();
    await page.getByRole("button", { name: "Xác nhận giải thể" }).click();
    await expect(page.getByText("Đã giải thể tổ chức.")).toBeVisible();
    await expect(page.getByText("Sáp nhập theo Quyết định số 12-QĐ/ĐU")).toBeVisible();
    await expect(page.getByRole("link", { name: "Thêm tổ chức trực thuộc" })).toHaveCount(0);
  });

  test("people pages pass axe: list, new, person, edit, temporary password and result, revoke, deactivate, my account", async ({ page }) => {
    const user = await createUser({ orgCode: "P003-KP1", roles: [["cadre", "P003-KP1"]], given: `Axe${uid()}` });
    await signInAs(page, "quantri");
    await page.goto("/quan-tri/can-bo");
    await expect(page.getByRole("table", { name: "Cán bộ, đảng viên" })).toBeVisible();
    await expectAccessible(page);
    // The new person form, sent with a username already in use: the server's error comes back
    // next to the field, the title starts with "Lỗi:", and what was typed is kept.
    await page.goto("/quan-tri/can-bo/moi");
    await page.getByLabel("Họ", { exact: true }).fill("Mai");
    await page.getByLabel("Tên", { exact: true }).fill("Trùng");
    await page.getByLabel("Tổ chức đảng").fill("P003-KP1");
    await page.getByRole("radio", { name: /Tạo mật khẩu tạm thời ngẫu nhiên/ }).check();
    await page.getByLabel("Tên đăng nhập").fill("quantri");
    await page.getByRole("button", { name: "Thêm cán bộ" }).click();
    await expect(page.locator(".field__error")).toContainText("Tên đăng nhập này đã có người dùng");
    await expect(page).toHaveTitle(/^Lỗi: Thêm cán bộ/);
    await expect(page.getByLabel("Tên", { exact: true })).toHaveValue("Trùng");
    await expect(page.getByLabel("Tổ chức đảng")).toHaveValue("P003-KP1");
    await expectAccessible(page);

    await page.goto(`/quan-tri/can-bo?q=${encodeURIComponent(user.name)}`);
    await page.getByRole("link", { name: user.name }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(user.name);
    await expectAccessible(page);

    await page.getByRole("link", { name: /^Sửa/ }).first().click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Sửa thông tin: ${user.name}`);
    await expectAccessible(page);
    await page.getByLabel("Chức vụ").fill("Phó Bí thư Chi bộ");
    await page.getByRole("button", { name: "Lưu thay đổi" }).click();
    await expect(page.getByText("Đã lưu thay đổi.")).toBeVisible();
    await expect(page.getByText("Phó Bí thư Chi bộ")).toBeVisible();

    await page.getByRole("link", { name: "Cấp mật khẩu tạm thời" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Cấp mật khẩu tạm thời cho đồng chí ${user.name}`);
    await expectAccessible(page);
    await page.getByRole("button", { name: "Cấp mật khẩu tạm thời" }).click();
    await expect(page.getByRole("heading", { name: `Đã cấp mật khẩu tạm thời cho đồng chí ${user.name}` })).toBeVisible();
    await expect(page.locator(".temp-password")).toHaveText(/\S{12,}/);
    await expect(page.getByText("Mật khẩu chỉ hiện một lần")).toBeVisible();
    await expectAccessible(page);

    await page.goto(`/quan-tri/can-bo/${user.personId}`);
    await page.getByRole("link", { name: /^Thu hồi/ }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Thu hồi vai trò");
    await expectAccessible(page);
    await page.getByRole("button", { name: "Xác nhận thu hồi" }).click();
    await expect(page.getByText("Đã thu hồi vai trò.")).toBeVisible();

    await page.getByRole("link", { name: "Ngừng hoạt động" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Ngừng hoạt động: ${user.name}`);
    await expectAccessible(page);
    await page.getByRole("button", { name: "Xác nhận ngừng hoạt động" }).click();
    await expect(page.getByText("Cán bộ đã ngừng hoạt động")).toBeVisible();
    await expect(page.getByRole("button", { name: "Cho hoạt động trở lại" })).toBeVisible();

    await page.goto("/tai-khoan");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Tài khoản của tôi");
    await expect(page.getByText("Quản trị hệ thống — Thành ủy")).toBeVisible();
    await expectAccessible(page);
  });

  test("the organization and people lists pass axe at phone width", async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    await signInAs(page, "quantri");
    const pageWidth = () => page.evaluate(() => document.documentElement.scrollWidth);
    await page.goto("/quan-tri/to-chuc");
    await expectAccessible(page);
    expect(await pageWidth()).toBeLessThanOrEqual(360);
    await page.goto("/quan-tri/can-bo");
    await expectAccessible(page);
    expect(await pageWidth()).toBeLessThanOrEqual(360);
  });
});

test.describe("scope", () => {
  test("the ward administrator cannot open another ward's node nor the city administrator's person page", async ({ page }) => {
    await signInAs(page, "quantri.phuong");
    const own = await page.goto(`/quan-tri/to-chuc/${orgIdOf("P001")}`);
    expect(own!.status()).toBe(200);
    const other = await page.goto(`/quan-tri/to-chuc/${orgIdOf("P003")}`);
    expect(other!.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Không tìm thấy trang");
    const person = await page.goto(`/quan-tri/can-bo/${personIdOf("quantri")}`);
    expect(person!.status()).toBe(404);
    const edit = await page.goto(`/quan-tri/can-bo/${personIdOf("quantri")}/sua`);
    expect(edit!.status()).toBe(404);
  });

  test("the inspector reads people and the ledger but is offered no change", async ({ page }) => {
    await signInAs(page, "kiemtra");
    await page.goto("/quan-tri/can-bo");
    await expect(page.getByRole("table", { name: "Cán bộ, đảng viên" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Thêm cán bộ" })).toHaveCount(0);
    await page.goto(`/quan-tri/can-bo/${personIdOf("canbo")}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Hoàng Thị Lan");
    for (const name of [/^Sửa/, /Cấp mật khẩu/, /^Thu hồi/, /Ngừng hoạt động/]) {
      await expect(page.getByRole("link", { name })).toHaveCount(0);
    }
    await expect(page.getByRole("button", { name: "Giao vai trò" })).toHaveCount(0);
    await page.goto(`/quan-tri/to-chuc/${orgIdOf("P001")}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Đảng ủy Phường Sài Gòn");
    await expect(page.getByRole("link", { name: "Thêm tổ chức trực thuộc" })).toHaveCount(0);
    await expect(page.getByRole("link", { name: "Giải thể tổ chức" })).toHaveCount(0);
    for (const path of [`/quan-tri/can-bo/${personIdOf("canbo")}/sua`, "/quan-tri/can-bo/moi", "/quan-tri/nhap-danh-sach"]) {
      expect((await page.goto(path))!.status(), path).toBe(403);
    }
    await page.goto("/so-cai");
    await expect(page.getByRole("table", { name: "Sự kiện, mới nhất trước" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Kiểm tra toàn bộ chuỗi" })).toBeVisible();
  });
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("a form with errors comes back with what was typed and a title starting Lỗi:", async ({ page }) => {
    const s = uid();
    await signInAs(page, "quantri");
    await page.goto(`/quan-tri/to-chuc/${orgIdOf("P003")}/them`);
    await page.getByLabel("Mã tổ chức").fill(`mã sai ${s}`);
    await page.getByLabel("Tên tổ chức").fill(`Chi bộ Không JS ${s}`);
    await page.getByLabel("Loại tổ chức").selectOption({ label: "Chi bộ" });
    await page.getByLabel("Ngày thành lập").fill("31/02/2025");
    await page.getByRole("button", { name: "Tạo tổ chức" }).click();
    await expect(page).toHaveTitle(/^Lỗi: Thêm tổ chức trực thuộc/);
    await expect(page.getByRole("alert")).toContainText("Có lỗi cần sửa");
    await expect(page.getByText("Mã chỉ gồm chữ không dấu, số và dấu gạch ngang").first()).toBeVisible();
    await expect(page.getByLabel("Mã tổ chức")).toHaveValue(`mã sai ${s}`);
    await expect(page.getByLabel("Tên tổ chức")).toHaveValue(`Chi bộ Không JS ${s}`);
    await expect(page.getByLabel("Loại tổ chức")).toHaveValue("cell");
    await expect(page.getByLabel("Ngày thành lập")).toHaveValue("31/02/2025");
    await expect(page.getByLabel("Mã tổ chức")).toHaveAttribute("aria-invalid", "true");
  });
});
