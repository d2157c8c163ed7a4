/** Expected failures travel as values; adapters map them to a form message or an HTTP status. */
export type ErrorCode =
  | "unauthenticated"
  | "forbidden"
  | "not_found"
  | "invalid"
  | "conflict"
  | "rate_limited";

export type DomainError = {
  code: ErrorCode;
  message: string;
  fields?: Record<string, string>;
  /** for a conflict: what the record is now, and who changed it last */
  current?: ConflictState;
};

export type ConflictState = {
  version: number;
  status: string;
  changedBy: string | null;
  changedAt: string;
  action: string;
};

export type Result<T> = { ok: true; value: T } | { ok: false; error: DomainError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (
  code: ErrorCode,
  message: string,
  fields?: Record<string, string>,
): { ok: false; error: DomainError } => ({ ok: false, error: { code, message, ...(fields ? { fields } : {}) } });

/** Thrown inside a transaction to roll it back while still returning a typed failure. */
export class DomainFailure extends Error {
  constructor(readonly error: DomainError) {
    super(error.message);
  }
}
