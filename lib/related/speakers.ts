/**
 * Whether two claims have the same speaker: the same record, or two records
 * that share a name or alias key (duplicates not merged yet, or an alias
 * spelled on one record only), or names the desk's aliases send to one
 * canonical name. A claim the outlet asserts itself says little about
 * sameness (every claim of that outlet shares it), so it counts for half.
 * A speaker of one claim who is named in the other counts for half as well:
 * one desk captures "Choe said X" with Choe as speaker, another with the
 * outlet as speaker and Choe in the quote.
 */
import type { Entity } from "./entities";
import type { Lookup } from "./lookup";
import type { Prepared } from "./prepare";
import type { RelatedInput } from "./types";

export type SpeakerMatch = { score: number; detail: string } | null;

type Speaker = RelatedInput["speaker"];

/** A speaker's spellings with their keys, worked out once per speaker and call. */
export type SpeakerInfo = { keys: Set<string>; names: Array<{ name: string; key: string; canonical: string }> };

export function speakerInfo(speaker: Speaker, lookup: Lookup, cache: Map<number, SpeakerInfo>): SpeakerInfo {
  const known = cache.get(speaker.id);
  if (known) return known;
  const names = [speaker.name, ...speaker.aliases].map((name) => {
    const key = lookup.key(name);
    const alias = lookup.alias(key);
    return { name, key, canonical: alias === undefined ? key : lookup.key(alias) };
  });
  const keys = new Set(names.flatMap((n) => [n.key, n.canonical]));
  keys.delete("");
  const info = { keys, names };
  cache.set(speaker.id, info);
  return info;
}

export function matchSpeakers(me: Prepared, other: Prepared): SpeakerMatch {
  const share = me.outlet || other.outlet ? 0.5 : 1;
  const suffix = share < 1 ? " (the outlet itself)" : "";
  const name = me.claim.speaker.name;
  if (me.claim.speaker.id === other.claim.speaker.id) return { score: share, detail: `same speaker: ${name}${suffix}` };
  // which of the other record's spellings met one of ours, to say "as Choi"
  const met = other.speaker.names.find((n) => me.speaker.keys.has(n.key) || me.speaker.keys.has(n.canonical));
  if (met === undefined) return null;
  const as = met.key === me.speaker.names[0]!.key ? "" : ` (as ${met.name})`;
  return { score: share, detail: `same speaker: ${name}${as}${suffix}` };
}

/** The speaker of one claim named in the text of the other. */
export function speakerNamed(me: Prepared, other: Prepared): SpeakerMatch {
  const named = (keys: Set<string>, entities: Entity[]) => entities.find((e) => keys.has(e.key));
  const inOther = named(me.speaker.keys, other.entities);
  if (inOther) return { score: 0.5, detail: `${me.claim.speaker.name} speaks in one and is named in the other (as ${inOther.surface})` };
  const inMine = named(other.speaker.keys, me.entities);
  if (inMine) return { score: 0.5, detail: `${other.claim.speaker.name} speaks in one and is named in the other (as ${inMine.surface})` };
  return null;
}
