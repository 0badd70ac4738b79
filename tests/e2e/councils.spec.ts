// Councils in the browser: the ward's council secretary (thuky) creates a score sheet and a
// council, seats a chair and members, puts an accepted registration before the council, sees a
// conflicted assignment (an author) refused with the reason, and assigns two evaluators; axe on
// every page; the council form also without JavaScript.
import { loadActor } from "~/auth/actor.server";
import { accept, createDraft, saveSection, submit } from "~/models/initiatives.server";
import { openDatabase } from "../../db/client";
import { loadOrCreateSecrets } from "../../db/secrets";
import type { Ctx } from "~/models/context.server";
import { orgIdOf, personIdOf, signInAs, uid } from "./support/admin";
import { createUser, E2E_DB, E2E_SECRETS, expect, expectAccessible, signOut, test } from "./support/fixtures";

const CELL = "P001-CQ-CB1";
const SECTIONS: Record<string, Record<string, string>> = {
  general: { title: "", field: "Cải cách hành chính", firstAppliedOn: "15/10/2026" },
  solution: { steps: "Lập mẫu, nhập liệu.", improvement: "Tra cứu nhanh.", howToApply: "Tại bộ phận một cửa." },
  conditions: { conditions: "Máy tính nối mạng nội bộ." },
  benefit: { expectedBenefit: "Giảm thời gian tra cứu.", measuredBenefit: "" },
  trial: { trialParticipants: "Văn phòng phường." },
  confidential: { confidential: "" },
  statement: { sworn: "on" },
};

function as<T>(personId: number, fn: (ctx: Ctx) => T): T {
  const handle = openDatabase(E2E_DB);
  try {
    return fn({ db: handle.db, actor: loadActor(handle.db, personId), secrets: loadOrCreateSecrets(E2E_SECRETS), now: () => new Date() });
  } finally {
    handle.sqlite.close();
  }
}

/** A registration of a new cadre, received by Phường Sài Gòn and accepted by its leader (bithu). */
async function acceptedInitiative(title: string) {
  const cadre = await createUser({ orgCode: CELL, roles: [["cadre", CELL]], given: "Tác" });
  const ward = orgIdOf("P001");
  const number = as(cadre.personId, (ctx) => {
    const { id } = createDraft(ctx, { kind: "initiative", receivingOrgId: ward });
    for (const [section, values] of Object.entries(SECTIONS)) saveSection(ctx, id, section, section === "general" ? { ...values, title } : values);
    return { id, number: submit(ctx, id).registrationNumber };
  });
  as(personIdOf("bithu"), (ctx) => accept(ctx, number.id));
  return { cadre, ...number };
}

const inTwoWeeks = () => {
  const d = new Date(Date.now() + 14 * 86400_000);
  return `${String(d.getDate()).padStart(2, "0")}/${String(d.getMonth() + 1).padStart(2, "0")}/${d.getFullYear()}`;
};

