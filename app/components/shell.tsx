import { useLocation } from "@remix-run/react";
import { useRootData } from "~/root";
import { formatNumber } from "~/i18n/format";
import { useT } from "~/i18n/use-t";
import { Link } from "~/components/link";

/** A link of the site's navigation, marked as the current section the way <NavLink> marks it
 * (class "active", aria-current="page"), but a plain anchor with client navigation (Link):
 * a dozen <NavLink>s on every page each resolved their path against the route tree. */
function SiteLink({ to, end, children }: { to: string; end?: boolean; children: React.ReactNode }) {
  const { pathname } = useLocation();
  const current = pathname === to || (!end && pathname.startsWith(`${to}/`));
  return (
    <Link to={to} className={current ? "active" : undefined} aria-current={current ? "page" : undefined}>
      {children}
    </Link>
  );
}

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
            {/* Plain forms, not Remix's <Form> (a dozen hooks each on every page): switching the
                language or signing out reloads the whole document, which both should anyway. */}
            <form method="post" action="/ngon-ngu" className="inline-form">
              <input type="hidden" name="lang" value={data?.lang === "en" ? "vi" : "en"} />
              <input type="hidden" name="back" value={back} />
              <button type="submit" className="link-button" aria-label={t("lang.switchLabel")} lang={data?.lang === "en" ? "vi" : "en"}>
                {t("lang.switch")}
              </button>
            </form>
            {data?.me ? (
              <form method="post" action="/dang-xuat" className="inline-form">
                <button type="submit" className="link-button">
                  {t("nav.signOut")}
                </button>
              </form>
            ) : null}
          </div>
        </div>
        {data?.me ? (
          <nav className="site-nav" aria-label={t("nav.main")}>
            <ul>
              <li>
                <SiteLink to="/" end>
                  {t("nav.home")}
                </SiteLink>
              </li>
              <li>
                <SiteLink to="/nhiem-vu">{t("nav.tasks")}</SiteLink>
              </li>
              <li>
                <SiteLink to="/sang-kien">{t("nav.initiatives")}</SiteLink>
              </li>
              {nav?.evaluation ? (
                <li>
                  <SiteLink to="/danh-gia">{t("nav.evaluation")}</SiteLink>
                </li>
              ) : null}
              {nav?.proposals ? (
                <li>
                  <SiteLink to="/de-xuat">{t("nav.proposals")}</SiteLink>
                </li>
              ) : null}
              <li>
                <SiteLink to="/ghi-nhan">{t("nav.credit")}</SiteLink>
              </li>
              <li>
                <SiteLink to="/tim-kiem">{t("nav.search")}</SiteLink>
              </li>
              <li>
                <SiteLink to="/thong-bao">
                  {t("nav.notifications")}
                  {data.unread ? " " : null}
                  {data.unread ? <span className="nav-count">{t("nav.unread", { count: formatNumber(data.unread) })}</span> : null}
                </SiteLink>
              </li>
              {nav?.orgs ? (
                <li>
                  <SiteLink to="/quan-tri/to-chuc">{t("nav.orgs")}</SiteLink>
                </li>
              ) : null}
              {nav?.people ? (
                <li>
                  <SiteLink to="/quan-tri/can-bo">{t("nav.people")}</SiteLink>
                </li>
              ) : null}
              {nav?.import ? (
                <li>
                  <SiteLink to="/quan-tri/nhap-danh-sach">{t("nav.import")}</SiteLink>
                </li>
              ) : null}
              {nav?.calendar ? (
                <li>
                  <SiteLink to="/quan-tri/ngay-nghi">{t("nav.calendar")}</SiteLink>
                </li>
              ) : null}
              {nav?.ledger ? (
                <li>
                  <SiteLink to="/so-cai">{t("nav.ledger")}</SiteLink>
                </li>
              ) : null}
              <li className="site-nav__me">
                <SiteLink to="/tai-khoan">{data.me.name}</SiteLink>
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
