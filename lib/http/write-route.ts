import "server-only";
import type { ActorRef } from "@/lib/auth/actor";
import type { Result } from "@/lib/result";
import { apiError, domainErrorResponse, handler, json } from "./api";
import { resolveCaller, type Caller } from "./caller";
import { MAX_JSON_DEPTH, hostileContent, nestsDeeperThan } from "./json-body";

export const MAX_BODY_BYTES = 64 * 1024;

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
export async function readJsonBody(request: Request): Promise<{ body: unknown } | Response> {
  const type = request.headers.get("content-type");
  if (!type || !/^application\/([\w.+-]+\+)?json\s*(;|$)/i.test(type)) {
    return apiError(400, "bad_content_type", "Send the body as JSON, with Content-Type: application/json.");
  }
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > MAX_BODY_BYTES) return tooLarge();
  const reader = request.body?.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (reader) {
    for (let part = await reader.read(); !part.done; part = await reader.read()) {
      size += part.value.byteLength;
      if (size > MAX_BODY_BYTES) {
        await reader.cancel();
        return tooLarge();
      }
      chunks.push(part.value);
    }
  }
  let text: string;
  try {
    text = utf8.decode(Buffer.concat(chunks));
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

const tooLarge = () => apiError(413, "payload_too_large", `A request body is at most ${MAX_BODY_BYTES / 1024} KB.`);

/** Path segments as Next.js hands them over: [id] → { id }. */
type PathParams = Record<string, string>;

/**
 * The shape of every /api/v1 write: who is calling, whether a cookie write
 * came from this site, the body, then one call into lib/ whose typed result
 * becomes the response.
 */
export function writeRoute<T>(options: {
  body: boolean;
  run: (ctx: { actor: ActorRef; caller: Caller; body: unknown; params: PathParams; query: URLSearchParams }) => Result<T> | Promise<Result<T>> | Response;
  respond: (value: T) => Response;
}) {
  return handler(async (request: Request, ctx: { params: Promise<PathParams> }) => {
    const caller = await resolveCaller(request);
    if (caller instanceof Response) return caller;
    if (caller.via === "cookie" && !sameOrigin(request)) {
      return apiError(403, "bad_origin", "Cross-site writes are refused: send the request from this site, or use a token.");
    }
    let body: unknown = undefined;
    if (options.body) {
      const read = await readJsonBody(request);
      if (read instanceof Response) return read;
      body = read.body;
    }
    const params = await ctx.params;
    const query = new URL(request.url).searchParams;
    const result = await options.run({ actor: { type: "user", userId: caller.user.id }, caller, body, params, query });
    if (result instanceof Response) return result;
    return result.ok ? options.respond(result.value) : domainErrorResponse(result.error);
  });
}

export const created = (value: unknown) => json(value, 201);
