// The organization boxes suggest as they are typed in (/to-chuc/goi-y), only from the person's
// own scope and matched without diacritics: the inbox's filter for a ward leader. Without
// JavaScript the box has no suggestions and still takes a code.
import { createUser, expect, signIn, test, type TestUser } from "./support/fixtures";

let leader: TestUser;
test.beforeAll(async () => {
  leader = await createUser({ orgCode: "P001", roles: [["leader", "P001"]], given: "Lãnh" });
});

test("the inbox's organization box lists the ward's matches as it is typed in, without diacritics", async ({ page }) => {
  await signIn(page, leader.username, leader.password);
  await page.goto("/sang-kien?xem=tiep-nhan");
  const box = page.getByLabel("Tổ chức tiếp nhận");
  await box.pressSequentially("khu pho");
  const suggestions = page.locator(".org-suggestions");
  await expect(suggestions.getByRole("status")).toHaveText("3 tổ chức khớp — chọn một để điền mã:");
  await expect(suggestions.getByRole("button")).toHaveText([
    "P001-KP1 — Chi bộ Khu phố 1",
    "P001-KP2 — Chi bộ Khu phố 2",
    "P001-KP3 — Chi bộ Khu phố 3",
  ]);
  await suggestions.getByRole("button", { name: /P001-KP2/ }).click();
  await expect(box).toHaveValue("P001-KP2");
  await expect(box).toBeFocused();
  await expect(suggestions).toHaveCount(0);

  await box.fill("");
  await box.pressSequentially("khong co dau");
  await expect(suggestions.getByRole("status")).toHaveText("Không có tổ chức nào khớp trong phạm vi của đồng chí.");
  await box.press("Escape");
  await expect(suggestions).toHaveCount(0);

  await box.fill("P001-KP2");
  await page.getByRole("button", { name: "Lọc", exact: true }).click();
  await expect(page).toHaveURL(/to-chuc=P001-KP2/);
  await expect(page.getByLabel("Tổ chức tiếp nhận")).toHaveValue("P001-KP2");
  await expect(page.getByText("Không tìm thấy tổ chức này")).toHaveCount(0);
});

test("the suggestions never leave the person's scope, and ask for a session", async ({ page }) => {
  await signIn(page, leader.username, leader.password);
  const asked = await page.request.get("/to-chuc/goi-y?pham-vi=tiep-nhan&q=kp2");
  expect(asked.status()).toBe(200);
  const { options } = (await asked.json()) as { options: { code: string }[] };
  expect(options.map((o) => o.code)).toEqual(["P001-KP2"]);
  // Another ward's organizations are not in a ward leader's scope.
  const other = (await (await page.request.get("/to-chuc/goi-y?pham-vi=tiep-nhan&q=P002")).json()) as { options: unknown[] };
  expect(other.options).toEqual([]);
  // A ward leader manages no people: the people form's scope suggests nothing.
  const people = (await (await page.request.get("/to-chuc/goi-y?pham-vi=can-bo&q=khu")).json()) as { options: unknown[] };
  expect(people.options).toEqual([]);
  expect((await page.request.get("/to-chuc/goi-y?pham-vi=moi-thu&q=a")).status()).toBe(404);
  await page.context().clearCookies();
  const anonymous = await page.request.get("/to-chuc/goi-y?pham-vi=tiep-nhan&q=khu", { maxRedirects: 0 });
  expect(anonymous.status()).toBe(302);
  expect(anonymous.headers().location).toMatch(/^\/dang-nhap\?next=/);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });
  test("the box takes a code typed in full", async ({ page }) => {
    await signIn(page, leader.username, leader.password);
    await page.goto("/sang-kien?xem=tiep-nhan&to-chuc=P001-KP3");
    await expect(page.getByLabel("Tổ chức tiếp nhận")).toHaveValue("P001-KP3");
    await expect(page.locator(".org-suggestions")).toHaveCount(0);
  });
});
