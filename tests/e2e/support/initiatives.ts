// Registrations made directly in the e2e database through the models (as a cadre would through
// the form), for browser tests that start from an existing draft or submission.
import { openDatabase } from "../../../db/client";
import { loadOrCreateSecrets } from "../../../db/secrets";
import { loadActor } from "~/auth/actor.server";
import type { Ctx } from "~/models/context.server";
import { createDraft, saveSection } from "~/models/initiatives.server";
import { createUser, E2E_DB, E2E_SECRETS, type TestUser } from "./fixtures";

export const CELL = "P001-CQ-CB1";

export const SECTIONS = {
  general: { title: "Sổ theo dõi tiếp dân điện tử", field: "Cải cách hành chính", firstAppliedOn: "15/10/2026" },
  solution: { steps: "Lập mẫu, nhập liệu.", improvement: "Tra cứu nhanh.", howToApply: "Tại bộ phận một cửa." },
  conditions: { conditions: "Máy tính nối mạng nội bộ." },
  benefit: { expectedBenefit: "Giảm thời gian tra cứu.", measuredBenefit: "" },
  trial: { trialParticipants: "Văn phòng phường." },
  confidential: { confidential: "" },
  statement: { sworn: "on" },
};

/** Runs `fn` as the person, through the models, against the e2e database. */
export function asPerson<T>(personId: number, fn: (ctx: Ctx) => T): T {
  const handle = openDatabase(E2E_DB);
  try {
    return fn({ db: handle.db, actor: loadActor(handle.db, personId), secrets: loadOrCreateSecrets(E2E_SECRETS), now: () => new Date() });
  } finally {
    handle.sqlite.close();
  }
}

/** A new cadre of the cell with a complete draft (every section filled, sworn). */
export async function cadreWithDraft(given = "Đính"): Promise<{ cadre: TestUser; id: number }> {
  const cadre = await createUser({ orgCode: CELL, roles: [["cadre", CELL]], given });
  const id = asPerson(cadre.personId, (ctx) => {
    const { id } = createDraft(ctx, { kind: "initiative" });
    for (const [section, values] of Object.entries(SECTIONS)) saveSection(ctx, id, section, values);
    return id;
  });
  return { cadre, id };
}
