// Innovation proposals in the browser: a cell's head proposes (routed one level up), the head
// of the deciding organization records the collective's votes (a second vote for the same
// member is refused and nothing is written) and concludes; the proposer records the end of
// implementation and the report; the head evaluates and the protection tier shows. The
// holiday calendar as the city administrator. axe on every page; one form without JavaScript.
import type { Page } from "@playwright/test";
import { createUser, expect, expectAccessible, signIn, signOut, test, type TestUser } from "./support/fixtures";
import { createOrg, signInAs } from "./support/admin";

const today = () => new Intl.DateTimeFormat("vi-VN", { timeZone: "Asia/Ho_Chi_Minh", day: "2-digit", month: "2-digit", year: "numeric" }).format(new Date());

const PLAN: [string, string][] = [
  ["Sự cần thiết và điểm nghẽn được tháo gỡ", "Hồ sơ tồn đọng vì quy trình giấy."],
  ["Nội dung, nhiệm vụ và giải pháp", "Số hóa hồ sơ; công khai tiến độ."],
  ["Phạm vi và người thực hiện", "Bộ phận một cửa; ba cán bộ."],
  ["Thời gian thực hiện", "Ba tháng."],
  ["Nguồn lực", "Kinh phí thường xuyên."],
  ["Tính khả thi", "Hạ tầng đã có."],
  ["Tác động tích cực, tiêu cực và hiệu quả dự kiến", "Giảm 40 % thời gian chờ."],
];

async function people() {
  const decider = createOrg({ parentCode: "P001", kind: "grassroots", name: "Đảng bộ Thử nghiệm Đề xuất" });
  const cell = createOrg({ parentCode: decider.code, kind: "cell" });
  const head = await createUser({ orgCode: decider.code, roles: [["leader", decider.code]], given: "Hùng" });
  const deputy = await createUser({ orgCode: decider.code, roles: [["leader", decider.code]], given: "Minh" });
  const proposer = await createUser({ orgCode: cell.code, roles: [["leader", cell.code]], given: "Tâm" });
  return { decider, cell, head, deputy, proposer };
}

async function as(page: Page, user: TestUser) {
  await signIn(page, user.username, user.password);
}