test.describe("evaluation councils", () => {
  test("a secretary forms a council, assigns a registration, sees a conflict refused and assigns two evaluators", async ({ page }) => {
    test.setTimeout(120_000);
    const s = uid();
    const chair = await createUser({ orgCode: "P001-CQ", roles: [["evaluator", "P001"]], given: "Chủ" });
    const member = await createUser({ orgCode: "P001-CQ", roles: [["evaluator", "P001"]], given: "Viên" });
    const reg = await acceptedInitiative(`Sổ tiếp dân điện tử ${s}`);

    await signInAs(page, "thuky");
    await page.goto("/danh-gia/phieu-cham");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Phiếu chấm điểm");
    await expectAccessible(page);
    await page.getByRole("link", { name: "Tạo phiếu chấm mới" }).click();
    await expect(page.getByRole("group", { name: "Tiêu chí 1" }).getByLabel("Tên tiêu chí")).toHaveValue("Tính mới");
    await expectAccessible(page);
    // Thresholds must increase: the browser says so before anything is sent.
    await page.getByLabel("Tên phiếu").fill(`Phiếu chấm phường ${s}`);
    await page.getByLabel("Cấp Thành phố").fill("60");
    await page.getByRole("button", { name: "Lưu phiếu chấm" }).click();
    await expect(page.getByRole("alert")).toContainText("Ngưỡng cấp này phải cao hơn ngưỡng cấp trước");
    await expectAccessible(page);
    await page.getByLabel("Cấp Thành phố").fill("85");
    await page.getByRole("button", { name: "Lưu phiếu chấm" }).click();
    await expect(page.getByText("Đã lưu phiếu chấm điểm.")).toBeVisible();
    await expect(page.getByRole("table", { name: "Tiêu chí chấm" })).toContainText("Hiệu quả, lợi ích");
    await expectAccessible(page);

    await page.goto("/danh-gia/hoi-dong");
    await expectAccessible(page);
    await page.getByRole("link", { name: "Thành lập hội đồng" }).click();
    await page.getByLabel("Tên hội đồng").fill(`Hội đồng sáng kiến phường ${s}`);
    await page.getByLabel("Phiếu chấm điểm").selectOption({ label: `Phiếu chấm phường ${s} — Phiên bản 1 (Đảng ủy Phường Sài Gòn)` });
    await expectAccessible(page);
    await page.getByRole("button", { name: "Thành lập hội đồng" }).click();
    await expect(page.getByText("Đã thành lập hội đồng.")).toBeVisible();
    await expectAccessible(page);
    const councilUrl = page.url().replace(/\?.*$/, "");

    for (const [username, role] of [[chair.username, "Chủ tịch"], [member.username, "Thành viên"], [reg.cadre.username, "Thành viên"]]) {
      await page.getByRole("link", { name: "Thêm thành viên" }).click();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Thêm thành viên hội đồng");
      await page.getByLabel("Tên đăng nhập", { exact: true }).fill(username);
      await page.getByLabel("Vai trò").selectOption({ label: role });
      await expectAccessible(page);
      await page.getByRole("button", { name: "Thêm vào hội đồng" }).click();
      await expect(page.getByText("Đã thêm thành viên.")).toBeVisible();
    }
    await expect(page.getByRole("table", { name: "Thành viên hội đồng và vai trò" }).getByRole("row")).toHaveCount(5);

    await page.getByRole("link", { name: "Giao sáng kiến cho hội đồng" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Giao sáng kiến cho hội đồng");
    await expectAccessible(page);
    await page.getByLabel(reg.number).check();
    await page.getByLabel("Hạn chấm").fill(inTwoWeeks());
    await page.getByRole("button", { name: "Giao cho hội đồng" }).click();
    await expect(page.getByText("Đã giao sáng kiến cho hội đồng.")).toBeVisible();
    const items = page.getByRole("table", { name: "Sáng kiến, người chấm và điểm" });
    await expect(items).toContainText(reg.number);
    await expect(items).toContainText("Cần ít nhất 2 người chấm");
    await expectAccessible(page);

    // The author sits on the council but can never score their own registration.
    await page.getByRole("link", { name: `Phân công người chấm cho ${reg.number}` }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Phân công người chấm");
    await expect(page.getByRole("checkbox", { name: new RegExp(reg.number) })).toBeChecked();
    await expectAccessible(page);
    await page.getByLabel(/^Kiểm Thử Tác/).check();
    await page.getByLabel(/^Kiểm Thử Viên/).check();
    await page.getByLabel("Hạn chấm").fill(inTwoWeeks());
    await page.getByRole("button", { name: "Phân công" }).click();
    const refused = page.getByRole("alert").filter({ hasText: "Không phân công được vì xung đột lợi ích" });
    await expect(refused).toContainText(`Kiểm Thử Tác — ${reg.number}: là tác giả hoặc đồng tác giả của sáng kiến`);
    await expect(page).toHaveTitle(/^Lỗi: /);
    await expectAccessible(page);
    await page.goto(councilUrl);
    await expect(items).toContainText("Chưa phân công");

    await page.getByRole("link", { name: `Phân công người chấm cho ${reg.number}` }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Phân công người chấm");
    await page.getByLabel(/^Kiểm Thử Chủ/).check();
    await page.getByLabel(/^Kiểm Thử Viên/).check();
    await page.getByLabel("Hạn chấm").fill(inTwoWeeks());
    await page.getByRole("button", { name: "Phân công" }).click();
    await expect(page.getByText("Đã phân công người chấm.")).toBeVisible();
    await expect(items).toContainText("Kiểm Thử Chủ");
    await expect(items).toContainText("Kiểm Thử Viên");
    await expect(items).not.toContainText("Cần ít nhất 2 người chấm");
    await expect(items).toContainText("Chưa có phiếu nộp.");
    await expectAccessible(page);

    // A member declares a conflict from the council page.
    await signOut(page);
    await signInAs(page, member.username, member.password);
    await page.goto(councilUrl);
    await expectAccessible(page);
    await page.getByRole("link", { name: `Khai báo xung đột lợi ích với ${reg.number}` }).click();
    await expect(page.getByText("Phiếu chấm chưa nộp của đồng chí cho sáng kiến này sẽ bị thu hồi.")).toBeVisible();
    await expectAccessible(page);
    await page.getByLabel("Lý do").fill("Là người thân của tác giả");
    await page.getByRole("button", { name: "Khai báo xung đột" }).click();
    await expect(page.getByText("Đã ghi nhận khai báo xung đột lợi ích.")).toBeVisible();
    await expect(items).toContainText("Đã khai báo xung đột: Kiểm Thử Viên");
  });
});

test.describe("the council form without JavaScript", () => {
  test.use({ javaScriptEnabled: false });
  test("errors come back from the server with what was typed", async ({ page }) => {
    await signInAs(page, "thuky");
    await page.goto("/danh-gia/hoi-dong/moi");
    await page.getByLabel("Chênh lệch điểm tối đa cho phép").fill("0");
    await page.getByLabel("Năm").fill("2026");
    await page.getByRole("button", { name: "Thành lập hội đồng" }).click();
    await expect(page).toHaveTitle(/^Lỗi: Thành lập hội đồng đánh giá/);
    const summary = page.getByRole("alert");
    await expect(summary).toContainText("Vui lòng nhập thông tin này");
    await expect(summary).toContainText("Chênh lệch cho phép là số nguyên từ 1 đến 1000");
    await expect(page.getByLabel("Chênh lệch điểm tối đa cho phép")).toHaveValue("0");
  });
});
