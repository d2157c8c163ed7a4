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
  /** a finer code for the API than `code` says ("blocked_address", "duplicate", "too_large") */
  reason?: string;
  /** the HTTP status when it is not the one `code` maps to (a refused fetch: 413, 415, 502, 504) */
  status?: number;
  /** for an import of an article the desk has: the source it already has */
  duplicate?: { kind: "same" | "near"; jaccard: number; source: { id: number; title: string; outlet: string; publishedAt: string } };
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

/** A result's value, changed; a failure passes through. */
export const mapResult = <T, U>(result: Result<T>, change: (value: T) => U): Result<U> =>
  result.ok ? { ok: true, value: change(result.value) } : result;

/** Thrown inside a transaction to roll it back while still returning a typed failure. */
export class DomainFailure extends Error {
  constructor(readonly error: DomainError) {
    super(error.message);
  }
}
