import type { ReactNode } from "react";
import { Link } from "~/components/link";

/** A summary list: label / value / optional change link (GOV.UK pattern). */
export function SummaryList({ rows }: { rows: { label: string; value: ReactNode; href?: string; hrefLabel?: string }[] }) {
  return (
    <dl className="summary">
      {rows.map((row) => (
        <div className="summary__row" key={row.label}>
          <dt>{row.label}</dt>
          <dd>{row.value}</dd>
          {row.href ? (
            <dd>
              <Link to={row.href}>
                {row.hrefLabel}
                <span className="visually-hidden"> {row.label}</span>
              </Link>
            </dd>
          ) : null}
        </div>
      ))}
    </dl>
  );
}

/** A status tag: always text, colour only reinforces it. */
export function Tag({ children, tone = "blue" }: { children: ReactNode; tone?: "blue" | "grey" | "red" | "green" }) {
  return <strong className={tone === "blue" ? "tag" : `tag tag--${tone}`}>{children}</strong>;
}

/** "Đã lưu"-style confirmation after a change: a success banner read out by screen readers. */
export function SuccessBanner({ children }: { children: ReactNode }) {
  return (
    <div className="banner banner--success" role="status">
      <p>{children}</p>
    </div>
  );
}
