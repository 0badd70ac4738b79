import { useRouteLoaderData } from "@remix-run/react";
import { useMemo } from "react";
import type { Lang } from "./format";
import { translator, type Translate } from "./index";

export function useLang(): Lang {
  const data = useRouteLoaderData("root") as { lang?: Lang } | undefined;
  return data?.lang ?? "vi";
}

export function useT(): Translate {
  const lang = useLang();
  return useMemo(() => translator(lang), [lang]);
}
