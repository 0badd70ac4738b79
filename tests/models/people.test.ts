import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { hashPassword } from "~/auth/passwords.server";
import { resolveSession } from "~/auth/sessions.server";
import { compareByGivenName } from "~/i18n/format";
import { signIn } from "~/models/accounts.server";
import { issueTemporaryPassword, unlockAccount } from "~/models/people-account.server";
import { viSortKey } from "~/models/people-sort.server";
import { createPerson, deactivatePerson, reactivatePerson, updatePerson } from "~/models/people-write.server";
import { listPeople } from "~/models/people-list.server";
import { getPerson } from "~/models/people.server";
import { createPersonSchema, type CreatePersonData } from "~/schemas/people";
import { freshDb, type TestDb } from "../helpers/db";
import { failureAsync as failure } from "../helpers/refusal";

const PASSWORD = "Sông Sài Gòn xanh mãi";
const policies = { session: { idleMinutes: 30, absoluteHours: 12 }, lockout: { threshold: 5, minutes: 15 } };
let hashed: string;
let t: TestDb;
let city: { id: number; path: string };
let ward: { id: number; path: string };
let cell: { id: number; path: string };
let otherWard: { id: number; path: string };
let cityAdmin: number;
let wardAdmin: number;
let inspector: number;

beforeAll(async () => {
  hashed = await hashPassword(PASSWORD);
});
beforeEach(() => {
  t = freshDb();
  city = t.org("TU", null);
  ward = t.org("P001", city.id, "ward");
  cell = t.org("P001-CB1", ward.id, "cell");
  otherWard = t.org("P002", city.id, "ward");
  cityAdmin = t.person(city.id, { given: "Quân", username: "quantri", passwordHash: hashed });
  t.grant(cityAdmin, "admin", city.id);
  wardAdmin = t.person(ward.id, { given: "Yến", username: "quantri.phuong", passwordHash: hashed });
  t.grant(wardAdmin, "admin", ward.id);
  inspector = t.person(city.id, { given: "Hạnh", username: "kiemtra", passwordHash: hashed });
  t.grant(inspector, "inspector", city.id);
});
afterEach(() => t.close());

const as = (personId: number) => t.ctx(t.actorOf(personId));
const input = (over: Partial<Record<string, string>> = {}): CreatePersonData =>
  createPersonSchema.parse({ familyName: "Lê", middleName: "Thị", givenName: "Mai", dateOfBirth: "05/12/1980", position: "Chuyên viên", org: "P001-CB1", partyMember: "on", accountMode: "none", ...over });
