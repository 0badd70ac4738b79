// Small helpers the councils' routes share: numeric ids from the URL (anything else is a 404).
import { json } from "@remix-run/node";

export function idParam(value: string | undefined): number {
  if (!value || !/^\d{1,12}$/.test(value)) throw json({ message: "not_found" }, { status: 404 });
  return Number(value);
}

/** An unknown intent. */
export function badRequestResponse(): Response {
  return json({ message: "errors.badRequest" }, { status: 400 }) as unknown as Response;
}
