// In-app links. Remix's <Link> runs some twenty hooks on the server for every link and resolves
// its path against the route tree twice; on a page of many links that was 5–11 % of the page's
// server time (the council view, the initiative page, every list's pagination). An absolute path
// ("/sang-kien/12?trang=2") needs no resolving, so such a link is a plain anchor, and
// <ClientNavigation> (in the root) gives it what <Link> gives in the browser: a plain left click
// navigates inside the app instead of reloading the document. Without JavaScript it is an
// ordinary link. Anything else (a relative path, an object, prefetching, history state) is
// handed to Remix's <Link> unchanged. Search and filter forms (GET) are plain forms the same way.
import { Link as RemixLink, useNavigate, type LinkProps } from "@remix-run/react";
import { useEffect, type FormHTMLAttributes } from "react";

/** Whether a link can be a plain anchor: an absolute path on this site and nothing that only
 * the router knows how to do. */
export function isPlainLink(props: LinkProps): props is LinkProps & { to: string } {
  const { to } = props;
  return (
    typeof to === "string" &&
    to.startsWith("/") &&
    !to.startsWith("//") &&
    (props.prefetch === undefined || props.prefetch === "none") &&
    !props.replace &&
    props.state === undefined &&
    !props.preventScrollReset &&
    !props.reloadDocument &&
    props.relative === undefined &&
    !props.viewTransition &&
    props.target === undefined
  );
}

export function Link(props: LinkProps) {
  if (!isPlainLink(props)) return <RemixLink {...props} />;
  const { to, children, prefetch: _prefetch, discover: _discover, ...rest } = props;
  // data-discover: Remix fetches the target's route code when the link appears, as for <Link>.
  return (
    <a href={to} data-client-nav="" data-discover="true" {...rest}>
      {children}
    </a>
  );
}

type GetFormProps = Omit<FormHTMLAttributes<HTMLFormElement>, "method">;

/** A search or filter form: a plain GET form (to `action`, or without it to the page's own
 * address), which <ClientNavigation> submits as a client-side navigation, as Remix's
 * <Form method="get"> does; without JavaScript an ordinary form. */
export function GetForm({ children, ...rest }: GetFormProps) {
  return (
    <form method="get" data-client-nav="" {...rest}>
      {children}
    </form>
  );
}

/** Turns plain left clicks on <Link>'s anchors, and submissions of <GetForm>s, into client-side
 * navigations. */
export function ClientNavigation() {
  const navigate = useNavigate();
  useEffect(() => {
    const onClick = (event: MouseEvent) => {
      if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.altKey || event.ctrlKey || event.shiftKey) return;
      const link = event.target instanceof Element ? event.target.closest<HTMLAnchorElement>("a[data-client-nav]") : null;
      if (!link || link.target || link.hasAttribute("download")) return;
      const url = new URL(link.href);
      if (url.origin !== window.location.origin) return;
      event.preventDefault();
      const path = url.pathname + url.search + url.hash;
      // As <Link> does: a link to the page already shown replaces its history entry.
      navigate(path, { replace: path === window.location.pathname + window.location.search + window.location.hash });
    };
    const onSubmit = (event: SubmitEvent) => {
      const form = event.target;
      if (event.defaultPrevented || !(form instanceof HTMLFormElement) || !form.hasAttribute("data-client-nav") || form.method !== "get" || form.target) return;
      const url = new URL(form.action);
      if (url.origin !== window.location.origin) return;
      event.preventDefault();
      // What the browser would send: the fields, with the button that submitted (if named).
      const data = new FormData(form, event.submitter);
      url.search = new URLSearchParams([...data.entries()].map(([name, value]) => [name, String(value)])).toString();
      navigate(url.pathname + url.search);
    };
    document.addEventListener("click", onClick);
    document.addEventListener("submit", onSubmit);
    return () => {
      document.removeEventListener("click", onClick);
      document.removeEventListener("submit", onSubmit);
    };
  }, [navigate]);
  return null;
}