const count = (table: string) => (t.handle.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
const events = () =>
  t.handle.sqlite.prepare("SELECT e.action, e.entity_id AS entityId, p.payload FROM ledger_events e JOIN ledger_payloads p ON p.seq = e.seq ORDER BY e.seq").all() as {
    action: string;
    entityId: string;
    payload: string;
  }[];

describe("creating people", () => {
  it("creates a person with an account that must change its password at first sign-in", async () => {
    const created = await createPerson(as(cityAdmin), input({ accountMode: "type", username: "le.mai", password: "Hoa phượng đỏ sân trường" }));
    expect(created.password).toBeNull();
    const person = getPerson(as(cityAdmin), created.personId);
    expect(person).toMatchObject({ givenName: "Mai", dateOfBirth: "1980-12-05", orgId: cell.id, partyMember: true, active: true });
    expect(person.account?.status).toBe("mustChange");
    const signedIn = await signIn(t.ctx(), { username: "le.mai", password: "Hoa phượng đỏ sân trường", userAgent: null }, policies);
    expect(signedIn).toMatchObject({ ok: true, mustChangePassword: true });
    const log = events().map((e) => e.action);
    expect(log).toEqual(["person.created", "account.created", "auth.sign_in"]);
  });

  it("generates a temporary password that is shown once and works", async () => {
    const created = await createPerson(as(wardAdmin), input({ accountMode: "generate", username: "le.mai" }));
    expect(created.password).toMatch(/^[A-Za-z2-9]{4}(-[A-Za-z2-9]{4}){3}$/);
    const signedIn = await signIn(t.ctx(), { username: "le.mai", password: created.password!, userAgent: null }, policies);
    expect(signedIn).toMatchObject({ ok: true, mustChangePassword: true });
    // The clear password is in no table and no ledger payload.
    expect(JSON.stringify(t.handle.sqlite.prepare("SELECT * FROM accounts").all())).not.toContain(created.password!);
    expect(JSON.stringify(events())).not.toContain(created.password!);
  });

  it.each([
    ["short", "Ngắn quá", "auth.password.tooShort"],
    ["common", "password12345", "auth.password.common"],
    ["containing the username", "le.mai-mat-khau-dai", "auth.password.containsName"],
  ])("refuses a %s password with a field error and writes nothing", async (_, password, key) => {
    const before = [count("people"), count("accounts"), count("ledger_events")];
    const error = await failure(createPerson(as(cityAdmin), { ...input({ accountMode: "generate", username: "le.mai" }), accountMode: "type", password }));
    expect(error.status).toBe(422);
    expect(error.fieldErrors).toEqual({ password: key });
    expect([count("people"), count("accounts"), count("ledger_events")]).toEqual(before);
  });

  it("refuses a taken username and a birth date in the future", async () => {
    const taken = await failure(createPerson(as(cityAdmin), input({ accountMode: "generate", username: "QuanTri" })));
    expect(taken.fieldErrors).toEqual({ username: "people.username.taken" });
    const future = await failure(createPerson(as(cityAdmin), input({ dateOfBirth: "01/01/2030" })));
    expect(future.fieldErrors).toEqual({ dateOfBirth: "people.dob.future" });
  });

  it("keeps personal data out of the ledger payloads", async () => {
    const { personId } = await createPerson(as(cityAdmin), input({ familyName: "Trịnh", givenName: "Khuê" }));
    updatePerson(as(cityAdmin), personId, { ...input({ familyName: "Trịnh", givenName: "Khuê", position: "Phó Bí thư" }), org: "P002" });
    const payloads = events().map((e) => e.payload).join(" ");
    expect(payloads).not.toMatch(/Trịnh|Khuê|1980|Phó Bí thư/);
    expect(events().at(-1)).toMatchObject({ action: "person.updated", entityId: String(personId) });
    expect(JSON.parse(events().at(-1)!.payload)).toEqual({ fields: ["position", "orgId"], fromOrgId: cell.id, toOrgId: otherWard.id });
  });
});

describe("scoping", () => {
  it("lets a ward admin create and see people only inside the ward", async () => {
    const outside = await failure(createPerson(as(wardAdmin), input({ org: "P002" })));
    expect(outside.fieldErrors).toEqual({ org: "people.org.notFound" });
    const stranger = t.person(otherWard.id, { given: "Xa" });
    expect((await failure(() => getPerson(as(wardAdmin), stranger))).status).toBe(404);
    const listed = listPeople(as(wardAdmin), {}).rows.map((r) => r.id);
    expect(listed).toContain(wardAdmin);
    expect(listed).not.toContain(stranger);
    expect(listed).not.toContain(cityAdmin);
    // A move out of the ward is refused as well.
    const { personId } = await createPerson(as(wardAdmin), input());
    const moved = await failure(() => updatePerson(as(wardAdmin), personId, { ...input(), org: "P002" }));
    expect(moved.fieldErrors).toEqual({ org: "people.org.notFound" });
  });

  it("lets an inspector read but not change", async () => {
    const { personId } = await createPerson(as(cityAdmin), input());
    const seen = getPerson(as(inspector), personId);
    expect(seen.canManage).toBe(false);
    expect(listPeople(as(inspector), {}).rows.every((r) => !r.canManage)).toBe(true);
    expect((await failure(createPerson(as(inspector), input()))).status).toBe(403);
    expect((await failure(() => deactivatePerson(as(inspector), personId))).status).toBe(403);
    expect((await failure(issueTemporaryPassword(as(inspector), personId, { accountMode: "generate", username: "x.y.z" }))).status).toBe(403);
  });

  it("refuses the list to a cadre without person.view", async () => {
    const cadre = t.person(cell.id, { given: "Lan" });
    t.grant(cadre, "cadre", cell.id);
    expect((await failure(() => listPeople(as(cadre), {}))).status).toBe(403);
    expect(getPerson(as(cadre), cadre).isSelf).toBe(true);
  });
});

describe("listing", () => {
  it("sorts by given name with Vietnamese collation, across pages", () => {
    const names = ["Đức", "Bình", "Ánh", "Yến", "An", "Ân", "Ăn", "Dũng", "Ưng", "Uyên", "Ơn", "Ôn", "Hạ", "Hà", "Anh", "Zô"];
    for (const given of names) t.person(cell.id, { given });
    const ctx = as(cityAdmin);
    const all = [1, 2, 3].flatMap((page) => listPeople(ctx, { orgId: cell.id, page, pageSize: 7 }).rows.map((r) => r.givenName));
    expect(all.slice(0, 7)).toEqual(["An", "Anh", "Ánh", "Ăn", "Ân", "Bình", "Dũng"]);
    expect(all.indexOf("Bình")).toBeLessThan(all.indexOf("Đức"));
    expect(all.indexOf("Uyên")).toBeLessThan(all.indexOf("Ưng"));
    expect(all.indexOf("Ôn")).toBeLessThan(all.indexOf("Ơn"));
    expect(all).toHaveLength(names.length);
    for (let i = 1; i < all.length; i++) {
      expect(compareByGivenName({ familyName: "Nguyễn", givenName: all[i - 1] }, { familyName: "Nguyễn", givenName: all[i] })).toBeLessThanOrEqual(0);
    }
    // Ties at the base level are broken by tone and case as Intl.Collator('vi') does with full sensitivity.
    expect(all).toEqual([...names].sort(new Intl.Collator("vi", { sensitivity: "variant" }).compare));
  });

  it("has a sort key consistent with Intl.Collator('vi') on family and middle names too", () => {
    const samples = [
      ["An", "Nguyễn", "Văn"], ["An", "Lê", "Thị"], ["An", "Đặng", ""], ["An", "Đào", "Thị"], ["Ánh", "Huỳnh", "Ngọc"],
      ["an", "Bùi", "Quốc"], ["Hoàng", "Vũ", "Minh"], ["Hoang", "Vũ", "Minh"], ["Thư", "Trần", "Anh"], ["Thu", "Trần", "Anh"],
    ];
    const people = samples.map(([givenName, familyName, middleName]) => ({ givenName, familyName, middleName }));
    const byKey = [...people].sort((a, b) => (viSortKey(a.givenName, a.familyName, a.middleName) < viSortKey(b.givenName, b.familyName, b.middleName) ? -1 : 1));
    for (let i = 1; i < byKey.length; i++) expect(compareByGivenName(byKey[i - 1], byKey[i])).toBeLessThanOrEqual(0);
  });

  it("filters by search text, subtree and account state", async () => {
    const noAccount = t.person(cell.id, { given: "Khánh" });
    const locked = t.person(ward.id, { given: "Lộc", username: "loc", passwordHash: hashed });
    t.handle.sqlite.prepare("UPDATE accounts SET locked_until = ? WHERE person_id = ?").run("2026-11-27T04:00:00.000Z", locked);
    const ctx = as(cityAdmin);
    expect(listPeople(ctx, { q: "khanh" }).rows.map((r) => r.id)).toEqual([noAccount]);
    expect(listPeople(ctx, { q: "quantri.phuong" }).rows.map((r) => r.id)).toEqual([wardAdmin]);
    expect(listPeople(ctx, { orgId: ward.id }).rows.map((r) => r.id).sort()).toEqual([wardAdmin, noAccount, locked].sort());
    expect(listPeople(ctx, { account: "chua-kich-hoat" }).rows.map((r) => r.id)).toEqual([noAccount]);
    expect(listPeople(ctx, { account: "dang-khoa" }).rows.map((r) => r.id)).toEqual([locked]);
    unlockAccount(ctx, locked);
    expect(listPeople(ctx, { account: "dang-khoa" }).total).toBe(0);
    deactivatePerson(ctx, noAccount);
    expect(listPeople(ctx, { account: "ngung" }).rows.map((r) => r.id)).toEqual([noAccount]);
    expect(listPeople(ctx, {}).rows.map((r) => r.id)).not.toContain(noAccount);
    expect(events().map((e) => e.action)).toEqual(["account.unlocked", "person.deactivated"]);
  });
});

describe("deactivation and temporary passwords", () => {
  it("ends every session of a deactivated person, and they cannot sign in again", async () => {
    const person = t.person(cell.id, { given: "Lan", username: "canbo", passwordHash: hashed });
    const a = await signIn(t.ctx(), { username: "canbo", password: PASSWORD, userAgent: null }, policies);
    const b = await signIn(t.ctx(), { username: "canbo", password: PASSWORD, userAgent: null }, policies);
    if (!a.ok || !b.ok) throw new Error("sign-in failed");
    expect(resolveSession(t.ctx(), a.token, policies.session)).toBe(person);
    deactivatePerson(as(wardAdmin), person);
    expect(resolveSession(t.ctx(), a.token, policies.session)).toBeNull();
    expect(resolveSession(t.ctx(), b.token, policies.session)).toBeNull();
    expect(await signIn(t.ctx(), { username: "canbo", password: PASSWORD, userAgent: null }, policies)).toEqual({ ok: false });
    expect(events().map((e) => e.action)).toContain("person.deactivated");
    reactivatePerson(as(wardAdmin), person);
    expect((await signIn(t.ctx(), { username: "canbo", password: PASSWORD, userAgent: null }, policies)).ok).toBe(true);
  });

  it("refuses to deactivate oneself", async () => {
    const error = await failure(() => deactivatePerson(as(wardAdmin), wardAdmin));
    expect(error.message).toBe("people.deactivate.self");
    expect(getPerson(as(cityAdmin), wardAdmin).active).toBe(true);
  });

  it("issues a temporary password, creating the account of an imported person", async () => {
    const imported = t.person(cell.id, { given: "Nhập" });
    const issued = await issueTemporaryPassword(as(wardAdmin), imported, { accountMode: "generate", username: "nhap.moi" });
    expect(issued).toMatchObject({ username: "nhap.moi", accountCreated: true });
    const signedIn = await signIn(t.ctx(), { username: "nhap.moi", password: issued.password!, userAgent: null }, policies);
    expect(signedIn).toMatchObject({ ok: true, mustChangePassword: true });
    if (!signedIn.ok) return;
    // A second one ends the sessions made with the first.
    const again = await issueTemporaryPassword(as(wardAdmin), imported, { accountMode: "type", password: "Một câu mật khẩu rất dài" });
    expect(again).toMatchObject({ username: "nhap.moi", password: null, accountCreated: false });
    expect(resolveSession(t.ctx(), signedIn.token, policies.session)).toBeNull();
    expect(events().map((e) => e.action)).toEqual(["account.created", "account.password_issued", "auth.sign_in", "account.password_issued"]);
  });

  it("refuses a temporary password for oneself", async () => {
    const error = await failure(issueTemporaryPassword(as(wardAdmin), wardAdmin, { accountMode: "generate" }));
    expect(error.message).toBe("people.password.self");
  });
});
