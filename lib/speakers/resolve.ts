import "server-only";
import { eq } from "drizzle-orm";
import { lockName } from "@/db/prepared";
import { speakerAliases, speakers, type SpeakerKind } from "@/db/schema";
import type { Tx } from "@/lib/audit";
import { DomainFailure } from "@/lib/result";
import { nameKey } from "@/lib/text/name-key";

/**
 * The speaker a typed name means: one whose name or alias has the same
 * lookup key. Two different speakers sharing it is refused as ambiguous;
 * nothing matching makes a new speaker (and says so).
 */
export async function resolveSpeakerName(tx: Tx, name: string, kind: SpeakerKind, description: string | null = null) {
  const key = nameKey(name);
  // looked up and made as one step: two imports naming the same new speaker make one speaker
  await lockName(tx, `speaker:${key}`);
  const named = await tx.select({ id: speakers.id }).from(speakers).where(eq(speakers.nameKey, key));
  const aliased = await tx.select({ id: speakerAliases.speakerId }).from(speakerAliases).where(eq(speakerAliases.aliasKey, key));
  const ids = new Set([...named, ...aliased].map((r) => r.id));
  if (ids.size > 1) {
    throw new DomainFailure({
      code: "invalid",
      message: `"${name}" names ${ids.size} different speakers; give speakerId instead.`,
      fields: { speakerName: `Ambiguous: speakers ${[...ids].join(", ")} share this name.` },
    });
  }
  const [only] = ids;
  if (only !== undefined) return { id: only, created: null };
  const row = (await tx.insert(speakers).values({ name, nameKey: key, kind, description }).returning())[0]!;
  return { id: row.id, created: row };
}
