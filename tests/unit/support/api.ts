import { startSession } from "@/lib/auth/sessions";
import { createToken } from "@/lib/tokens";
import { asUser, expectOk, makeUser } from "./factories";

/**
 * Route handlers called directly, as Next.js would call them. The cookie
 * session is the one thing stubbed (Auth.js needs a live request scope): a
 * test file mocks "@/lib/auth" with `mockAuth` and sets `session.userId` to
 * act as a signed-in browser. Each sign-in (a user and a sign-in time) gets a
 * real session row, as Auth.js's callback makes one, unless `sid` names one.
 */
export const session: { userId: number | null; authAt?: number; sid?: string } = { userId: null };

const signIns = new Map<string, Promise<string>>();
function sessionIdFor(userId: number, authAt: number): Promise<string> {
  const key = `${userId}:${authAt}`;
  if (!signIns.has(key)) signIns.set(key, startSession(userId));
  return signIns.get(key)!;
}

export const mockAuth = () => ({
  auth: async () => {
    if (session.userId === null) return null;
    const authAt = session.authAt ?? signInTime;
    return { user: { id: String(session.userId) }, authAt, sid: session.sid ?? (await sessionIdFor(session.userId, authAt)) };
  },
});

/** When the stubbed browser "signed in", unless a test sets session.authAt. */
const signInTime = Date.now();

export const BASE = "http://127.0.0.1:3000";

export async function userWithToken(role: "admin" | "reviewer" | "viewer") {
  const user = await makeUser({ role });
  const { token } = expectOk(await createToken(asUser(user), { name: `${role} script` }));
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
