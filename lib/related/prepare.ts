/**
 * Everything about one claim that scoring reads, worked out once per call:
 * one tokenisation for words and names, the bag of terms, the entities, the
 * figures (only when the target has some: otherwise none can agree or
 * clash), and the speaker's keys (once per speaker). Dates are not here:
 * they are the slow part and are read only for the few claims that need them.
 */
import { type Entity, findEntities } from "./entities";
import { type Lookup, lookupFor } from "./lookup";
import { type Figure, findClaimFigures } from "./numbers";
import { type SpeakerInfo, speakerInfo } from "./speakers";
import { type Bag, bagOf } from "./text";
import type { Candidate, RelatedInput } from "./types";
import { type Vocabulary, wordInfo } from "./vocabulary";
import { tokensOf } from "./tokens";

export type Prepared = {
  claim: Candidate;
  bag: Bag;
  entities: Entity[];
  figures: Figure[];
  speaker: SpeakerInfo;
  /** the claim is asserted by its own outlet */
  outlet: boolean;
};

export type Context = { lookup: Lookup; info: Vocabulary; speakers: Map<number, SpeakerInfo>; figures: boolean };

export function newContext(claims: RelatedInput[], given: ReadonlyMap<string, string> | undefined): Context {
  return { lookup: lookupFor(claims, given), info: wordInfo, speakers: new Map(), figures: true };
}

/** `target`: keep the spellings of its words, to show the shared ones. */
export function prepare(claim: Candidate, ctx: Context, target = false): Prepared {
  const text = claim.proposition ? `${claim.quote}. ${claim.proposition}` : claim.quote;
  const tokens = tokensOf(text);
  const { entities, spans } = findEntities(text, ctx.lookup, tokens, ctx.info);
  const speaker = speakerInfo(claim.speaker, ctx.lookup, ctx.speakers);
  return {
    claim,
    bag: bagOf(tokens, ctx.info, spans, target),
    entities,
    figures: ctx.figures ? findClaimFigures(text) : [],
    speaker,
    outlet: speaker.names[0]!.key === ctx.lookup.key(claim.source.outlet),
  };
}
