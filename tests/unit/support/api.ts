import { createToken } from "@/lib/tokens";
import { asUser, expectOk, makeUser } from "./factories";

/**
 * Route handlers called directly, as Next.js would call them. The cookie
 * session is the one thing stubbed (Auth.js needs a live request scope): a
 * test file mocks "@/lib/auth" with `mockAuth` and sets `session.userId` to
 * act as a signed-in browser.
 */
export const session: { userId: number | null; authAt?: number } = { userId: null };

export const mockAuth = () => ({
  auth: async () => (session.userId === null ? null : { user: { id: String(session.userId) }, authAt: session.authAt ?? Date.now() }),
});

export const BASE = "http://127.0.0.1:3000";

export async function userWithToken(role: "admin" | "reviewer" | "viewer") {
  const user = await makeUser({ role });
  const { token } = expectOk(createToken(asUser(user), { name: `${role} script` }));
  return { user, token };
}

type Init = { token?: string; body?: unknown; raw?: string; headers?: Record<string, string> };

export function request(method: string, path: string, init: Init = {}): Request {
  const headers: Record<string, string> = { ...init.headers };
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  let body: string | undefined;
  if (init.raw !== undefined) body = init.raw;
  else if (init.body !== undefined) {
    body = JSON.stringify(init.body);
    headers["content-type"] ??= "application/json";
  }
  return new Request(`${BASE}${path}`, { method, headers: { host: "127.0.0.1:3000", ...headers }, body });
}

export const params = <P extends Record<string, string>>(p: P = {} as P) => ({ params: Promise.resolve(p) });

export async function errorOf(response: Response) {
  const body = (await response.json()) as { error: { code: string; message: string; fields?: Record<string, string>; current?: unknown } };
  return body.error;
}
