import "server-only";
import type { ActorRef } from "@/lib/auth/actor";
import type { Result } from "@/lib/result";
import type { z } from "zod";
import { queryObject } from "@/lib/validation/claim-filters";
import { apiError, domainErrorResponse, handler, idParam, json, parseQuery } from "./api";
import { resolveCaller, type Caller } from "./caller";
import { MAX_BODY_BYTES, readBounded } from "./bounded-body";
import { MAX_JSON_DEPTH, hostileContent, nestsDeeperThan } from "./json-body";

export { MAX_BODY_BYTES };

/**
 * A cookie travels with any request the browser makes, so a write that rides
 * on one must come from a page of this site: the Origin must name this host.
 * Token-authenticated writes carry no ambient credential and need no check.
 */
export function sameOrigin(request: Request): boolean {
  const origin = request.headers.get("origin");
  if (!origin) return false;
  const site = request.headers.get("sec-fetch-site");
  if (site && site !== "same-origin") return false;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

/**
 * The JSON body, read with a hard size limit and checked for what no schema
 * should have to meet (deep nesting, prototype keys, NUL); a 400 or 413
 * response when it cannot be had. A body that is not declared as JSON is
 * refused before a byte of it is read: a form post or a text/plain body is
 * what a cross-site page can send without a preflight.
 */
export async function readJsonBody(request: Request, options: { maxBytes?: number; optional?: boolean } = {}): Promise<{ body: unknown } | Response> {
  // a body the caller may leave out: none at all reads as {}
  const length = request.headers.get("content-length");
  const none = (length === null || length === "0") && !request.headers.has("transfer-encoding");
  if (options.optional && none) return { body: {} };
  const type = request.headers.get("content-type");
  if (!type || !/^application\/([\w.+-]+\+)?json\s*(;|$)/i.test(type)) {
    return apiError(400, "bad_content_type", "Send the body as JSON, with Content-Type: application/json.");
  }
  const bytes = await readBounded(request, options.maxBytes ?? MAX_BODY_BYTES);
  if (bytes instanceof Response) return bytes;
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return apiError(400, "malformed_json", "The body is not valid UTF-8.");
  }
  if (!text.trim()) return apiError(400, "malformed_json", "The request has no JSON body.");
  if (nestsDeeperThan(text, MAX_JSON_DEPTH)) {
    return apiError(400, "too_deep", `The body nests arrays and objects more than ${MAX_JSON_DEPTH} levels deep.`);
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return apiError(400, "malformed_json", "The body is not valid JSON.");
  }
  const problem = hostileContent(body);
  return problem ? apiError(400, problem.code, problem.message) : { body };
}

// fatal: bytes that are not UTF-8 are refused, not turned into U+FFFD behind the caller's back
const utf8 = new TextDecoder("utf-8", { fatal: true });


/** Path segments as Next.js hands them over: [id] → { id }. */
type PathParams = Record<string, string>;
type RouteContext = { params: Promise<PathParams> };

/**
 * The `[id]` segment of a path, parsed: `what` names the thing for the 404
 * ("No claim with id …"). Routes without an id segment get 0.
 */
async function pathId(ctx: RouteContext | undefined, what: string | undefined): Promise<number | Response> {
  if (!what) return 0;
  const params = ctx ? await ctx.params : {};
  return idParam(params.id ?? "", what);
}

/**
 * The shape of every /api/v1 write: who is calling, whether a cookie write
 * came from this site, the path's id, the body, then one call into lib/ whose
 * typed result becomes the response.
 */
export function writeRoute<T>(options: {
  /** what the path's [id] names ("claim", "speaker"); its parsed value reaches `run` as `id` */
  id?: string;
  /** a JSON body: required, optional (none reads as {}), or none at all */
  body: boolean | "optional";
  /** a larger limit than the API's 64 KB, for the one route that takes whole articles */
  maxBytes?: number;
  run: (ctx: { actor: ActorRef; caller: Caller; body: unknown; id: number; query: URLSearchParams }) => Result<T> | Promise<Result<T>>;
  respond: (value: T) => Response | Promise<Response>;
}) {
  return handler(async (request: Request, ctx?: RouteContext) => {
    const caller = await resolveCaller(request);
    if (caller instanceof Response) return caller;
    if (caller.via === "cookie" && !sameOrigin(request)) {
      return apiError(403, "bad_origin", "Cross-site writes are refused: send the request from this site, or use a token.");
    }
    const id = await pathId(ctx, options.id);
    if (id instanceof Response) return id;
    let body: unknown = undefined;
    if (options.body) {
      const read = await readJsonBody(request, { maxBytes: options.maxBytes, optional: options.body === "optional" });
      if (read instanceof Response) return read;
      body = read.body;
    }
    const query = new URL(request.url).searchParams;
    const result = await options.run({ actor: { type: "user", userId: caller.user.id }, caller, body, id, query });
    return result.ok ? await options.respond(result.value) : domainErrorResponse(result.error);
  });
}

/**
 * The shape of every /api/v1 read: who is calling (cookie or token), the
 * path's id, the query parsed with its schema (400 `invalid_query`), then the
 * read. What it returns is sent as JSON; null is a 404 for the path's id; a
 * Response (a stream, an error) goes out as it is.
 */
export function readRoute<S extends z.ZodType = z.ZodType<Record<string, string>>>(options: {
  id?: string;
  query?: S;
  run: (ctx: { caller: Caller; id: number; query: z.output<S>; request: Request }) => unknown;
}) {
  return handler(async (request: Request, ctx?: RouteContext) => {
    const caller = await resolveCaller(request);
    if (caller instanceof Response) return caller;
    const id = await pathId(ctx, options.id);
    if (id instanceof Response) return id;
    const raw = queryObject(new URL(request.url).searchParams);
    const query = options.query ? parseQuery(options.query, raw) : raw;
    if (query instanceof Response) return query;
    const value = await options.run({ caller, id, query: query as z.output<S>, request });
    if (value instanceof Response) return value;
    if (value === null || value === undefined) return apiError(404, "not_found", `No ${options.id ?? "such thing"} with id ${id}.`);
    return json(value);
  });
}

export const created = (value: unknown) => json(value, 201);
