import "server-only";
import type { z } from "zod";
import { eq } from "drizzle-orm";
import { evidence, sources } from "@/db/schema";
import type { Tx } from "@/lib/audit";
import { liveClaim } from "@/lib/claims/live";
import { DomainFailure } from "@/lib/result";
import type { evidenceItem } from "@/lib/validation/claims";

/** Checks an evidence target exists (and a passage matches its source) and inserts the link. */
export async function insertEvidence(
  tx: Tx,
  item: z.output<typeof evidenceItem> & { claimId: number; verdictId?: number | null; createdBy: number },
) {
  const { target } = item;
  const base = { claimId: item.claimId, verdictId: item.verdictId ?? null, stance: item.stance, note: item.note, createdBy: item.createdBy };
  if (target.kind === "claim") {
    if (target.claimId === item.claimId) {
      throw new DomainFailure({ code: "invalid", message: "A claim cannot be evidence for itself.", fields: { "target.claimId": "Pick another claim." } });
    }
    await liveClaim(tx, target.claimId, "The claim given as evidence does not exist.", "cite");
    return (await tx.insert(evidence).values({ ...base, targetClaimId: target.claimId }).returning())[0]!;
  }
  if (target.kind === "passage") {
    const [source] = await tx.select({ body: sources.body }).from(sources).where(eq(sources.id, target.sourceId)).limit(1);
    if (!source) throw new DomainFailure({ code: "not_found", message: "The source given as evidence does not exist." });
    if (target.end <= target.start || source.body.slice(target.start, target.end) !== target.quote.normalize("NFC")) {
      throw new DomainFailure({
        code: "invalid",
        message: "The passage does not match its source at that position.",
        fields: { "target.quote": "The passage must equal the source body from start to end." },
      });
    }
    return (
      await tx
        .insert(evidence)
        .values({ ...base, targetSourceId: target.sourceId, targetStart: target.start, targetEnd: target.end, targetQuote: target.quote.normalize("NFC") })
        .returning()
    )[0]!;
  }
  return (await tx.insert(evidence).values({ ...base, url: target.url }).returning())[0]!;
}
