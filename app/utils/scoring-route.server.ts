// Route plumbing shared by the scoring pages: the sheet's :id, the banner after a change
// (?da-luu=…), and model calls whose conflicts (a sheet already submitted, a closed council, a
// sheet changed in another window) come back to the page as a message instead of an error page.
import { json } from "@remix-run/node";
import { DomainError } from "~/models/errors";
import { attempt, formFailure } from "~/utils/http.server";

/** The :id of a sheet URL; anything but a positive integer is a 404. */
export function sheetIdParam(params: Record<string, string | undefined>): number {
  const value = params.id;
  if (!value || !/^\d{1,12}$/.test(value) || Number(value) <= 0) throw json({ message: "not_found" }, { status: 404 });
  return Number(value);
}

const SAVED = { nhap: "scoring.saved.draft", "da-nop": "scoring.saved.submitted", "mo-lai": "scoring.saved.reopened" } as const;
export type ScoringBanner = (typeof SAVED)[keyof typeof SAVED];

export function scoringBanner(url: URL): ScoringBanner | null {
  const value = url.searchParams.get("da-luu") ?? "";
  return value in SAVED ? SAVED[value as keyof typeof SAVED] : null;
}

/** Like attempt(), but a 409 without field errors returns to the form with its message. */
export async function attemptScoring<T>(fn: () => T, values: Record<string, string>) {
  return attempt(() => {
    try {
      return fn();
    } catch (error) {
      if (error instanceof DomainError && error.status === 409 && !Object.keys(error.fieldErrors).length) throw new Conflict(error.message);
      throw error;
    }
  }, values).catch((error: unknown) => {
    if (error instanceof Conflict) return { ok: false as const, response: formFailure({}, values, error.message, 409) };
    throw error;
  });
}

class Conflict extends Error {}
