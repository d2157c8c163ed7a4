import "server-only";
import { eq, sql } from "drizzle-orm";
import { preparedPerShape, type Handle } from "@/db/prepared";
import { users, type Role } from "@/db/schema";
import { fail, type DomainError } from "@/lib/result";

/**
 * Who is asking. A user is named by id only: role and disabled state are
 * re-read from the database inside every write, so a demotion or a disabled
 * account takes effect on the very next request.
 */
export type ActorRef = { type: "user"; userId: number } | { type: "system"; via: string };

/** The actor as loaded, for the audit row. `id` is null for the system (shell scripts, seed). */
export type Actor = { id: number | null; role: Role; name: string; via?: string };

const RANK: Record<Role, number> = { viewer: 0, reviewer: 1, admin: 2 };

export function roleAtLeast(role: Role, minimum: Role): boolean {
  return RANK[role] >= RANK[minimum];
}

// every write asks it first: prepared once per connection (inside a write it runs in that write's transaction)
const actorStatement = preparedPerShape((db) =>
  db
    .select({ id: users.id, role: users.role, name: users.name, disabled: users.disabled })
    .from(users)
    .where(eq(users.id, sql.placeholder("id")))
    .prepare(),
);

/** The actor as the database has it now, if allowed `minimum`; call it inside the write's transaction. */
export async function loadActor(ref: ActorRef, minimum: Role, handle?: Handle): Promise<{ ok: true; actor: Actor } | { ok: false; error: DomainError }> {
  if (ref.type === "system") return { ok: true, actor: { id: null, role: "admin", name: "system", via: ref.via } };
  const row = await actorStatement("", handle).get({ id: ref.userId });
  if (!row) return fail("unauthenticated", "Your session is no longer valid. Sign in again.");
  if (row.disabled) return fail("forbidden", "This account is disabled.");
  if (!roleAtLeast(row.role, minimum)) {
    return fail("forbidden", `This needs the ${minimum} role; your account is a ${row.role}.`);
  }
  return { ok: true, actor: { id: row.id, role: row.role, name: row.name } };
}
