import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Links, Meta, Outlet, Scripts, ScrollRestoration, useRouteLoaderData } from "@remix-run/react";
import { Suspense, useEffect, type ReactNode } from "react";
import font400 from "@fontsource/be-vietnam-pro/400.css";
import font600 from "@fontsource/be-vietnam-pro/600.css";
import styles from "~/styles/app.css";
import { canAnywhere, canManageCalendar, canPropose, hasRole } from "~/auth/policy";
import { AppErrorBoundary } from "~/components/error-boundary";
import { ClientNavigation } from "~/components/link";
import { Shell } from "~/components/shell";
import { useRequestInfo } from "~/components/request-info";
import { PAGE_STRINGS_ID, loadCatalog, pageStringsText, startPageStrings, takePageStrings } from "~/i18n";
import { fullName } from "~/i18n/format";
import { currentSession, loadMe, maybeSweepDeadlines, requestLang, unreadCount } from "~/utils/root-loader.server";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: font400 },
  { rel: "stylesheet", href: font600 },
  { rel: "stylesheet", href: styles },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const lang = await requestLang(request);
  const session = await currentSession(request);
  // Deadline reminders, at most every 15 minutes per process (cron runs them too), on a signed-in
  // request and before its unread count so that a reminder shows at once. It never throws.
  if (session) maybeSweepDeadlines(session.ctx);
  const me = session ? loadMe(session.ctx, session.actor.personId) : undefined;
  const actor = session?.actor ?? null;
  return json({
    lang,
    requestId: (context as { requestId?: string }).requestId ?? "",
    me: me ? { name: fullName(me), orgName: me.orgName } : null,
    unread: session ? unreadCount(session.ctx) : 0,
    nav: {
      orgs: canAnywhere(actor, "org.view"),
      people: canAnywhere(actor, "person.view"),
      import: canAnywhere(actor, "people.import"),
      ledger: canAnywhere(actor, "ledger.view"),
      evaluation: hasRole(actor, "secretary") || hasRole(actor, "evaluator") || canAnywhere(actor, "rubric.manage"),
      proposals: canPropose(actor),
      calendar: canManageCalendar(actor),
    },
  });
}

export type RootData = ReturnType<typeof useRootData>;
export function useRootData() {
  return useRouteLoaderData<typeof loader>("root");
}

/** The strings the page was rendered with, for the browser to hydrate with (see ~/i18n): on the
 * server what the render looked up (so it must come after the page's content), in the browser
 * the same text again. Not a script that runs: JSON. */
function PageStrings() {
  const json = typeof document === "undefined" ? takePageStrings() : pageStringsText;
  return <script type="application/json" id={PAGE_STRINGS_ID} suppressHydrationWarning dangerouslySetInnerHTML={{ __html: json }} />;
}

/** The whole catalog of the language (~31 KB gz, later pages need it) is fetched at the person's
 * first interaction, not with the page: reading the page needs only its own strings. A string
 * wanted before it arrives suspends rendering up to these boundaries (and fetches it). */
const FIRST_INTERACTION = ["pointerdown", "keydown", "focusin", "touchstart"] as const;

function CatalogBoundary({ children }: { children: ReactNode }) {
  const lang = useRootData()?.lang ?? "vi";
  useEffect(() => {
    const load = () => void loadCatalog(lang).catch(() => undefined);
    for (const type of FIRST_INTERACTION) window.addEventListener(type, load, { once: true, passive: true, capture: true });
    return () => {
      for (const type of FIRST_INTERACTION) window.removeEventListener(type, load, { capture: true });
    };
  }, [lang]);
  return <Suspense fallback={null}>{children}</Suspense>;
}

export function Layout({ children }: { children: React.ReactNode }) {
  startPageStrings();
  const data = useRootData();
  const { nonce } = useRequestInfo();
  return (
    <html lang={data?.lang ?? "vi"}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        {children}
        <PageStrings />
        <ScrollRestoration nonce={nonce || undefined} />
        <Scripts nonce={nonce || undefined} />
      </body>
    </html>
  );
}

export default function App() {
  return (
    <CatalogBoundary>
      <ClientNavigation />
      <Shell>
        <Suspense fallback={null}>
          <Outlet />
        </Suspense>
      </Shell>
    </CatalogBoundary>
  );
}

export function ErrorBoundary() {
  return (
    <CatalogBoundary>
      <Shell>
        <AppErrorBoundary />
      </Shell>
    </CatalogBoundary>
  );
}
