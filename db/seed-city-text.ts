// Deterministic randomness and Vietnamese text for the city seed: names, organizations,
// initiative titles and contents, task titles. Everything comes from one seeded generator, so
// a seed number always gives the same city.

/** mulberry32: small, fast, good enough for test data, and the same on every machine. */
export function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  return {
    next,
    int,
    between: (lo: number, hi: number) => lo + int(hi - lo + 1),
    pick: <T>(xs: readonly T[]): T => xs[int(xs.length)],
    chance: (p: number) => next() < p,
  };
}
export type Rng = ReturnType<typeof rng>;

export const FAMILIES = ["Nguyễn", "Nguyễn", "Nguyễn", "Trần", "Trần", "Lê", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Trương", "Đinh", "Lâm", "Mai", "Tạ", "Châu"];
export const MIDDLES = ["Văn", "Thị", "Minh", "Ngọc", "Thanh", "Quốc", "Hữu", "Thu", "Gia", "Đức", "Hoàng", "Kim", "Thị Thu", "Văn Hoàng", "Thị Ngọc", "Bảo", "Xuân", "Công"];
export const GIVENS = [
  "An", "Anh", "Bảo", "Bình", "Châu", "Chi", "Cường", "Dũng", "Duy", "Giang", "Hà", "Hải", "Hạnh", "Hiếu", "Hòa", "Hùng", "Huy", "Hương", "Khánh", "Khoa",
  "Lan", "Linh", "Long", "Mai", "Minh", "My", "Nam", "Nga", "Ngân", "Nhung", "Phúc", "Phương", "Quang", "Quyên", "Sơn", "Tâm", "Thảo", "Thắng", "Thủy", "Tiến",
  "Trang", "Trí", "Trung", "Tuấn", "Uyên", "Vân", "Việt", "Vinh", "Xuân", "Yến",
];
export const POSITIONS = ["Đảng viên", "Chuyên viên", "Cán bộ khu phố", "Giáo viên", "Kế toán", "Phó Bí thư Chi bộ", "Chi ủy viên", "Cán bộ địa chính", "Công chức tư pháp", "Bác sĩ", "Kỹ sư"];

export const GRASSROOTS = [
  "Đảng bộ cơ quan Ủy ban nhân dân", "Chi bộ Trường Trung học cơ sở", "Chi bộ Trường Tiểu học", "Chi bộ Trường Mầm non", "Đảng bộ Trạm Y tế",
  "Chi bộ Công an", "Chi bộ Quân sự", "Đảng bộ Công ty cổ phần", "Chi bộ Hợp tác xã", "Chi bộ Khu phố", "Chi bộ Ấp", "Đảng bộ Bệnh viện",
];
export const CELLS = ["Chi bộ Văn phòng", "Chi bộ Tài chính – Kế hoạch", "Chi bộ Kinh tế", "Chi bộ Văn hóa – Xã hội", "Chi bộ Địa chính – Xây dựng", "Chi bộ Tổ dân phố", "Chi bộ Giáo viên", "Chi bộ Hành chính"];
const PLACES = ["Bến Nghé", "Tân Định", "Đa Kao", "Nguyễn Du", "Lê Lợi", "Hòa Bình", "Thống Nhất", "Rạch Chiếc", "An Phú", "Bình Trưng", "Phước Long", "Tân Phú", "Hiệp Thành", "Long Trường"];
export const place = (r: Rng) => r.pick(PLACES);

const ACTIONS = ["Số hóa", "Công khai", "Chuẩn hóa", "Rút ngắn", "Giám sát", "Minh bạch hóa", "Tinh gọn", "Kiểm soát", "Liên thông", "Tự động nhắc hạn", "Đối chiếu", "Phân quyền"];
const OBJECTS = [
  "quy trình tiếp nhận hồ sơ đất đai", "thủ tục cấp giấy phép xây dựng", "sổ theo dõi tiếp công dân", "việc mua sắm tài sản công", "hồ sơ chi trả chế độ chính sách",
  "quy trình chứng thực bản sao", "việc quản lý quỹ vì người nghèo", "việc sử dụng xe công", "kế hoạch đấu thầu thiết bị", "hồ sơ đăng ký hộ kinh doanh",
  "việc thu phí chợ truyền thống", "danh mục tài sản cố định", "hồ sơ trợ cấp người cao tuổi", "lịch trực tiếp dân của lãnh đạo", "việc cấp phép quảng cáo ngoài trời",
  "kinh phí sửa chữa trường học", "việc giải quyết khiếu nại, tố cáo", "việc kê khai tài sản, thu nhập", "chi tiêu hội nghị, hội thảo", "quy trình thu hồi đất",
];
const PLACES_OF_USE = ["tại bộ phận một cửa phường", "tại Ủy ban nhân dân xã", "trong chi bộ", "tại trường học", "tại trạm y tế", "tại khu phố", "tại ban quản lý chợ", "trong cơ quan"];
const GOALS = ["phòng ngừa tham nhũng", "chống lãng phí", "ngăn chặn tiêu cực", "nâng cao tính minh bạch", "giảm phiền hà cho người dân", "tiết kiệm ngân sách"];
// Rare terms (about 1 in 500 titles) so that the benchmark has a rare query: "thuy san", "kenh rach".
const RARE = ["trong quản lý nuôi trồng thủy sản", "trong nạo vét kênh rạch"];

export function initiativeTitle(r: Rng): string {
  const base = `${r.pick(ACTIONS)} ${r.pick(OBJECTS)} ${r.pick(PLACES_OF_USE)}`;
  if (r.chance(0.002)) return `${base} ${r.pick(RARE)}`;
  return r.chance(0.5) ? `${base} nhằm ${r.pick(GOALS)}` : base;
}

export const FIELDS = ["Cải cách hành chính", "Quản lý đất đai", "Tài chính công", "Giáo dục", "Y tế", "An sinh xã hội", "Xây dựng Đảng", "Quản lý đô thị", "Kinh tế"];

const STEPS = [
  "Bước 1: rà soát quy trình hiện hành và xác định điểm dễ phát sinh nhũng nhiễu. Bước 2: xây dựng mẫu biểu thống nhất. Bước 3: công khai trên cổng thông tin và bảng tin.",
  "Lập danh mục theo dõi, phân công cán bộ phụ trách, báo cáo định kỳ hằng tháng cho cấp ủy; người dân tra cứu tình trạng hồ sơ bằng mã QR.",
  "Chuyển toàn bộ sổ giấy sang phần mềm dùng chung, phân quyền theo chức danh, lưu vết mọi thao tác và đối chiếu số liệu cuối mỗi quý.",
];
const IMPROVEMENTS = [
  "Thời gian giải quyết hồ sơ giảm từ 15 ngày xuống còn 7 ngày; không còn trường hợp hồ sơ trễ hạn không rõ lý do.",
  "Mọi khoản chi được công khai, người dân và đảng viên giám sát được; tiết kiệm khoảng 12 % kinh phí so với năm trước.",
  "Giảm hẳn việc đi lại nhiều lần của người dân; cán bộ không tiếp xúc trực tiếp với tiền mặt.",
];

/** Every section of the application form, complete (the prevention section for solutions). */
export function initiativeSections(r: Rng, kind: "initiative" | "solution", title: string, appliedOn: string): Record<string, Record<string, unknown>> {
  const sections: Record<string, Record<string, unknown>> = {
    general: { title, field: r.pick(FIELDS), firstAppliedOn: appliedOn },
    solution: { steps: r.pick(STEPS), improvement: r.pick(IMPROVEMENTS), howToApply: `Áp dụng ${r.pick(PLACES_OF_USE)} và nhân rộng ra các đơn vị cùng cấp.` },
    conditions: { conditions: "Máy tính kết nối mạng nội bộ, một cán bộ được tập huấn." },
    benefit: { expectedBenefit: r.pick(IMPROVEMENTS), measuredBenefit: "" },
    trial: { trialParticipants: `Tổ công tác ${r.pick(PLACES_OF_USE)}.` },
    confidential: { confidential: "" },
    statement: { sworn: true },
  };
  if (kind === "solution") {
    sections.prevention = {
      risk: `Nguy cơ ${r.pick(["nhũng nhiễu", "lợi ích nhóm", "thất thoát", "lãng phí", "chạy chọt"])} khi thực hiện ${r.pick(OBJECTS)}.`,
      scope: r.pick(PLACES_OF_USE),
      resources: "Hai cán bộ kiêm nhiệm, không phát sinh kinh phí mới.",
      expectedEffect: `Góp phần ${r.pick(GOALS)}.`,
    };
  }
  return sections;
}

const TASK_TOPICS = ["thủ tục hành chính về đất đai", "mua sắm công", "quản lý tài chính, ngân sách", "công tác cán bộ", "thu chi quỹ ngoài ngân sách", "đầu tư xây dựng cơ bản", "quản lý trật tự đô thị"];
export function taskTitle(r: Rng): string {
  return `${r.pick(["Phòng ngừa tham nhũng trong", "Chống lãng phí trong", "Ngăn chặn tiêu cực trong", "Nâng cao minh bạch"])} ${r.pick(TASK_TOPICS)}`;
}
export const TASK_BODY =
  "Các tổ chức đảng trực thuộc rà soát lĩnh vực được giao, đề xuất sáng kiến, giải pháp phòng ngừa cụ thể, khả thi; đăng ký trên Cổng trước thời hạn.";

export const RETURN_REASONS = ["Đề nghị bổ sung số liệu minh chứng hiệu quả.", "Phần giải pháp chưa nêu rõ các bước thực hiện.", "Tỷ lệ đóng góp của đồng tác giả chưa khớp biên bản họp chi bộ."];
