// Suggestions for a box where an organization is typed by code or name: a <datalist> filled, as
// the box gets focus and as it is typed in, with the matching organizations of the person's
// scope (/to-chuc/goi-y). A whole city's organizations are too many to send with every page
// that has such a box. The box is tied to the list once the page runs JavaScript: without it,
// it is a plain text box (no empty drop-down) that takes a code or a name all the same.
import { useFetcher } from "@remix-run/react";
import { useEffect, useRef } from "react";
import type { OrgScope } from "~/schemas/org-suggest";

type Suggestions = { options: { code: string; name: string }[] };

const TYPING_PAUSE_MS = 200;

/** Suggestions for the input `inputId`. */
export function OrgSuggestions({ inputId, scope }: { inputId: string; scope: OrgScope }) {
  const id = `${inputId}-suggestions`;
  const fetcher = useFetcher<Suggestions>();
  const load = useRef(fetcher.load);
  load.current = fetcher.load;
  useEffect(() => {
    const input = document.getElementById(inputId);
    if (!(input instanceof HTMLInputElement)) return;
    input.setAttribute("list", id);
    let asked: string | null = null;
    let timer: number | undefined;
    const ask = () => {
      const q = input.value.trim();
      if (q === asked) return;
      asked = q;
      load.current(`/to-chuc/goi-y?${new URLSearchParams({ "pham-vi": scope, q })}`);
    };
    const typed = () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(ask, TYPING_PAUSE_MS);
    };
    input.addEventListener("focus", ask);
    input.addEventListener("input", typed);
    // Focused (or typed in) before the page's JavaScript ran.
    if (document.activeElement === input) ask();
    return () => {
      window.clearTimeout(timer);
      input.removeEventListener("focus", ask);
      input.removeEventListener("input", typed);
      input.removeAttribute("list");
    };
  }, [id, inputId, scope]);
  return (
    <datalist id={id}>
      {(fetcher.data?.options ?? []).map((o) => (
        <option key={o.code} value={o.code}>
          {o.name}
        </option>
      ))}
    </datalist>
  );
}
