import "server-only";
import { desc, eq } from "drizzle-orm";
import { getDb } from "../client";
import { claims, users, verdicts } from "../schema";

/** Every verdict on the claims of one source, newest first, for the reader's side panel. */
export async function listVerdictsOfSource(sourceId: number) {
  return await getDb()
    .select({
      id: verdicts.id,
      claimId: verdicts.claimId,
      status: verdicts.status,
      rationale: verdicts.rationale,
      createdAt: verdicts.createdAt,
      reviewer: users.name,
    })
    .from(verdicts)
    .innerJoin(claims, eq(claims.id, verdicts.claimId))
    .innerJoin(users, eq(users.id, verdicts.reviewerId))
    .where(eq(claims.sourceId, sourceId))
    .orderBy(desc(verdicts.id));
}

export type SourceVerdict = Awaited<ReturnType<typeof listVerdictsOfSource>>[number];
