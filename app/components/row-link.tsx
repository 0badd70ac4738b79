// Links in the rows of long tables. Remix's <Link> resolves its path against the route tree three
// times per render (about a third of a list page's server render at city scale); a row's link
// is always an absolute path, so a plain anchor says the same. <ClientNavigation> (in the root)
// gives these anchors what <Link> gives in the browser: a plain left click navigates inside the
// app instead of reloading the document. Without JavaScript they are ordinary links.
import { useNavigate } from "@remix-run/react";
import { useEffect, type ReactNode } from "react";

type RowLinkProps = { to: string; children: ReactNode; "aria-label"?: string; "aria-current"?: "page"; className?: string };

export function RowLink({ to, children, ...rest }: RowLinkProps) {
  // data-discover: Remix fetches the target's route code when the link appears, as for <Link>.
  return (
    <a href={to} data-row-link="" data-discover="true" {...rest}>
      {children}
    </a>
  );
}

/** Turns plain left clicks on <RowLink>s into client-side navigations. */
export function ClientNavigation() {
  const navigate = useNavigate();
  useEffect(() => {
    const onClick = (event: MouseEvent) => {
      if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.altKey || event.ctrlKey || event.shiftKey) return;
      const link = event.target instanceof Element ? event.target.closest<HTMLAnchorElement>("a[data-row-link]") : null;
      if (!link || link.target || link.hasAttribute("download")) return;
      const url = new URL(link.href);
      if (url.origin !== window.location.origin) return;
      event.preventDefault();
      navigate(url.pathname + url.search + url.hash);
    };
    document.addEventListener("click", onClick);
    return () => document.removeEventListener("click", onClick);
  }, [navigate]);
  return null;
}
