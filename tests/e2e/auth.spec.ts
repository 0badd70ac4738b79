import { createUser, DEMO_PASSWORD, expect, expectAccessible, signIn, signOut, test } from "./support/fixtures";

const ROLES: { username: string; name: string; role: string }[] = [
  { username: "quantri", name: "Trần Minh Quân", role: "Quản trị hệ thống" },
  { username: "quantri.phuong", name: "Đặng Thị Yến", role: "Quản trị hệ thống" },
  { username: "kiemtra", name: "Lê Thị Hạnh", role: "Cán bộ Ủy ban Kiểm tra" },
  { username: "bantochuc", name: "Phạm Văn Đức", role: "Cán bộ Ban Tổ chức" },
  { username: "noichinh", name: "Võ Thị Thu Trang", role: "Cán bộ Ban Nội chính" },
  { username: "bithu", name: "Nguyễn Văn Bình", role: "Lãnh đạo chi bộ, cấp ủy" },
  { username: "thuky", name: "Huỳnh Ngọc Ánh", role: "Thư ký hội đồng" },
  { username: "giamkhao", name: "Bùi Quốc Việt", role: "Thành viên hội đồng đánh giá" },
  { username: "canbo", name: "Hoàng Thị Lan", role: "Cán bộ, đảng viên" },
];

