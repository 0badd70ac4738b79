import { DomainError } from "~/models/errors";

/** Run a model call that must be refused; return its DomainError (anything else fails the test). */
export function failure(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error("expected a refusal");
}

/** The same for calls that may be async. */
export async function failureAsync(p: Promise<unknown> | (() => unknown)): Promise<DomainError> {
  try {
    await (typeof p === "function" ? p() : p);
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error("expected a refusal");
}
