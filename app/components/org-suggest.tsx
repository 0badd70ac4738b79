// Suggestions for a box where an organization is typed by code or name: as the box is typed in,
// the matching organizations of the person's scope (/to-chuc/goi-y, matched as the server
// matches names: without diacritics, "khu pho" finds "Khu phố") are listed under it, each a
// button that fills in its code. Not a <datalist>: browsers filter those again by the typed text
// with its diacritics, and hid what someone typing "khu pho" was looking for. A whole city's
// organizations are too many to send with every page that has such a box. Without JavaScript
// there is no list and the box takes a code or a name all the same.
//
// A plain fetch, not a Remix fetcher: a fetcher is revalidated after every form submission, and
// its failure (a route not yet discovered when a submission interrupts the discovery) replaced
// the whole page with the error page. A suggestion that fails is simply not shown.
import { useEffect, useState } from "react";
import { useT } from "~/i18n/use-t";
import type { OrgScope } from "~/schemas/org-suggest";

type Suggestions = { options: { code: string; name: string }[] };

const TYPING_PAUSE_MS = 200;

/** Suggestions for the input `inputId`, listed under it while it is being typed in. */
export function OrgSuggestions({ inputId, scope }: { inputId: string; scope: OrgScope }) {
  const t = useT();
  const [found, setFound] = useState<Suggestions | null>(null);
  const [shown, setShown] = useState(false);
  const input = () => document.getElementById(inputId) as HTMLInputElement | null;

  useEffect(() => {
    const box = input();
    if (!box) return;
    let timer: number | undefined;
    let asking: AbortController | null = null;
    const ask = async (q: string) => {
      asking?.abort();
      const mine = (asking = new AbortController());
      try {
        const res = await fetch(`/to-chuc/goi-y?${new URLSearchParams({ "pham-vi": scope, q })}`, { signal: mine.signal, headers: { Accept: "application/json" } });
        if (res.ok) setFound((await res.json()) as Suggestions);
      } catch {
        // Aborted by the next keystroke, or offline: no suggestions this time.
      }
    };
    const typed = () => {
      window.clearTimeout(timer);
      const q = box.value.trim();
      setShown(q.length > 0);
      if (q) timer = window.setTimeout(() => void ask(q), TYPING_PAUSE_MS);
    };
    const escape = (event: KeyboardEvent) => {
      if (event.key === "Escape") setShown(false);
    };
    box.addEventListener("input", typed);
    box.addEventListener("keydown", escape);
    return () => {
      window.clearTimeout(timer);
      asking?.abort();
      box.removeEventListener("input", typed);
      box.removeEventListener("keydown", escape);
    };
  }, [inputId, scope]);

  const options = found?.options ?? [];
  if (!shown || !found) return null;
  return (
    <div className="org-suggestions">
      <p className="org-suggestions__title" role="status">
        {options.length ? t("orgSuggest.heading", { n: options.length }) : t("orgSuggest.none")}
      </p>
      {options.length ? (
        <ul>
          {options.map((o) => (
            <li key={o.code}>
              <button
                type="button"
                className="link-button"
                onClick={() => {
                  const box = input();
                  if (box) {
                    box.value = o.code;
                    box.focus();
                  }
                  setShown(false);
                }}
              >
                <span className="mono">{o.code}</span> — {o.name}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