test.describe("sign in and out", () => {
  for (const r of ROLES) {
    test(`${r.username} lands on a home page for the role and signs out`, async ({ page }) => {
      await signIn(page, r.username, DEMO_PASSWORD);
      await expect(page).toHaveURL(/\/$/);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(r.name);
      await expect(page.locator("dt", { hasText: r.role }).first()).toBeVisible();
      await signOut(page);
      await page.goto("/");
      await expect(page).toHaveURL(/\/dang-nhap\?next=%2F$/);
    });
  }

  test("the administrator's home lists what to do, with counts", async ({ page }) => {
    await signIn(page, "quantri", DEMO_PASSWORD);
    await expect(page.getByRole("link", { name: "Cán bộ chưa có mật khẩu" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Tổ chức đảng đang hoạt động" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Sự kiện trong 24 giờ qua" })).toBeVisible();
    await expectAccessible(page);
  });

  test("a wrong password keeps the username, shows the error next to the field, and titles the page Lỗi:", async ({ page }) => {
    await signIn(page, "canbo", "không phải mật khẩu");
    await expect(page).toHaveTitle(/^Lỗi: Đăng nhập/);
    await expect(page.getByRole("alert")).toContainText("Có lỗi cần sửa");
    await expect(page.locator(".field__error")).toContainText("Tên đăng nhập hoặc mật khẩu không đúng");
    await expect(page.getByLabel("Tên đăng nhập")).toHaveValue("canbo");
    await expectAccessible(page);
  });

  test("empty fields are caught before sending, in Vietnamese", async ({ page }) => {
    await page.goto("/dang-nhap");
    await page.waitForLoadState("networkidle");
    await page.getByRole("button", { name: "Đăng nhập" }).click();
    await expect(page.getByText("Vui lòng nhập tên đăng nhập").first()).toBeVisible();
    await expect(page.getByText("Vui lòng nhập mật khẩu").first()).toBeVisible();
  });

  test("after 5 wrong passwords the account is locked with the same message", async ({ page }) => {
    const user = await createUser({ roles: [["cadre", "TU"]] });
    for (let i = 0; i < 5; i++) {
      await signIn(page, user.username, "sai mật khẩu lần nữa");
      await expect(page.locator(".field__error")).toContainText("Tên đăng nhập hoặc mật khẩu không đúng");
    }
    await signIn(page, user.username, user.password);
    await expect(page.locator(".field__error")).toContainText("Tên đăng nhập hoặc mật khẩu không đúng");
    await expect(page).toHaveURL(/dang-nhap/);
  });

  test("an account created by an administrator must change its password first", async ({ page }) => {
    const user = await createUser({ mustChange: true, roles: [["cadre", "TU"]] });
    await signIn(page, user.username, user.password);
    await expect(page).toHaveURL(/\/doi-mat-khau$/);
    await expect(page.getByText("Mật khẩu của đồng chí do quản trị hệ thống cấp")).toBeVisible();
    await page.goto("/");
    await expect(page).toHaveURL(/\/doi-mat-khau$/);
    await expectAccessible(page);
    await page.getByLabel("Mật khẩu hiện tại").fill(user.password);
    await page.getByLabel("Mật khẩu mới", { exact: true }).fill("password1234");
    await page.getByLabel("Nhập lại mật khẩu mới").fill("password1234");
    await page.getByRole("button", { name: "Đổi mật khẩu" }).click();
    await expect(page.getByText("Mật khẩu này quá phổ biến").first()).toBeVisible();
    await page.getByLabel("Mật khẩu hiện tại").fill(user.password);
    await page.getByLabel("Mật khẩu mới", { exact: true }).fill("Bến Nhà Rồng năm 1911");
    await page.getByLabel("Nhập lại mật khẩu mới").fill("Bến Nhà Rồng năm 1911");
    await page.getByRole("button", { name: "Đổi mật khẩu" }).click();
    await expect(page).toHaveURL(/\/\?da-doi-mat-khau$/);
    await expect(page.getByText("Đã đổi mật khẩu.")).toBeVisible();
  });

  test("the English switch translates the page and back", async ({ page }) => {
    await page.goto("/dang-nhap");
    await page.getByRole("button", { name: "Chuyển sang tiếng Anh" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sign in");
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await page.getByRole("button", { name: "Switch to Vietnamese" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Đăng nhập");
  });
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("sign-in works, errors come back with what was typed, and sign-out works", async ({ page }) => {
    await signIn(page, "canbo", "sai mật khẩu");
    await expect(page).toHaveTitle(/^Lỗi: /);
    await expect(page.getByLabel("Tên đăng nhập")).toHaveValue("canbo");
    await page.getByLabel("Mật khẩu").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Đăng nhập" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Hoàng Thị Lan");
    await signOut(page);
  });
});

test.describe("security", () => {
  test("a cross-site POST is refused with 403, and one with neither Origin nor Referer too", async ({ request, baseURL }) => {
    const evil = await request.post("/dang-nhap", { form: { username: "canbo", password: DEMO_PASSWORD }, headers: { Origin: "https://evil.example" } });
    expect(evil.status()).toBe(403);
    const none = await request.post("/dang-nhap", { form: { username: "canbo", password: DEMO_PASSWORD } });
    expect(none.status()).toBe(403);
    const same = await request.post("/dang-nhap", { form: { username: "canbo", password: "sai" }, headers: { Origin: baseURL! } });
    expect(same.status()).toBe(401);
  });

  test("responses carry the security headers; signed-in pages are not cached", async ({ page }) => {
    const response = await page.goto("/dang-nhap");
    const headers = response!.headers();
    expect(headers["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[^']+'/);
    expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBe("same-origin");
    expect(headers["x-powered-by"]).toBeUndefined();
    // Every response, not only documents: a download, a static file.
    for (const path of ["/khoa-cong-khai.pem", "/favicon.svg"]) {
      const other = (await page.request.get(path)).headers();
      expect(other["content-security-policy"], path).toContain("frame-ancestors 'none'");
      expect(other["x-content-type-options"], path).toBe("nosniff");
    }
    await signIn(page, "canbo", DEMO_PASSWORD);
    const home = await page.goto("/");
    expect(home!.headers()["cache-control"]).toBe("no-store");
    const cookies = await page.context().cookies();
    const sid = cookies.find((c) => c.name === "sid")!;
    expect(sid.httpOnly).toBe(true);
    expect(sid.sameSite).toBe("Lax");
  });

  test("an unknown page shows the 404 page in Vietnamese", async ({ page }) => {
    await signIn(page, "canbo", DEMO_PASSWORD);
    const response = await page.goto("/khong-co-trang-nay");
    expect(response!.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Không tìm thấy trang");
  });

  test("sign-in, home and change-password pages pass axe at phone width", async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto("/dang-nhap");
    await expectAccessible(page);
    await signIn(page, "bithu", DEMO_PASSWORD);
    await expectAccessible(page);
    await page.goto("/doi-mat-khau");
    await expectAccessible(page);
  });
});

test("an unexpected server error shows a reference id and nothing of the internals", async ({ request, baseURL }) => {
  const response = await request.post("/dang-nhap", {
    headers: { Origin: baseURL!, "Content-Type": "multipart/form-data" },
    data: "not a multipart body",
  });
  expect(response.status()).toBe(500);
  const html = await response.text();
  const id = response.headers()["x-request-id"];
  expect(id).toMatch(/^[0-9A-F]{8}$/);
  expect(html).toContain("Hệ thống gặp sự cố");
  expect(html).toContain(id);
  expect(html).not.toMatch(/at async|\/work\/|node_modules|SQLITE|TypeError/);
});
