// The pieces of the import pages: the file field, and the two tables of the preview (rows
// with problems, people to be created).
import { framed, inputProps, type FormApi } from "~/components/form";
import { isMessageKey, type Translate } from "~/i18n";
import { formatDate, formatNumber } from "~/i18n/format";
import { useT } from "~/i18n/use-t";
import type { ImportRow, Problem } from "~/models/import-rows.server";

/** A file input with its label, hint and error, marked up like the other fields. */
export function FileField(props: { name: string; label: string; hint: string; form: FormApi }) {
  // A file input cannot be given a value back: leave defaultValue out.
  const { error, attrs } = inputProps(props);
  const { defaultValue: _none, ...rest } = attrs;
  return framed(
    props,
    error,
    <input className="input" type="file" accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" {...rest} />,
  );
}

export function problemText(t: Translate, p: Problem): string {
  if (!isMessageKey(p.key)) return p.key;
  const params: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(p.params ?? {})) {
    params[k] = typeof v === "string" && isMessageKey(v) ? t(v) : typeof v === "number" ? formatNumber(v) : v;
  }
  return t(p.key, params);
}

export function ProblemTable({ rows }: { rows: ImportRow[] }) {
  const t = useT();
  if (!rows.length) return null;
  return (
    <div className="table-wrap">
      <table>
        <caption>{t("import.preview.problems.caption")}</caption>
        <thead>
          <tr>
            <th scope="col" className="num">
              {t("import.col.line")}
            </th>
            <th scope="col">{t("import.col.name")}</th>
            <th scope="col">{t("import.col.problems")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.line}>
              <td className="num">{r.line}</td>
              <td>{r.fullName || t("import.noName")}</td>
              <td>
                <ul className="import-problems">
                  {r.problems.map((p, i) => (
                    <li key={i}>{problemText(t, p)}</li>
                  ))}
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The valid rows: "to be created", or while other rows have problems, just "valid". */
export function CreateTable({ rows, blocked }: { rows: ImportRow[]; blocked: boolean }) {
  const t = useT();
  if (!rows.length) return null;
  return (
    <div className="table-wrap">
      <table>
        <caption>{t(blocked ? "import.preview.valid.caption" : "import.preview.create.caption")}</caption>
        <thead>
          <tr>
            <th scope="col" className="num">
              {t("import.col.line")}
            </th>
            <th scope="col">{t("import.col.name")}</th>
            <th scope="col">{t("import.col.dob")}</th>
            <th scope="col">{t("import.col.org")}</th>
            <th scope="col">{t("import.col.position")}</th>
            <th scope="col">{t("import.col.party")}</th>
            <th scope="col">{t("import.col.account")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.line}>
              <td className="num">{r.line}</td>
              <td>{r.fullName}</td>
              <td>{formatDate(r.dateOfBirth)}</td>
              <td>
                {r.orgName} <span className="mono">({r.orgCode})</span>
              </td>
              <td>{r.position}</td>
              <td>{r.partyMember ? t("form.yes") : t("form.no")}</td>
              <td>{r.username ? <span className="mono">{r.username}</span> : t("import.noAccount")}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
