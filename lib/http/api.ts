import "server-only";
import { NextResponse } from "next/server";
import type { z } from "zod";
import type { DomainError, ErrorCode } from "@/lib/result";
import { zodFields } from "@/lib/validation/fields";
import { parseId } from "@/lib/validation/parse-id";
import { databaseUnavailable, RETRY_AFTER_SECONDS, unavailableReason } from "./unavailable";

/** Every /api/v1 error has one shape: { error: { code, message, fields?, current?, existing? } }. */
export function apiError(
  status: number,
  code: string,
  message: string,
  fields?: Record<string, string>,
  extra: { current?: DomainError["current"]; existing?: unknown } = {},
) {
  const more = Object.fromEntries(Object.entries(extra).filter(([, v]) => v !== undefined));
  return NextResponse.json({ error: { code, message, ...(fields ? { fields } : {}), ...more } }, { status, headers: { "Cache-Control": "no-store" } });
}

const STATUS_OF: Record<ErrorCode, number> = {
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  invalid: 422,
  rate_limited: 429,
};

export function domainErrorResponse(error: DomainError) {
  const existing = error.duplicate ? { ...error.duplicate.source, match: error.duplicate.kind, jaccard: error.duplicate.jaccard } : undefined;
  return apiError(error.status ?? STATUS_OF[error.code], error.reason ?? error.code, error.message, error.fields, { current: error.current, existing });
}

export function json(body: unknown, status = 200) {
  return NextResponse.json(body, { status, headers: { "Cache-Control": "no-store" } });
}

export function idParam(raw: string, what: string): number | Response {
  return parseId(raw) ?? apiError(404, "not_found", `No ${what} with id "${raw.slice(0, 40)}".`);
}

export function parseQuery<S extends z.ZodType>(schema: S, params: Record<string, string>): z.output<S> | Response {
  const parsed = schema.safeParse(params);
  return parsed.success ? parsed.data : apiError(400, "invalid_query", "Some query parameters are not valid.", zodFields(parsed.error));
}

/**
 * Wraps a handler so that an unexpected error is logged on the server and
 * answered with a bare 500: no stack trace or row ever reaches the client.
 * A database that is not answering (locked beyond its wait, unreachable,
 * restarting) is a 503 with Retry-After instead: the request may succeed a
 * moment later, and a load balancer can tell the two apart.
 */
export function handler<A extends unknown[]>(fn: (...args: A) => Promise<Response>) {
  return async (...args: A): Promise<Response> => {
    try {
      return await fn(...args);
    } catch (error) {
      if (databaseUnavailable(error)) {
        console.error(`[api] database unavailable: ${unavailableReason(error)}`);
        const response = apiError(503, "unavailable", `The database is not answering. Try again in ${RETRY_AFTER_SECONDS} seconds; a write that got this answer may not have been saved, so check before repeating it.`);
        response.headers.set("Retry-After", String(RETRY_AFTER_SECONDS));
        return response;
      }
      console.error("[api]", error);
      return apiError(500, "internal", "Something went wrong on our side; nothing was changed.");
    }
  };
}
