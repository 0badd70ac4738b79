// Expected failures, turned into 404/403/409/422 by one helper (app/utils/http.server.ts).
export type FieldErrors = Record<string, string>;

export class DomainError extends Error {
  constructor(
    readonly status: 400 | 403 | 404 | 409 | 422,
    message: string,
    readonly fieldErrors: FieldErrors = {},
  ) {
    super(message);
  }
}

export const notFound = (message = "not_found") => new DomainError(404, message);
export const forbidden = (message = "forbidden") => new DomainError(403, message);
export const conflict = (message: string, fieldErrors: FieldErrors = {}) => new DomainError(409, message, fieldErrors);
export const invalid = (fieldErrors: FieldErrors, message = "invalid") => new DomainError(422, message, fieldErrors);