test.describe("innovation proposals", () => {
  test("propose, vote, implement, report and evaluate", async ({ page }) => {
    test.setTimeout(180_000); // four people, a dozen pages, an axe scan on each
    const { decider, head, deputy, proposer } = await people();
    const title = `Thí điểm số hóa hồ sơ ${Date.now()}`;

    await as(page, proposer);
    await page.goto("/de-xuat");
    await expect(page.getByRole("table", { name: "Đề xuất đổi mới, sáng tạo của đồng chí" })).toBeVisible();
    await expectAccessible(page);
    await page.getByRole("link", { name: "Lập đề xuất mới" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Lập đề xuất đổi mới, sáng tạo");
    await expectAccessible(page);
    await page.getByRole("button", { name: "Lưu bản nháp" }).click();
    await expect(page.getByRole("alert")).toContainText("Vui lòng nhập thông tin này");
    await expect(page).toHaveTitle(/^Lỗi: /);
    await expectAccessible(page);
    await page.getByLabel("Tên đề xuất").fill(title);
    await page.getByLabel(PLAN[0][0]).fill(PLAN[0][1]);
    await page.getByRole("button", { name: "Lưu bản nháp" }).click();
    await expect(page.getByText("Đã lưu bản nháp đề xuất.")).toBeVisible();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
    await expectAccessible(page);
    const url = page.url().replace(/\?.*$/, "");
    const id = Number(url.split("/").pop());

    // Check and submit: what is missing is named; then filled in and submitted one level up.
    await page.getByRole("link", { name: "Kiểm tra và gửi đề xuất" }).click();
    await expect(page.getByText("Cần điền các mục sau trước khi gửi:")).toBeVisible();
    await expect(page.getByText(`người đứng đầu ${decider.name}`)).toBeVisible();
    await expectAccessible(page);
    await page.goto(`${url}/sua`);
    for (const [label, value] of PLAN.slice(1)) await page.getByLabel(label).fill(value);
    await page.getByRole("button", { name: "Lưu bản nháp" }).click();
    await expect(page.getByText("Đã lưu thay đổi.")).toBeVisible();
    await page.getByRole("link", { name: "Kiểm tra và gửi đề xuất" }).click();
    await expect(page.getByText("Đồng chí là người đứng đầu tổ chức của mình")).toBeVisible();
    await page.getByRole("button", { name: "Gửi đề xuất" }).click();
    await expect(page.getByText("Đã gửi đề xuất.")).toBeVisible();
    await expect(page.getByText("Đang biểu quyết", { exact: true })).toBeVisible();
    await expectAccessible(page);
    await signOut(page);

    // The head records the head's own vote first…
    await as(page, head);
    await page.goto("/de-xuat?xem=can-quyet-dinh");
    await expectAccessible(page);
    await page.getByRole("link", { name: title }).click();
    await page.getByRole("link", { name: "Ghi nhận biểu quyết" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ghi nhận biểu quyết của tập thể lãnh đạo");
    await expect(page.getByRole("group", { name: proposer.name })).toHaveCount(0); // the proposer never votes
    await expectAccessible(page);
    await page.getByRole("button", { name: "Ghi nhận biểu quyết" }).click();
    await expect(page.getByRole("alert")).toContainText("Chọn biểu quyết của ít nhất một thành viên");
    await page.getByRole("group", { name: `Biểu quyết của ${head.name}` }).getByLabel("Tán thành", { exact: true }).check();
    await page.getByRole("button", { name: "Ghi nhận biểu quyết" }).click();
    await expect(page.getByText("Đã ghi nhận biểu quyết.")).toBeVisible();

    // …a second recording for the same member (a stale form) is refused, nothing written.
    const origin = new URL(page.url()).origin;
    const twice = await page.request.post(`${origin}/de-xuat/${id}/bieu-quyet`, { form: { [`v${head.personId}`]: "against", [`v${deputy.personId}`]: "for" }, headers: { Origin: origin }, maxRedirects: 0 });
    expect(twice.status()).toBe(409);
    expect(await twice.text()).toContain("mỗi người chỉ biểu quyết một lần");
    await page.reload();
    const votes = page.getByRole("table", { name: "Biểu quyết của từng thành viên" });
    await expect(votes.getByRole("row", { name: new RegExp(head.name) })).toContainText("Tán thành");
    await expect(votes.getByRole("row", { name: new RegExp(deputy.name) })).toContainText("Chưa ghi nhận");
    await expectAccessible(page);

    // The deputy against: a tie, which follows the head's vote.
    await page.getByRole("link", { name: "Ghi nhận biểu quyết" }).click();
    await page.getByRole("group", { name: `Biểu quyết của ${deputy.name}` }).getByLabel("Không tán thành").check();
    await page.getByRole("button", { name: "Ghi nhận biểu quyết" }).click();
    await expect(page.getByText("Ngang phiếu, người đứng đầu tán thành")).toBeVisible();
    await page.getByRole("link", { name: "Kết luận biểu quyết" }).click();
    await expect(page.getByText("Theo kết quả hiện tại, đề xuất được thông qua.")).toBeVisible();
    await expectAccessible(page);
    await page.getByRole("button", { name: "Kết luận theo kết quả biểu quyết" }).click();
    await expect(page.getByText("Đã kết luận biểu quyết.")).toBeVisible();
    await expect(page.getByText("Đã thông qua", { exact: true })).toBeVisible();
    await signOut(page);

    // The proposer: end of implementation, then the report.
    await as(page, proposer);
    await page.goto(url);
    await page.getByRole("link", { name: "Ghi nhận kết thúc thực hiện" }).click();
    await expectAccessible(page);
    await page.getByLabel("Ngày kết thúc thực hiện").fill("31/02/2026");
    await page.getByRole("button", { name: "Ghi nhận" }).click();
    await expect(page.getByRole("alert")).toContainText("Ngày không hợp lệ");
    await page.getByLabel("Ngày kết thúc thực hiện").fill(today());
    await page.getByRole("button", { name: "Ghi nhận" }).click();
    await expect(page.getByText("Đã ghi nhận ngày kết thúc thực hiện.")).toBeVisible();
    await page.getByRole("link", { name: "Nộp báo cáo kết quả" }).click();
    await expectAccessible(page);
    await page.getByLabel("Báo cáo kết quả").fill("Đã số hóa 80 % hồ sơ; còn vướng phần mềm.");
    await page.getByRole("button", { name: "Nộp báo cáo" }).click();
    await expect(page.getByText("Đã nộp báo cáo kết quả.")).toBeVisible();
    await signOut(page);

    // The head evaluates: partly completed, no damage → liability excluded.
    await as(page, head);
    await page.goto(`${url}/danh-gia`);
    await expectAccessible(page);
    await page.getByLabel("Hoàn thành một phần").check();
    await page.getByLabel("Không gây thiệt hại").check();
    await page.getByRole("button", { name: "Ghi nhận đánh giá" }).click();
    await expect(page.getByRole("alert")).toContainText("Vui lòng đánh giá nguyên nhân");
    await page.getByLabel("Đánh giá nguyên nhân").fill("Đúng chủ trương, vì lợi ích chung; thiếu kinh phí phần mềm.");
    await page.getByRole("button", { name: "Ghi nhận đánh giá" }).click();
    await expect(page.getByText("Đã đánh giá kết quả.")).toBeVisible();
    await expect(page.getByText("Được loại trừ trách nhiệm")).toBeVisible();
    await expect(page.getByText("Đã đánh giá", { exact: true })).toBeVisible();
    await expectAccessible(page);
  });

  test("the holiday calendar: Tết listed, a holiday added and removed after confirmation", async ({ page }) => {
    await signInAs(page, "quantri");
    await page.goto("/quan-tri/ngay-nghi?nam=2026");
    const table = page.getByRole("table", { name: "Ngày nghỉ lễ năm 2026" });
    await expect(table.getByRole("row", { name: /17\/02\/2026/ })).toContainText("Tết Nguyên đán (Mùng 1)");
    await expectAccessible(page);
    await page.getByLabel("Ngày", { exact: true }).fill("24/12/2027");
    await page.getByLabel("Tên ngày nghỉ").fill("Ngày nghỉ thử nghiệm");
    await page.getByRole("button", { name: "Thêm ngày nghỉ" }).click();
    await expect(page.getByText("Đã thêm ngày nghỉ 24/12/2027.")).toBeVisible();
    const y2027 = page.getByRole("table", { name: "Ngày nghỉ lễ năm 2027" });
    await expect(y2027.getByRole("row", { name: /24\/12\/2027/ })).toContainText("Thứ Sáu");
    await page.getByLabel("Ngày", { exact: true }).fill("24/12/2027");
    await page.getByLabel("Tên ngày nghỉ").fill("Lần hai");
    await page.getByRole("button", { name: "Thêm ngày nghỉ" }).click();
    await expect(page.getByRole("alert")).toContainText("Ngày này đã có trong lịch nghỉ");
    await expectAccessible(page);
    await page.getByRole("link", { name: "Xóa 24/12/2027" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Xóa ngày nghỉ");
    await expectAccessible(page);
    await page.getByRole("button", { name: "Xóa ngày nghỉ" }).click();
    await expect(page.getByText("Đã xóa ngày nghỉ 24/12/2027.")).toBeVisible();
    await expect(y2027.getByRole("row", { name: /24\/12\/2027/ })).toHaveCount(0);
  });

  test("a ward administrator cannot open the calendar", async ({ page }) => {
    await signInAs(page, "quantri.phuong");
    const response = await page.goto("/quan-tri/ngay-nghi");
    expect(response?.status()).toBe(403);
  });
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the plan form sends errors back keeping what was typed", async ({ page }) => {
    const proposer = await createUser({ orgCode: "P001-KP1", roles: [["leader", "P001-KP1"]], given: "Không JS" });
    await as(page, proposer);
    await page.goto("/de-xuat/moi");
    await page.getByLabel("Tính khả thi").fill("Khả thi <b>cao</b>");
    await page.getByRole("button", { name: "Lưu bản nháp" }).click();
    await expect(page).toHaveTitle(/^Lỗi: Lập đề xuất/);
    await expect(page.getByRole("alert")).toContainText("Vui lòng nhập thông tin này");
    await expect(page.getByRole("alert")).toContainText("Không được nhập mã HTML");
    await expect(page.getByLabel("Tính khả thi")).toHaveValue("Khả thi <b>cao</b>");
    await page.getByLabel("Tên đề xuất").fill("Đề xuất không cần JavaScript");
    await page.getByLabel("Tính khả thi").fill("Khả thi cao");
    await page.getByRole("button", { name: "Lưu bản nháp" }).click();
    await expect(page.getByText("Đã lưu bản nháp đề xuất.")).toBeVisible();
  });
});
