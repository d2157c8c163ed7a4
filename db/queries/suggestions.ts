import "server-only";
import { and, asc, eq, isNull, sql } from "drizzle-orm";
import { preparedPerShape } from "../prepared";
import { claimSuggestions, claims, speakers } from "../schema";

// the reader asks on every view of an imported article: prepared once
const openStatement = preparedPerShape((db) =>
  db
    .select({
      id: claimSuggestions.id,
      quote: claimSuggestions.quote,
      start: claimSuggestions.startOffset,
      end: claimSuggestions.endOffset,
      kind: claimSuggestions.kind,
      type: claimSuggestions.type,
      speakerName: claimSuggestions.speakerName,
      speakerId: claimSuggestions.speakerId,
      knownSpeaker: speakers.name,
      speakerDescription: claimSuggestions.speakerDescription,
      speakerStart: claimSuggestions.speakerStart,
      speakerEnd: claimSuggestions.speakerEnd,
      cue: claimSuggestions.cue,
      cueStart: claimSuggestions.cueStart,
      cueEnd: claimSuggestions.cueEnd,
      resolvesOn: claimSuggestions.resolvesOn,
      resolvesFrom: claimSuggestions.resolvesFrom,
      resolvesTo: claimSuggestions.resolvesTo,
      confidence: claimSuggestions.confidence,
      why: claimSuggestions.why,
    })
    .from(claimSuggestions)
    .leftJoin(speakers, eq(speakers.id, claimSuggestions.speakerId))
    // a suggestion whose exact words a reviewer captured by hand is not offered again
    .leftJoin(
      claims,
      and(
        eq(claims.sourceId, claimSuggestions.sourceId),
        eq(claims.startOffset, claimSuggestions.startOffset),
        eq(claims.endOffset, claimSuggestions.endOffset),
        isNull(claims.deletedAt),
      ),
    )
    .where(and(eq(claimSuggestions.sourceId, sql.placeholder("sourceId")), eq(claimSuggestions.state, "open"), isNull(claims.id)))
    .orderBy(asc(claimSuggestions.startOffset), asc(claimSuggestions.endOffset))
    .prepare(),
);

/** The suggestions of a source still waiting for a reviewer, in reading order, in the API's shape. */
export async function listOpenSuggestions(sourceId: number) {
  const rows = await openStatement("").all({ sourceId });
  return rows.map((s) => ({
    id: s.id,
    quote: s.quote,
    start: s.start,
    end: s.end,
    kind: s.kind,
    type: s.type,
    // a matched speaker is named as the desk knows them now (merged, renamed)
    speakerName: s.knownSpeaker ?? s.speakerName,
    ...(s.speakerId !== null ? { speakerId: s.speakerId } : {}),
    speakerDescription: s.speakerDescription,
    speakerSpan: s.speakerStart !== null && s.speakerEnd !== null ? { start: s.speakerStart, end: s.speakerEnd } : null,
    ...(s.resolvesOn ? { resolvesOn: s.resolvesOn } : {}),
    ...(s.resolvesFrom && s.resolvesTo ? { resolvesRange: { from: s.resolvesFrom, to: s.resolvesTo } } : {}),
    ...(s.cue ? { cue: s.cue } : {}),
    cueSpan: s.cueStart !== null && s.cueEnd !== null ? { start: s.cueStart, end: s.cueEnd } : null,
    confidence: s.confidence,
    why: s.why,
  }));
}

export type OpenSuggestion = Awaited<ReturnType<typeof listOpenSuggestions>>[number];
