/**
 * Test data made through the same lib/ doors the app uses, so every row is
 * valid and audited. Each call makes fresh rows with unique names: tests do
 * not share data and do not depend on each other's order.
 */
import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { users, type ClaimType, type Role, type Source, type SpeakerKind } from "@/db/schema";
import { anchorQuote } from "@/lib/anchoring/anchor";
import type { ActorRef } from "@/lib/auth/actor";
import { createClaim } from "@/lib/claims";
import type { Result } from "@/lib/result";
import { createSource } from "@/lib/sources";
import { createSpeaker } from "@/lib/speakers";
import { createUser } from "@/lib/users";

export const SYSTEM: ActorRef = { type: "system", via: "test" };
export const DEFAULT_PASSWORD = "correct horse battery staple";

export const asUser = (user: { id: number }): ActorRef => ({ type: "user", userId: user.id });

let counter = 0;
/** A short string no other call in this process returns. */
export function unique(label = "t"): string {
  counter += 1;
  return `${label}-${counter}-${randomBytes(3).toString("hex")}`;
}

/** The value of an ok result; a failed result fails the test with its message and fields. */
export function expectOk<T>(result: Result<T>): T {
  if (!result.ok) {
    throw new Error(`expected ok, got ${result.error.code}: ${result.error.message} ${JSON.stringify(result.error.fields ?? {})}`);
  }
  return result.value;
}

export async function makeUser(options: { role: Role; email?: string; password?: string; name?: string }) {
  const email = options.email ?? `${unique(options.role)}@example.test`;
  const user = expectOk(
    await createUser(SYSTEM, {
      email,
      name: options.name ?? `Test ${options.role} ${email}`,
      role: options.role,
      password: options.password ?? DEFAULT_PASSWORD,
    }),
  );
  return { ...user, password: options.password ?? DEFAULT_PASSWORD };
}

/** The system actor files rows under the first admin, so one must exist. */
async function ensureAdmin(): Promise<void> {
  const [admin] = await getDb().select({ id: users.id }).from(users).where(eq(users.role, "admin")).limit(1);
  if (!admin) await makeUser({ role: "admin" });
}

export async function makeSpeaker(options: { name?: string; kind?: SpeakerKind; aliases?: string[]; description?: string | null } = {}) {
  return expectOk(
    await createSpeaker(SYSTEM, {
      name: options.name ?? unique("Speaker"),
      kind: options.kind ?? "person",
      description: options.description ?? null,
      aliases: options.aliases ?? [],
    }),
  );
}

export const DEFAULT_BODY =
  "The minister said the harvest grew by 12% last year. Officials expect exports to double by 2026.\n\n" +
  "Critics disputed the figures and said the harvest grew by far less.";

export async function makeSource(options: { body?: string; title?: string; outlet?: string; url?: string | null } = {}) {
  await ensureAdmin();
  return expectOk(
    await createSource(SYSTEM, {
      title: options.title ?? unique("Source"),
      outlet: options.outlet ?? "Test Outlet",
      byline: null,
      url: options.url ?? null,
      publishedAt: "2024-11-04T18:35:00+09:00",
      body: options.body ?? DEFAULT_BODY,
    }),
  );
}

export async function makeClaim(
  options: {
    source?: Pick<Source, "id" | "body">;
    speakerId?: number;
    quote?: string;
    occurrence?: number;
    type?: ClaimType;
    resolvesOn?: string | null;
    actor?: ActorRef;
  } = {},
) {
  const source = options.source ?? (await makeSource());
  const speakerId = options.speakerId ?? (await makeSpeaker()).id;
  const anchor = anchorQuote(source.body, options.quote ?? "the harvest grew by 12% last year", options.occurrence);
  return expectOk(
    await createClaim(options.actor ?? SYSTEM, {
      sourceId: source.id,
      speakerId,
      start: anchor.start,
      end: anchor.end,
      quote: anchor.quote,
      type: options.type ?? "statement",
      resolvesOn: options.resolvesOn ?? null,
    }),
  );
}
