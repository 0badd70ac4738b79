// Score sheets: thresholds checked, a sheet in use locked, a change of a locked sheet a new version.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createCouncil } from "~/models/councils.server";
import { verifyLedger } from "~/models/ledger.server";
import { createRubric, getRubric, listRubrics, newRubricVersion, updateRubric } from "~/models/rubrics.server";
import { rubricCreateSchema, DEFAULT_RUBRIC_VALUES } from "~/schemas/councils";
import { failure } from "./initiatives-fixture";
import { councilTree, RUBRIC, type CouncilTree } from "./councils-fixture";

let x: CouncilTree;
beforeEach(() => {
  x = councilTree();
});
afterEach(() => {
  expect(verifyLedger(x.t.handle.sqlite, x.t.secrets.publicKey).ok).toBe(true);
  x.t.close();
});
const sec = () => x.as(x.s.secretary);

describe("thresholds", () => {
  it("the form's defaults are valid: 30 + 30 + 40, thresholds 50 / 70 / 85", () => {
    const parsed = rubricCreateSchema.safeParse({ ...DEFAULT_RUBRIC_VALUES, orgId: String(x.o.p1), name: "Phiếu" });
    expect(parsed.success).toBe(true);
    expect(parsed.data!.criteria.map((c) => c.maxPoints)).toEqual([30, 30, 40]);
  });

  it("must increase and stay within the sum of the maxima, in the form and in the model", () => {
    const form = (over: Record<string, string>) => {
      const r = rubricCreateSchema.safeParse({ ...DEFAULT_RUBRIC_VALUES, orgId: String(x.o.p1), name: "Phiếu", ...over });
      return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [i.path.join("."), i.message]));
    };
    expect(form({ thresholdWard: "50" })).toEqual({ thresholdWard: "councils.errors.thresholdOrder" });
    expect(form({ thresholdCity: "101" })).toEqual({ thresholdCity: "councils.errors.thresholdAboveSum" });
    expect(form({ c4_name: "Phạm vi ảnh hưởng", c4_max: "10", thresholdCity: "101" })).toEqual({});
    expect(form({ c2_max: "abc" })).toMatchObject({ c2_max: "councils.errors.maxPoints" });
    expect(form({ c5_max: "10" })).toEqual({ c5_name: "errors.required" });
    expect(failure(() => createRubric(sec(), { ...RUBRIC, orgId: x.o.p1, thresholdCity: 60 })).fieldErrors).toEqual({ thresholdCity: "councils.errors.thresholdOrder" });
    expect(failure(() => createRubric(sec(), { ...RUBRIC, orgId: x.o.p1, thresholdCity: 120 })).fieldErrors).toEqual({ thresholdCity: "councils.errors.thresholdAboveSum" });
  });
});

describe("locking and versions", () => {
  it("a sheet can change until a council uses it; then only a new version can", () => {
    const { id } = createRubric(sec(), { ...RUBRIC, orgId: x.o.p1, name: "Phiếu mới" });
    updateRubric(sec(), id, { ...RUBRIC, name: "Phiếu mới (sửa)", thresholdUnit: 55 });
    expect(getRubric(sec(), id).rubric).toMatchObject({ name: "Phiếu mới (sửa)", thresholdUnit: 55, lockedAt: null });
    expect(failure(() => newRubricVersion(sec(), id)).message).toBe("councils.errors.rubricNotLocked");
    createCouncil(sec(), { orgId: x.o.p1, name: "Hội đồng quý IV", rubricId: id, periodYear: 2026, periodQuarter: 4, spreadLimit: 15 });
    expect(getRubric(sec(), id).rubric.lockedAt).not.toBeNull();
    const before = x.t.handle.sqlite.prepare("SELECT count(*) AS n FROM ledger_events").get();
    expect(failure(() => updateRubric(sec(), id, RUBRIC)).message).toBe("councils.errors.rubricLocked");
    expect(x.t.handle.sqlite.prepare("SELECT count(*) AS n FROM ledger_events").get()).toEqual(before);
    const v2 = newRubricVersion(sec(), id).id;
    const next = getRubric(sec(), v2);
    expect(next.rubric).toMatchObject({ version: 2, previousId: id, lockedAt: null, name: "Phiếu mới (sửa)" });
    expect(next.criteria.map((c) => c.maxPoints)).toEqual([30, 30, 40]);
    updateRubric(sec(), v2, { ...RUBRIC, criteria: [...RUBRIC.criteria, { name: "Phạm vi ảnh hưởng", maxPoints: 10, guidance: "" }] });
    expect(getRubric(sec(), v2).criteria).toHaveLength(4);
    expect(failure(() => newRubricVersion(sec(), id)).message).toBe("councils.errors.rubricHasSuccessor");
    expect(listRubrics(sec()).find((r) => r.id === id)!.replaced).toBe(true);
  });

  it("is scoped to the actor's subtree", () => {
    expect(listRubrics(sec()).map((r) => r.id)).toEqual([x.rubricId]);
    expect(failure(() => getRubric(x.as(x.p.wardLeader), x.rubricId)).status).toBe(404);
    expect(failure(() => createRubric(sec(), { ...RUBRIC, orgId: x.o.p2 })).fieldErrors.orgId).toBe("councils.errors.orgNotAllowed");
  });
});
