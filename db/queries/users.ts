import "server-only";
import { asc } from "drizzle-orm";
import { getDb } from "../client";
import { users } from "../schema";

export async function listUsers() {
  return await getDb()
    .select({ id: users.id, email: users.email, name: users.name, role: users.role, disabled: users.disabled, createdAt: users.createdAt })
    .from(users)
    .orderBy(asc(users.email));
}
