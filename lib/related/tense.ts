/**
 * The tense a date expression sits in, read from the nearest tense marker:
 * "arrived … on Monday" is past, "is scheduled to arrive … on Wednesday" and
 * "will visit … in June" are future. Nearest, not any: "said on Monday that
 * she will go on Friday" has both. No tagger: auxiliaries, modals, the
 * "to"-constructions news copy uses for plans, and past-tense forms.
 */
import { isPastTense } from "@/lib/suggestions/verbs";

export type Tense = "past" | "future" | null;

const WORD = /[\p{L}]+(?:['’][\p{L}]+)?/gu;
const MODALS = new Set(["will", "shall", "would", "may", "might", "could", "should", "must", "can"]);
const FUTURE_CONTRACTION = /['’]ll$/;
/** "<word> to <verb>" that points ahead: "is scheduled to arrive", "plans to visit", "is set to sign". */
const PLAN_WORDS = new Set(
  `scheduled expected due set slated poised planned planning plans plan likely going about intends intend aims aim hopes hope
   wants want seeks seek vowed vows promised promises pledged pledges agreed agrees prepared preparing ready`.split(/\s+/),
);
/** A past participle after one of these is an adjective or a passive future, not a past event. */
const NOT_PAST_BEFORE = new Set(["a", "an", "the", "its", "their", "his", "her", "our", "my", "your", "this", "that", "be", "being"]);
const MAX_DISTANCE = 12;

type Marker = { at: number; tense: "past" | "future" };

function markers(text: string): Marker[] {
  const words = [...text.matchAll(WORD)].map((m) => ({ text: m[0].toLowerCase(), start: m.index, raw: m[0] }));
  const out: Marker[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const next = words[i + 1]?.text;
    const prev = words[i - 1]?.text ?? "";
    const prev2 = words[i - 2]?.text ?? "";
    if (MODALS.has(w.text) || FUTURE_CONTRACTION.test(w.text)) out.push({ at: w.start, tense: "future" });
    else if (next === "to" && PLAN_WORDS.has(w.text)) out.push({ at: w.start, tense: "future" });
    else if (/^\p{Ll}/u.test(w.raw) && isPastTense(w.text) && !NOT_PAST_BEFORE.has(prev) && !MODALS.has(prev) && !MODALS.has(prev2)) {
      out.push({ at: w.start, tense: "past" });
    }
  }
  return out;
}

/** Far enough for MAX_DISTANCE words either side; keeps a text full of dates linear. */
const WINDOW = 160;

/** Tense of the clause around text[start, end); null when no marker is near. */
export function tenseAt(fullText: string, fullStart: number, fullEnd: number): Tense {
  const from = Math.max(0, fullStart - WINDOW);
  const text = fullText.slice(from, fullEnd + WINDOW);
  const start = fullStart - from;
  const end = fullEnd - from;
  let best: { distance: number; tense: Tense } = { distance: Infinity, tense: null };
  for (const m of markers(text)) {
    if (m.at >= start && m.at < end) continue;
    const gap = m.at < start ? text.slice(m.at, start) : text.slice(end, m.at);
    const distance = (gap.match(WORD) ?? []).length - (m.at < start ? 1 : 0);
    // a marker before the date wins a tie: verb, then its complement
    const adjusted = m.at < start ? distance : distance + 0.5;
    if (adjusted < best.distance && distance <= MAX_DISTANCE) best = { distance: adjusted, tense: m.tense };
  }
  return best.tense;
}
