import { Form, Link, NavLink, useLocation } from "@remix-run/react";
import { useRootData } from "~/root";
import { formatNumber } from "~/i18n/format";
import { useT } from "~/i18n/use-t";

/** The page frame: skip link, party header, role-based navigation, language switch, footer. */
export function Shell({ children }: { children: React.ReactNode }) {
  const data = useRootData();
  const t = useT();
  const location = useLocation();
  const back = location.pathname + location.search;
  const nav = data?.nav;
  return (
    <>
      <a className="skip-link" href="#main">
        {t("nav.skip")}
      </a>
      <header className="site-header">
        <div className="site-header__inner">
          <Link to="/" className="site-header__brand">
            <span className="site-header__party">{t("app.party")}</span>
            <span className="site-header__owner">{t("app.owner")}</span>
            <span className="site-header__name">{t("app.shortName")}</span>
          </Link>
          <div className="site-header__tools">
            <Form method="post" action="/ngon-ngu" className="inline-form">
              <input type="hidden" name="lang" value={data?.lang === "en" ? "vi" : "en"} />
              <input type="hidden" name="back" value={back} />
              <button type="submit" className="link-button" aria-label={t("lang.switchLabel")} lang={data?.lang === "en" ? "vi" : "en"}>
                {t("lang.switch")}
              </button>
            </Form>
            {data?.me ? (
              <Form method="post" action="/dang-xuat" className="inline-form">
                <button type="submit" className="link-button">
                  {t("nav.signOut")}
                </button>
              </Form>
            ) : null}
          </div>
        </div>
        {data?.me ? (
          <nav className="site-nav" aria-label={t("nav.main")}>
            <ul>
              <li>
                <NavLink to="/" end>
                  {t("nav.home")}
                </NavLink>
              </li>
              <li>
                <NavLink to="/nhiem-vu">{t("nav.tasks")}</NavLink>
              </li>
              <li>
                <NavLink to="/sang-kien">{t("nav.initiatives")}</NavLink>
              </li>
              {nav?.evaluation ? (
                <li>
                  <NavLink to="/danh-gia">{t("nav.evaluation")}</NavLink>
                </li>
              ) : null}
              {nav?.proposals ? (
                <li>
                  <NavLink to="/de-xuat">{t("nav.proposals")}</NavLink>
                </li>
              ) : null}
              <li>
                <NavLink to="/ghi-nhan">{t("nav.credit")}</NavLink>
              </li>
              <li>
                <NavLink to="/tim-kiem">{t("nav.search")}</NavLink>
              </li>
              <li>
                <NavLink to="/thong-bao">
                  {t("nav.notifications")}
                  {data.unread ? " " : null}
                  {data.unread ? <span className="nav-count">{t("nav.unread", { count: formatNumber(data.unread) })}</span> : null}
                </NavLink>
              </li>
              {nav?.orgs ? (
                <li>
                  <NavLink to="/quan-tri/to-chuc">{t("nav.orgs")}</NavLink>
                </li>
              ) : null}
              {nav?.people ? (
                <li>
                  <NavLink to="/quan-tri/can-bo">{t("nav.people")}</NavLink>
                </li>
              ) : null}
              {nav?.import ? (
                <li>
                  <NavLink to="/quan-tri/nhap-danh-sach">{t("nav.import")}</NavLink>
                </li>
              ) : null}
              {nav?.calendar ? (
                <li>
                  <NavLink to="/quan-tri/ngay-nghi">{t("nav.calendar")}</NavLink>
                </li>
              ) : null}
              {nav?.ledger ? (
                <li>
                  <NavLink to="/so-cai">{t("nav.ledger")}</NavLink>
                </li>
              ) : null}
              <li className="site-nav__me">
                <NavLink to="/tai-khoan">{data.me.name}</NavLink>
              </li>
            </ul>
          </nav>
        ) : null}
      </header>
      <main id="main" className="page" tabIndex={-1}>
        {children}
      </main>
      <footer className="site-footer">
        <p>{t("footer.text")}</p>
        <p>
          <Link to="/kiem-tra-bien-nhan">{t("footer.checkReceipt")}</Link>
        </p>
      </footer>
    </>
  );
}
