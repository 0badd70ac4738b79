// Suggestions for a box where an organization is typed by code or name: a <datalist> filled, as
// the box gets focus and as it is typed in, with the matching organizations of the person's
// scope (/to-chuc/goi-y). A whole city's organizations are too many to send with every page
// that has such a box. Without JavaScript the list stays empty and the box takes a code or a
// name all the same.
import { useFetcher } from "@remix-run/react";
import { useEffect, useRef } from "react";
import type { OrgScope } from "~/schemas/org-suggest";

type Suggestions = { options: { code: string; name: string }[] };

const TYPING_PAUSE_MS = 200;

/** The datalist `id`, for the input that names it in its `list` attribute. */
export function OrgSuggestions({ id, scope }: { id: string; scope: OrgScope }) {
  const fetcher = useFetcher<Suggestions>();
  const load = useRef(fetcher.load);
  load.current = fetcher.load;
  useEffect(() => {
    const input = document.querySelector<HTMLInputElement>(`input[list="${id}"]`);
    if (!input) return;
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
    return () => {
      window.clearTimeout(timer);
      input.removeEventListener("focus", ask);
      input.removeEventListener("input", typed);
    };
  }, [id, scope]);
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
