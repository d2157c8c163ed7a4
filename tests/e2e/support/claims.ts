import { expect, type APIRequest, type APIRequestContext } from "@playwright/test";
import { signInByApi } from "./session";

export const JOONGANG = "North Korean foreign minister arrives in Russia";

/**
 * A claim of the caller's own on `quote` in a seeded article, captured through
 * the API, so that no other test's assertions move. `headers` carry the
 * Origin (cookie writes) or a token.
 */
export async function freshClaim<T = { id: number; version: number }>(
  request: APIRequestContext,
  headers: Record<string, string>,
  quote = "Monday’s trip",
  sourceTitle = JOONGANG,
): Promise<T> {
  const sources = (await (await request.get("/api/v1/sources")).json()).items as Array<{ id: number; title: string }>;
  const source = sources.find((s) => s.title === sourceTitle)!;
  const { body } = await (await request.get(`/api/v1/sources/${source.id}`)).json();
  const start = (body as string).indexOf(quote);
  const response = await request.post("/api/v1/claims", {
    headers,
    data: { sourceId: source.id, start, end: start + quote.length, quote, speakerName: "Korea JoongAng Daily", type: "statement" },
  });
  expect(response.status()).toBe(201);
  return (await response.json()) as T;
}

/** A claim as GET /api/v1/claims/{id} has it. */
export async function readClaim<T>(request: APIRequestContext, id: number): Promise<T> {
  const response = await request.get(`/api/v1/claims/${id}`);
  expect(response.status()).toBe(200);
  return response.json();
}

/** A request context of its own, signed in as `email` when given. */
export async function signedIn(requests: APIRequest, baseURL: string, email?: string) {
  const context = await requests.newContext({ baseURL });
  if (email) await signInByApi(context, email);
  return context;
}
