import { writeFileSync } from "node:fs";
import { openDatabase } from "../../db/client";
import { loadOrCreateSecrets } from "../../db/secrets";
import { loadActor } from "~/auth/actor.server";
import { createDraft, receiptFor, saveSection, submit } from "~/models/initiatives.server";
import { receiptText } from "~/models/receipts.server";
import { createUser, E2E_DB, E2E_SECRETS, expect, expectAccessible, test } from "./support/fixtures";

const SECTIONS = {
  general: { title: "Công khai lịch tiếp dân trên bảng điện tử", field: "Cải cách hành chính", firstAppliedOn: "15/10/2026" },
  solution: { steps: "Lập lịch, đăng lên bảng.", improvement: "Người dân biết trước lịch.", howToApply: "Tại trụ sở phường." },
  conditions: { conditions: "Một bảng điện tử." },
  benefit: { expectedBenefit: "Giảm phàn nàn.", measuredBenefit: "" },
  trial: { trialParticipants: "Văn phòng phường." },
  confidential: { confidential: "" },
  statement: { sworn: "on" },
};

/** A submitted registration and its receipt file, made as its author would through the models. */
async function receiptFile(): Promise<{ path: string; text: string }> {
  const user = await createUser({ orgCode: "P001-CQ-CB1", roles: [["cadre", "P001-CQ-CB1"]] });
  const handle = openDatabase(E2E_DB);
  try {
    const ctx = { db: handle.db, actor: loadActor(handle.db, user.personId), secrets: loadOrCreateSecrets(E2E_SECRETS), now: () => new Date() };
    const { id } = createDraft(ctx, { kind: "initiative" });
    for (const [section, values] of Object.entries(SECTIONS)) saveSection(ctx, id, section, values);
    submit(ctx, id);
    const text = receiptText(receiptFor(ctx, id));
    const path = test.info().outputPath("bien-nhan.json");
    writeFileSync(path, text);
    return { path, text };
  } finally {
    handle.sqlite.close();
  }
}

test.describe("public receipt check", () => {
  test("a genuine receipt is confirmed without signing in; an altered one is refused", async ({ page }) => {
    const { path, text } = await receiptFile();
    await page.goto("/kiem-tra-bien-nhan");
    await expectAccessible(page);
    await page.getByLabel("Tệp biên nhận").setInputFiles(path);
    await page.getByRole("button", { name: "Kiểm tra biên nhận" }).click();
    await expect(page.getByText("Chữ ký hợp lệ")).toBeVisible();
    await expect(page.getByText("vẫn khớp đúng mã băm")).toBeVisible();
    await expect(page.getByText(/^SK-\d{4}-\d{6}$/)).toBeVisible();
    await expectAccessible(page);
    await page.getByLabel("Hoặc dán nội dung biên nhận").fill(text.replace('"version": 1', '"version": 3'));
    await page.getByRole("button", { name: "Kiểm tra biên nhận" }).click();
    await expect(page.getByText("Chữ ký không khớp")).toBeVisible();
  });

  test.describe("without JavaScript", () => {
    test.use({ javaScriptEnabled: false });
    test("the form works and an empty submission explains what to do", async ({ page }) => {
      await page.goto("/kiem-tra-bien-nhan");
      await page.getByRole("button", { name: "Kiểm tra biên nhận" }).click();
      await expect(page).toHaveTitle(/^Lỗi: /);
      await expect(page.locator(".field__error")).toContainText("Vui lòng chọn tệp biên nhận");
      const { path } = await receiptFile();
      await page.getByLabel("Tệp biên nhận").setInputFiles(path);
      await page.getByRole("button", { name: "Kiểm tra biên nhận" }).click();
      await expect(page.getByText("Chữ ký hợp lệ")).toBeVisible();
    });
  });
});
