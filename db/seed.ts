// Demo data: the real 168 ward/commune/special-zone units of Ho Chi Minh City (from
// shared/data), the city's committees and blocs, the abolished districts (closed on
// 30/06/2025, kept for history), a sample of grassroots organizations and cells under a few
// wards, and demo people for every role. Every row is written with its ledger event.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { organizationVersions, roleGrants, type OrgKind, type Role } from "./schema";
import type { Handle } from "./client";
import type { Secrets } from "./secrets";
import { hashPassword } from "~/auth/passwords.server";
import { appendEvent } from "~/models/ledger.server";
import { insertOrgRow } from "~/models/orgs.server";
import { insertAccountRow, insertPersonRow } from "~/models/people.server";
import type { Ctx, Tx } from "~/models/context.server";

/** The password of every demo account (documented in the README). */
export const DEMO_PASSWORD = "Sangkien@HCM-2026";

type Unit = { name: string; kind: "phuong" | "xa" | "dac_khu"; formerArea: string };

export function loadUnits(): Unit[] {
  const candidates = [
    process.env.UNITS_FILE,
    join("db", "data", "hcmc-units-2025.json"),
  ].filter(Boolean) as string[];
  for (const file of candidates) {
    try {
      return (JSON.parse(readFileSync(file, "utf8")) as { units: Unit[] }).units;
    } catch {
      // try the next place
    }
  }
  throw new Error("hcmc-units-2025.json not found");
}

const NEW_CITY = "2025-07-01";
const OLD_DAY = "2025-06-30";

type DemoPerson = {
  key: string;
  family: string;
  middle: string;
  given: string;
  dob: string;
  position: string;
  org: string;
  username?: string;
  roles?: [Role, string][];
  mustChange?: boolean;
};

