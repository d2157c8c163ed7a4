/** The one short human sentence each suggestion carries. */
import type { ClaimInfo } from "./claim-type";
import type { ResolvedSpeaker } from "./resolve";

/** "attributed to Teresa Okafor by 'said' ('she')" */
export function attributedWhy(speaker: ResolvedSpeaker, cue: string | undefined): string {
  const by = cue ? ` by '${cue}'` : "";
  const via = /^'/.test(speaker.how) ? ` (${speaker.how})` : /^an unnamed source/.test(speaker.how) ? " (an unnamed source)" : "";
  return `attributed to ${speaker.name}${by}${via}`;
}

/** "; a prediction ('is expected to'), resolves 2025-02-23" */
export function describeType(info: ClaimInfo): string {
  if (info.type === "prediction") {
    const when = info.resolvesOn ? `, resolves ${info.resolvesOn}` : info.resolvesRange ? `, resolves ${info.resolvesRange.from} to ${info.resolvesRange.to}` : "";
    return `; ${info.weak ? "a hedged prediction" : "a prediction"} ('${info.typeCue?.text}')${when}`;
  }
  if (info.type === "statistic") return `; a statistic ('${info.typeCue?.text}')`;
  return "";
}
