import "server-only";
import { asc, eq } from "drizzle-orm";
import { getDb } from "../client";
import { users, verdicts } from "../schema";

/** The people a report can be filtered by: everyone who has given at least one verdict. */
export async function listReviewerOptions() {
  return await getDb()
    .selectDistinct({ id: users.id, name: users.name })
    .from(users)
    .innerJoin(verdicts, eq(verdicts.reviewerId, users.id))
    .orderBy(asc(users.name), asc(users.id));
}