export async function seedDemo(handle: Handle, secrets: Secrets, now = new Date()): Promise<{ orgs: number; people: number }> {
  const ctx: Ctx = { db: handle.db, actor: null, secrets, now: () => now };
  const at = now.toISOString();
  const units = loadUnits();
  const passwordHash = await hashPassword(DEMO_PASSWORD);

  return handle.db.transaction(
    (tx) => {
      const ids = new Map<string, number>();
      const org = (code: string, name: string, kind: OrgKind, parent: string | null, validFrom: string, validTo: string | null = null) => {
        const parentId = parent ? ids.get(parent)! : null;
        const { id } = insertOrgRow(tx, { code, name, kind, parentId, validFrom, validTo }, at);
        ids.set(code, id);
        appendEvent(ctx, tx, { action: "org.created", entity: "organization", entityId: id, orgId: id, payload: { code, name, kind, parentId, validFrom, validTo, source: "seed" } });
        return id;
      };

      org("TU", "Thành ủy Thành phố Hồ Chí Minh", "city", null, "1976-07-02");
      const bodies: [string, string][] = [
        ["TU-BTV", "Ban Thường vụ Thành ủy"],
        ["TU-BCD", "Ban Chỉ đạo Thành phố về phòng, chống tham nhũng, lãng phí, tiêu cực"],
        ["TU-BNC", "Ban Nội chính Thành ủy"],
        ["TU-BTC", "Ban Tổ chức Thành ủy"],
        ["TU-UBKT", "Ủy ban Kiểm tra Thành ủy"],
      ];
      for (const [code, name] of bodies) org(code, name, "body", "TU", "1976-07-02");
      const blocs: [string, string][] = [
        ["TU-DUCQD", "Đảng ủy các cơ quan Đảng Thành phố"],
        ["TU-DUUBND", "Đảng ủy Ủy ban nhân dân Thành phố"],
        ["TU-DUMTTQ", "Đảng ủy Mặt trận Tổ quốc, các đoàn thể Thành phố"],
        ["TU-DUCA", "Đảng ủy Công an Thành phố"],
        ["TU-DUQS", "Đảng ủy Quân sự Thành phố"],
      ];
      for (const [code, name] of blocs) org(code, name, "bloc", "TU", NEW_CITY);

      // The district level of the old city, abolished on 01/07/2025: closed, still readable.
      const oldAreas = [...new Set(units.map((u) => u.formerArea).filter((a) => !a.includes("(")))].sort();
      oldAreas.forEach((area, i) => {
        const name = area.startsWith("Quận") ? `Quận ủy ${area}` : area.startsWith("Huyện") ? `Huyện ủy ${area.slice(6)}` : `Thành ủy ${area}`;
        org(`QH-${String(i + 1).padStart(2, "0")}`, name, "district", "TU", "1976-07-02", OLD_DAY);
      });

      const kindOf = { phuong: "ward", xa: "commune", dac_khu: "special_zone" } as const;
      const label = { phuong: "Đảng ủy", xa: "Đảng ủy", dac_khu: "Đảng ủy" } as const;
      const counters = { phuong: 0, xa: 0, dac_khu: 0 };
      const prefix = { phuong: "P", xa: "X", dac_khu: "DK" } as const;
      const unitCode = new Map<string, string>();
      for (const u of units) {
        counters[u.kind]++;
        const code = `${prefix[u.kind]}${String(counters[u.kind]).padStart(3, "0")}`;
        unitCode.set(u.name, code);
        org(code, `${label[u.kind]} ${u.name}`, kindOf[u.kind], "TU", NEW_CITY);
      }

      // Grassroots organizations and cells under a few wards.
      const sample: [string, string][] = [
        ["Phường Sài Gòn", "SG"],
        ["Phường Bến Thành", "BT"],
        ["Phường Thủ Đức", "TD"],
        ["Xã Củ Chi", "CC"],
      ];
      for (const [unitName, short] of sample) {
        const parent = unitCode.get(unitName);
        if (!parent) continue;
        org(`${parent}-CQ`, `Đảng bộ cơ quan Ủy ban nhân dân ${unitName.toLowerCase().startsWith("xã") ? "xã" : "phường"}`, "grassroots", parent, NEW_CITY);
        org(`${parent}-CQ-CB1`, "Chi bộ Văn phòng", "cell", `${parent}-CQ`, NEW_CITY);
        org(`${parent}-CQ-CB2`, "Chi bộ Tài chính – Kế hoạch", "cell", `${parent}-CQ`, NEW_CITY);
        for (let k = 1; k <= 3; k++) org(`${parent}-KP${k}`, `Chi bộ Khu phố ${k}`, "grassroots", parent, NEW_CITY);
        org(`${parent}-TH`, `Chi bộ Trường Tiểu học ${short === "CC" ? "Củ Chi" : unitName.replace(/^Phường /, "")}`, "grassroots", parent, NEW_CITY);
      }

      // A grassroots organization that moved from Quận 1 to Phường Sài Gòn on 01/07/2025.
      const saigon = unitCode.get("Phường Sài Gòn");
      const quan1 = ids.get(`QH-${String(oldAreas.indexOf("Quận 1") + 1).padStart(2, "0")}`);
      if (saigon && quan1) {
        const id = org(`${saigon}-BV`, "Đảng bộ Bệnh viện Nhi đồng Thành phố", "grassroots", saigon, "2008-03-15");
        tx.insert(organizationVersions)
          .values({ orgId: id, name: "Đảng bộ Bệnh viện Nhi đồng Thành phố", parentId: quan1, validFrom: "2008-03-15", validTo: OLD_DAY, change: "move", recordedAt: at })
          .run();
      }

      const sg = saigon ?? "TU";
      const people: DemoPerson[] = [
        { key: "admin", family: "Trần", middle: "Minh", given: "Quân", dob: "1978-04-12", position: "Chuyên viên Văn phòng Thành ủy", org: "TU", username: "quantri", roles: [["admin", "TU"]] },
        { key: "inspector", family: "Lê", middle: "Thị", given: "Hạnh", dob: "1975-09-02", position: "Ủy viên Ủy ban Kiểm tra Thành ủy", org: "TU-UBKT", username: "kiemtra", roles: [["inspector", "TU"]] },
        { key: "orgstaff", family: "Phạm", middle: "Văn", given: "Đức", dob: "1982-01-20", position: "Chuyên viên Ban Tổ chức Thành ủy", org: "TU-BTC", username: "bantochuc", roles: [["organization_staff", "TU"]] },
        { key: "internal", family: "Võ", middle: "Thị Thu", given: "Trang", dob: "1985-06-18", position: "Chuyên viên Ban Nội chính Thành ủy", org: "TU-BNC", username: "noichinh", roles: [["internal_affairs", "TU"]] },
        { key: "leader", family: "Nguyễn", middle: "Văn", given: "Bình", dob: "1970-11-05", position: "Bí thư Đảng ủy phường", org: sg, username: "bithu", roles: [["leader", sg], ["leader", `${sg}-CQ`]] },
        { key: "wardadmin", family: "Đặng", middle: "Thị", given: "Yến", dob: "1988-02-28", position: "Chuyên viên Văn phòng Đảng ủy phường", org: sg, username: "quantri.phuong", roles: [["admin", sg]] },
        { key: "secretary", family: "Huỳnh", middle: "Ngọc", given: "Ánh", dob: "1986-08-09", position: "Thư ký Hội đồng sáng kiến phường", org: `${sg}-CQ`, username: "thuky", roles: [["secretary", sg]] },
        { key: "evaluator", family: "Bùi", middle: "Quốc", given: "Việt", dob: "1979-03-30", position: "Phó Chủ tịch UBND phường", org: `${sg}-CQ`, username: "giamkhao", roles: [["evaluator", sg]] },
        { key: "cadre", family: "Hoàng", middle: "Thị", given: "Lan", dob: "1990-12-01", position: "Chuyên viên Phòng Văn hóa – Xã hội", org: `${sg}-CQ-CB1`, username: "canbo", roles: [["cadre", `${sg}-CQ-CB1`]] },
        { key: "cellleader", family: "Đỗ", middle: "Minh", given: "Tuấn", dob: "1976-07-22", position: "Bí thư Chi bộ Văn phòng", org: `${sg}-CQ-CB1`, username: "bithu.chibo", roles: [["leader", `${sg}-CQ-CB1`], ["cadre", `${sg}-CQ-CB1`]] },
        { key: "newcomer", family: "Trương", middle: "Gia", given: "Huy", dob: "1996-05-14", position: "Chuyên viên Văn phòng", org: `${sg}-CQ-CB1`, username: "canbo.moi", roles: [["cadre", `${sg}-CQ-CB1`]], mustChange: true },
      ];
      const families = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý"];
      const middles = ["Văn", "Thị", "Minh", "Ngọc", "Thanh", "Quốc", "Hữu", "Thu", "Gia", "Đức"];
      const givens = ["An", "Bảo", "Châu", "Dũng", "Giang", "Hà", "Hải", "Khánh", "Linh", "Mai", "Nam", "Nga", "Phúc", "Quyên", "Sơn", "Tâm", "Thảo", "Uyên", "Vân", "Xuân"];
      const positions = ["Đảng viên", "Chuyên viên", "Phó Bí thư Chi bộ", "Cán bộ khu phố", "Giáo viên"];
      const memberOrgs = [`${sg}-CQ-CB1`, `${sg}-CQ-CB2`, `${sg}-KP1`, `${sg}-KP2`, `${sg}-TH`];
      for (let i = 0; i < 40; i++) {
        people.push({
          key: `member${i}`,
          family: families[i % families.length],
          middle: middles[(i * 3) % middles.length],
          given: givens[(i * 7) % givens.length],
          dob: `19${70 + (i % 28)}-${String((i % 12) + 1).padStart(2, "0")}-${String((i % 27) + 1).padStart(2, "0")}`,
          position: positions[i % positions.length],
          org: memberOrgs[i % memberOrgs.length],
        });
      }
      for (const p of people) {
        const orgId = ids.get(p.org)!;
        const personId = insertPersonRow(tx, { familyName: p.family, middleName: p.middle, givenName: p.given, dateOfBirth: p.dob, position: p.position, orgId, partyMember: true }, at);
        appendEvent(ctx, tx, { action: "person.created", entity: "person", entityId: personId, orgId, payload: { source: "seed" } });
        if (p.username) {
          const accountId = insertAccountRow(tx, { personId, username: p.username, passwordHash, mustChangePassword: !!p.mustChange }, at);
          appendEvent(ctx, tx, { action: "account.created", entity: "account", entityId: accountId, orgId, payload: { source: "seed" } });
        }
        for (const [role, code] of p.roles ?? []) {
          const grantOrg = ids.get(code)!;
          const grant = grantInsert(tx, personId, role, grantOrg, at);
          appendEvent(ctx, tx, { action: "role.granted", entity: "role_grant", entityId: grant, orgId: grantOrg, payload: { personId, role, source: "seed" } });
        }
      }
      return { orgs: ids.size, people: people.length };
    },
    { behavior: "immediate" },
  );
}

function grantInsert(tx: Tx, personId: number, role: Role, orgId: number, at: string): number {
  return tx.insert(roleGrants).values({ personId, role, orgId, grantedBy: null, grantedAt: at }).returning({ id: roleGrants.id }).get().id;
}
