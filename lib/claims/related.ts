import "server-only";
import { getPool } from "@/db/client";
import { onPostgres } from "@/db/engine";
import { relatedCandidates, type RelatedCandidate, type RelatedQuery } from "@/db/queries/related";
import { relatedCandidatesPg } from "@/db/pg/related";
import type { ClaimStatus } from "@/db/schema";
import { relateClaims, type Reason } from "@/lib/related";

export type RelatedClaimView = {
  claim: {
    id: number;
    quote: string;
    proposition: string | null;
    type: string;
    status: ClaimStatus;
    resolvesOn: string | null;
    speaker: { id: number; name: string };
    source: { id: number; title: string; outlet: string; publishedAt: string };
  };
  score: number;
  reasons: Reason[];
};

const view = (c: RelatedCandidate) => ({
  id: c.id,
  quote: c.quote,
  proposition: c.proposition,
  type: c.type,
  status: c.status as ClaimStatus,
  resolvesOn: c.resolvesOn ?? null,
  speaker: { id: c.speaker.id, name: c.speaker.name },
  source: { id: c.sourceId, title: c.sourceTitle, outlet: c.source.outlet, publishedAt: c.source.publishedAt },
});

/**
 * Claims in other sources that possibly assert the same thing, best first,
 * each with why (shared words, the same people or places, the same day, the
 * same figures, the same speaker). null: no such live claim.
 */
export async function relatedClaims(claimId: number, limit = 5): Promise<RelatedClaimView[] | null> {
  if (onPostgres()) return relatedClaimsPg(getPool(), claimId, limit);
  return relatedFrom(await relatedCandidates(claimId), limit);
}

/** relatedClaims on PostgreSQL: the candidates from its indexes (db/pg/related.ts), scored by the same code. */
export async function relatedClaimsPg(db: Parameters<typeof relatedCandidatesPg>[0], claimId: number, limit = 5): Promise<RelatedClaimView[] | null> {
  return relatedFrom(await relatedCandidatesPg(db, claimId), limit);
}

function relatedFrom(found: RelatedQuery | null, limit: number): RelatedClaimView[] | null {
  if (!found) return null;
  const related = relateClaims(found.target, found.candidates, { entityAliases: found.entityAliases, limit });
  return related.map((r) => ({ claim: view(r.claim as RelatedCandidate), score: r.score, reasons: r.reasons }));
}
