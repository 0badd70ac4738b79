// Documents of a council: each decision and the council's minutes (biên bản) as DOCX in the
// party layout, and the council's score sheet as XLSX (every evaluator's scores: only for
// canViewCouncil). Who may download a decision is who may see it (getDecision).
import { excel } from "./exceljs.server";
import { and, asc, eq, inArray } from "drizzle-orm";
import { evaluations, evaluationScores, people, rubricCriteria } from "../../db/schema";
import { formatNumber, fullName } from "~/i18n/format";
import { formatShare } from "~/schemas/initiatives";
import type { Ctx } from "./context.server";
import { decisionsOfInitiative, itemsOf, itemSummary, members, rubricOf, sheetsOf } from "./decisions-shared.server";
import { councilForViewer, getDecision } from "./decisions-read.server";
import { footer, header, pack, para, table, title, tv } from "./party-docx.server";
import { todayIso } from "./orgs-shared.server";

const points = (half: number | null) => (half === null ? "—" : formatNumber(Math.round((half / 2) * 100) / 100));
/** "15-QĐ/ĐU" → "15-QD-DU" for a file name. */
const asciiNumber = (n: string) => n.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[đĐ]/g, "D").replace(/[^\w-]+/g, "-");
const levelName = (level: string | null) => (level ? tv(`decisions.level.${level}` as never) : "");

/** The decision as a DOCX in the party layout. */
export async function decisionDocx(ctx: Ctx, id: number): Promise<{ body: Buffer; fileName: string }> {
  const v = getDecision(ctx, id);
  const d = v.decision;
  const recognised = d.outcome === "recognised";
  const kind = tv(`decisions.doc.kind.${v.initiative.kind}` as never);
  const subject = `“${v.initiative.title}”`;
  const articles = [
    recognised
      ? tv("decisions.doc.article1.recognised", { kind, title: subject, number: v.initiative.registrationNumber ?? "", level: levelName(d.level) })
      : tv("decisions.doc.article1.notRecognised", { kind, title: subject, number: v.initiative.registrationNumber ?? "" }),
  ];
  const body = [
    ...v.authors.map((a) =>
      para(`- ${a.fullName}${a.jobTitle ? `, ${a.jobTitle}` : ""}${a.workplace ? `, ${a.workplace}` : ""}: ${tv("decisions.doc.share", { share: formatShare(a.shareBp) })}${a.points !== null ? `; ${tv("decisions.doc.points", { points: formatNumber(a.points / 100) })}` : ""}.`, { indent: true }),
    ),
  ];
  const reason = d.reason ? [para(tv(recognised ? "decisions.doc.remarks" : "decisions.doc.reason", { reason: d.reason }), { indent: true })] : [];
  let n = 2;
  const correction = v.corrects ? [para([{ text: tv("decisions.doc.articleN", { n: n++ }), bold: true }, { text: ` ${tv("decisions.doc.corrects", { number: v.corrects.number })}` }], { indent: true })] : [];
  const children = [
    header({ parentOrgName: v.council.parentOrgName, orgName: v.council.orgName, number: d.number, date: d.decidedOn }),
    ...title(tv("decisions.doc.decisionTitle"), [tv(recognised ? "decisions.doc.subject.recognised" : "decisions.doc.subject.notRecognised", { kind })]),
    para(tv("decisions.doc.basis.council", { council: v.council.name }), { indent: true }),
    para(tv("decisions.doc.basis.dossier", { number: v.initiative.registrationNumber ?? "", version: d.version, org: v.initiative.receivingOrgName }), { indent: true }),
    ...(v.summary && v.summary.meanHalf !== null ? [para(tv("decisions.doc.basis.scores", { count: v.summary.submitted, mean: points(v.summary.meanHalf) }), { indent: true })] : []),
    para([{ text: tv("decisions.doc.decides"), bold: true }], { align: "center", after: 120 }),
    para([{ text: tv("decisions.doc.articleN", { n: 1 }), bold: true }, { text: ` ${articles[0]}` }], { indent: true }),
    ...(v.authors.length ? [para(tv("decisions.doc.authors"), { indent: true })] : []),
    ...body,
    ...reason,
    ...correction,
    para([{ text: tv("decisions.doc.articleN", { n }), bold: true }, { text: ` ${tv("decisions.doc.execution")}` }], { indent: true, after: 240 }),
    footer({
      recipients: [tv("decisions.doc.to.authors"), v.initiative.receivingOrgName, tv("decisions.doc.to.file")],
      signFor: tv("decisions.doc.signFor"),
      signerTitle: d.signerTitle,
      signerName: d.signerName,
    }),
  ];
  const body2 = await pack(children, { title: `${tv("decisions.doc.decisionTitle")} ${d.number}` });
  return { body: body2, fileName: `quyet-dinh-${asciiNumber(d.number)}.docx` };
}

/** The council's minutes (biên bản): the council, its members, every item with the number of
 * sheets, the mean and the decision taken. */
