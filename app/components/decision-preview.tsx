// The decision as it reads on paper, in the party layout: issuing organization and number top
// left, "ĐẢNG CỘNG SẢN VIỆT NAM" underlined and the place-and-date line top right, the title,
// the articles, "Nơi nhận:" and the signer. The same wording as the DOCX (decisions.doc.*).
import type { DecisionView } from "~/models/decisions-read.server";
import { formatNumber } from "~/i18n/format";
import { translator } from "~/i18n";
import { formatShare } from "~/schemas/initiative-sections";
import { halfToPoints } from "./decision-parts";

// Official documents are Vietnamese whatever the interface language.
const tv = translator("vi");

export function DecisionPreview({ view }: { view: Pick<DecisionView, "decision" | "council" | "initiative" | "authors" | "corrects" | "summary"> }) {
  const { decision: d, council, initiative, authors } = view;
  const [y, m, day] = d.decidedOn.split("-");
  const recognised = d.outcome === "recognised";
  const kind = tv(`decisions.doc.kind.${initiative.kind}`);
  const level = d.level ? tv(`decisions.level.${d.level}`) : "";
  const title = `“${initiative.title}”`;
  const number = initiative.registrationNumber ?? "";
  let n = 2;
  return (
    <article className="party-doc" lang="vi" aria-label={tv("decisions.view.preview")}>
      <div className="party-doc__head">
        <div>
          {council.parentOrgName ? <p>{council.parentOrgName.toUpperCase()}</p> : null}
          <p className="party-doc__strong">{council.orgName.toUpperCase()}</p>
          <p>*</p>
          <p>{tv("decisions.doc.numberLine", { number: d.number })}</p>
        </div>
        <div>
          <p className="party-doc__strong party-doc__underline">{tv("decisions.doc.party")}</p>
          <p className="party-doc__date">{tv("decisions.doc.placeDate", { d: day, m, y })}</p>
        </div>
      </div>
      <p className="party-doc__title">{tv("decisions.doc.decisionTitle")}</p>
      <p className="party-doc__subject">{tv(recognised ? "decisions.doc.subject.recognised" : "decisions.doc.subject.notRecognised", { kind })}</p>
      <p>{tv("decisions.doc.basis.council", { council: council.name })}</p>
      <p>{tv("decisions.doc.basis.dossier", { number, version: d.version, org: initiative.receivingOrgName })}</p>
      {view.summary && view.summary.meanHalf !== null ? <p>{tv("decisions.doc.basis.scores", { count: view.summary.submitted, mean: halfToPoints(view.summary.meanHalf) })}</p> : null}
      <p className="party-doc__title">{tv("decisions.doc.decides")}</p>
      <p>
        <strong>{tv("decisions.doc.articleN", { n: 1 })}</strong>{" "}
        {recognised ? tv("decisions.doc.article1.recognised", { kind, title, number, level }) : tv("decisions.doc.article1.notRecognised", { kind, title, number })}
      </p>
      {authors.length ? <p>{tv("decisions.doc.authors")}</p> : null}
      <ul>
        {authors.map((a, i) => (
          <li key={i}>
            {`${a.fullName}${a.jobTitle ? `, ${a.jobTitle}` : ""}${a.workplace ? `, ${a.workplace}` : ""}: ${tv("decisions.doc.share", { share: formatShare(a.shareBp) })}${a.points !== null ? `; ${tv("decisions.doc.points", { points: formatNumber(a.points / 100) })}` : ""}.`}
          </li>
        ))}
      </ul>
      {d.reason ? <p>{tv(recognised ? "decisions.doc.remarks" : "decisions.doc.reason", { reason: d.reason })}</p> : null}
      {view.corrects ? (
        <p>
          <strong>{tv("decisions.doc.articleN", { n: n++ })}</strong> {tv("decisions.doc.corrects", { number: view.corrects.number })}
        </p>
      ) : null}
      <p>
        <strong>{tv("decisions.doc.articleN", { n })}</strong> {tv("decisions.doc.execution")}
      </p>
      <div className="party-doc__foot">
        <div>
          <p className="party-doc__recipients">{tv("decisions.doc.recipients")}</p>
          <p>- {tv("decisions.doc.to.authors")}</p>
          <p>- {initiative.receivingOrgName},</p>
          <p>- {tv("decisions.doc.to.file")}</p>
        </div>
        <div className="party-doc__sign">
          <p className="party-doc__strong">{tv("decisions.doc.signFor").toUpperCase()}</p>
          <p className="party-doc__strong">{d.signerTitle.toUpperCase()}</p>
          <p className="party-doc__signer">{d.signerName}</p>
        </div>
      </div>
    </article>
  );
}