export async function minutesDocx(ctx: Ctx, councilId: number): Promise<{ body: Buffer; fileName: string }> {
  const council = councilForViewer(ctx, councilId);
  const rubric = rubricOf(ctx.db, council.rubricId);
  const seated = members(ctx.db, councilId);
  const rows = itemsOf(ctx.db, councilId).map((item, i) => {
    const s = itemSummary(ctx.db, item.id, rubric);
    const ds = decisionsOfInitiative(ctx.db, item.initiativeId).filter((d) => d.version === item.version);
    const latest = ds[ds.length - 1];
    const outcome = latest ? `${latest.outcome === "recognised" ? tv("decisions.doc.minutes.recognisedAt", { level: levelName(latest.level) }) : tv("decisions.outcome.not_recognised")} (${latest.number})` : tv("decisions.doc.minutes.pending");
    return [String(i + 1), `${item.registrationNumber ?? ""} — ${item.title}`, `${s.submitted}/${s.assigned}`, points(s.meanHalf), outcome];
  });
  const role = (r: string) => tv(`decisions.role.${r}` as never);
  const chair = seated.find((m) => m.role === "chair");
  const secretary = seated.find((m) => m.role === "secretary");
  const children = [
    header({ parentOrgName: council.parentOrgName, orgName: council.orgName, number: null, date: todayIso(ctx) }),
    ...title(tv("decisions.doc.minutesTitle"), [council.name]),
    para(tv("decisions.doc.minutes.rubric", { rubric: rubric.name, max: rubric.maxPoints, unit: rubric.unit, ward: rubric.ward, city: rubric.city }), { indent: true }),
    para([{ text: tv("decisions.doc.minutes.members"), bold: true }], { indent: true }),
    ...seated.map((m) => para(`- ${tv("decisions.doc.comrade")} ${fullName(m)}${m.position ? `, ${m.position}` : ""} — ${role(m.role)}`, { indent: true })),
    para([{ text: tv("decisions.doc.minutes.items"), bold: true }], { indent: true, after: 120 }),
    table(
      [tv("decisions.doc.col.no"), tv("decisions.doc.col.initiative"), tv("decisions.doc.col.sheets"), tv("decisions.doc.col.mean"), tv("decisions.doc.col.outcome")],
      rows,
      [7, 43, 12, 12, 26],
    ),
    para("", { after: 240 }),
    footer({
      recipients: [tv("decisions.doc.to.file")],
      signFor: null,
      signerTitle: tv("decisions.role.secretary"),
      signerName: secretary ? fullName(secretary) : "",
    }),
    ...(chair ? [para(tv("decisions.doc.minutes.chair", { name: fullName(chair) }), { align: "right" })] : []),
  ];
  const body = await pack(children, { title: `${tv("decisions.doc.minutesTitle")} ${council.name}` });
  return { body, fileName: `bien-ban-hoi-dong-${council.id}.docx` };
}

/** The council's score sheet: one row per evaluator's sheet, one column per criterion. */
export async function scoreSheetXlsx(ctx: Ctx, councilId: number): Promise<{ body: Buffer; fileName: string }> {
  const council = councilForViewer(ctx, councilId);
  const rubric = rubricOf(ctx.db, council.rubricId);
  const criteria = ctx.db
    .select({ id: rubricCriteria.id, name: rubricCriteria.name, maxPoints: rubricCriteria.maxPoints })
    .from(rubricCriteria)
    .where(eq(rubricCriteria.rubricId, council.rubricId))
    .orderBy(asc(rubricCriteria.position))
    .all();
  const wb = new (await excel()).Workbook();
  wb.creator = tv("app.shortName");
  const sheet = wb.addWorksheet(tv("decisions.xlsx.sheet"));
  sheet.columns = [
    { header: tv("decisions.doc.col.number"), key: "number", width: 18 },
    { header: tv("decisions.doc.col.initiative"), key: "title", width: 40 },
    { header: tv("decisions.xlsx.evaluator"), key: "evaluator", width: 26 },
    { header: tv("decisions.xlsx.status"), key: "status", width: 14 },
    ...criteria.map((c) => ({ header: `${c.name} (${c.maxPoints})`, key: `c${c.id}`, width: 16 })),
    { header: tv("decisions.xlsx.total", { max: rubric.maxPoints }), key: "total", width: 14 },
  ];
  for (const item of itemsOf(ctx.db, councilId)) {
    const sheets = sheetsOf(ctx.db, item.id);
    const names = new Map(
      ctx.db
        .select({ id: people.id, familyName: people.familyName, middleName: people.middleName, givenName: people.givenName })
        .from(people)
        .where(inArray(people.id, sheets.length ? sheets.map((s) => s.evaluatorId) : [0]))
        .all()
        .map((p) => [p.id, fullName(p)]),
    );
    for (const s of sheets) {
      const scores = ctx.db
        .select({ criterionId: evaluationScores.criterionId, halfPoints: evaluationScores.halfPoints })
        .from(evaluationScores)
        .innerJoin(evaluations, eq(evaluations.id, evaluationScores.evaluationId))
        .where(and(eq(evaluationScores.evaluationId, s.id), eq(evaluations.status, "submitted")))
        .all();
      const row: Record<string, string | number | null> = {
        number: item.registrationNumber ?? "",
        title: item.title,
        evaluator: names.get(s.evaluatorId) ?? "",
        status: tv(`decisions.xlsx.sheetStatus.${s.status}` as never),
        total: s.status === "submitted" && s.totalHalfPoints !== null ? s.totalHalfPoints / 2 : null,
      };
      for (const sc of scores) row[`c${sc.criterionId}`] = sc.halfPoints / 2;
      sheet.addRow(row);
    }
    const summary = itemSummary(ctx.db, item.id, rubric);
    const mean = sheet.addRow({ number: item.registrationNumber ?? "", title: item.title, evaluator: tv("decisions.xlsx.mean"), total: summary.meanHalf === null ? null : Math.round(summary.meanHalf * 50) / 100 });
    mean.font = { italic: true };
  }
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: "frozen", ySplit: 1 }];
  const body = Buffer.from(await wb.xlsx.writeBuffer());
  return { body, fileName: `bang-diem-hoi-dong-${council.id}.xlsx` };
}
