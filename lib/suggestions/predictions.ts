/**
 * Prediction cues and the date a prediction resolves on.
 * Strong cues commit to the future ("will", "is expected to", "plans to",
 * "is scheduled for"); weak ones only allow it ("could", "may", "might",
 * "would" outside reported speech; `reported` says the text is itself the
 * clause of a speech verb, "X told shareholders that [the board would …]"). A present-tense sentence about a date after
 * publication ("The council votes on April 9") is a prediction too.
 * Modals about the past ("may have been discussed", "could not prove") are not.
 */
import { findDateExpressions, type DateExpression } from "./dates";
import { SPEECH_VERBS } from "./lexicon";
import { isPastTense } from "./verbs";

/** strong: commits to the future; weak: allows it; dated: a prediction only when a date follows ("prepared to … by June 30"). */
export type PredictionCue = { text: string; start: number; end: number; strength: "strong" | "weak" | "dated" };

// a negated forecast is still one ("are not going to", "is not expected to")
const BE_TO = /\b(?:is|are|was|were|be|been|remains?|seems?|appears?)\s+(?:(?:not|never|highly|very|more|most|less|also|now|still|widely|increasingly|all but)\s+){0,2}(?:expected|scheduled|set|likely|unlikely|due|poised|slated|projected|forecast|predicted|planned|bound|going|certain|sure|on track|about|planning|hoping|aiming|intending|preparing|seeking|looking)\s+(?:to|for)\b(?!\s+have\s)/gi;
// a subject before the verb: "the company plans to", not "his plan to", "hoping to" in a past narrative
const VERB_TO = /(?<!\b(?:the|a|an|its|their|his|her|our|my|your)\s+)\b(?:plans?|aims?|intends?|hopes?|wants?|seeks?|vows?|pledges?|promises?|expects?|expecting|anticipates?|targets?|proposes?|threatens?)\s+to\b(?!\s+have\s)/gi;
// a past intention ("planned to", "vowed to") may have been dropped or done: a prediction only with a date
const PAST_TO = /(?<!\b(?:the|a|an|its|their|his|her|our|my|your)\s+)\b(?:planned|aimed|intended|hoped|vowed|pledged|promised|proposed|threatened|wanted|sought)\s+to\b(?!\s+have\s)/gi;
// the verb with an object: "expects revenue growth", "forecast last week that"; not "analysts’ forecasts", "one cancelled project and"
const FORECAST = /\b(?:expects?|expecting|forecasts?|predicts?|projects?|anticipates?)\b(?!\s+to\b)(?=\s+(?!(?:and|or|but|of|for|in|on|at|with|by|is|are|was|were|has|have|had)\b)[\p{L}\d])/giu;
// readiness is not a forecast, but with a date it says when: "was prepared to impose … if no deal is reached by June 30"
const READY_TO = /\b(?:is|are|was|were)\s+(?:prepared|ready|willing|determined)\s+to\b/gi;
const WILL = /\b(?:will|shall|won['’]t)\b|['’]ll\b/gi;
const MODAL = /\b([Cc]ould|may|[Mm]ight|[Ww]ould)\b(?!\s+(?:have|not)\b|n['’]t)/g;
const NOT_A_VERB_BEFORE = /(?:['’]s?|\b(?:the|a|an|its|their|our|his|her|my|your|of|for|by|with|on|in|to|new|latest|\w+ing|\w+ed))\s*$/i;
const NOT_WILL = new Set(["the", "a", "free", "good", "ill", "political", "his", "her", "their", "its", "our", "my", "your", "own", "last"]);
// "said it would", "promised that the board would": a reported future is a prediction
const REPORTED = /\b(?:said|says|told|saying|promised|pledged|warned|predicted|expected|forecast|announced|insisted|vowed|believes?|thinks?|expects?|that)\b[^.;]{0,80}$/i;

function prevWord(text: string, index: number): string {
  return /(\p{L}+)\W*$/u.exec(text.slice(Math.max(0, index - 30), index))?.[1]?.toLowerCase() ?? "";
}

/** The first prediction cue in text (positions shifted by offset). */
// one cheap pass first: the stems every cue below contains
const TRIGGER = /will|wanted|shall|['’]ll|won['’]t|ould|may|might|expect|schedul|\bset\b|likely|due|poised|slated|project|forecast|predict|plan|bound|going|certain|sure|track|about|aim|intend|hop|want|seek|sought|vow|pledg|promis|anticipat|target|propos|threat|prepar|ready|willing|determin|preparing|looking/i;

export function findPredictionCue(text: string, offset = 0, reported = false): PredictionCue | null {
  if (!TRIGGER.test(text)) return null;
  const found: PredictionCue[] = [];
  const add = (m: RegExpExecArray, strength: PredictionCue["strength"]) =>
    found.push({ text: m[0], start: offset + m.index, end: offset + m.index + m[0].length, strength });
  for (const re of [BE_TO, VERB_TO, FORECAST]) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      // "analysts’ forecasts", "the projects": a noun, not the verb
      if (re === FORECAST && NOT_A_VERB_BEFORE.test(text.slice(Math.max(0, m.index - 20), m.index))) continue;
      add(m, "strong");
    }
  }
  WILL.lastIndex = 0;
  for (let m = WILL.exec(text); m; m = WILL.exec(text)) {
    if (/^will$/i.test(m[0]) && (NOT_WILL.has(prevWord(text, m.index)) || /^Will\b/.test(m[0]) && m.index > 0)) continue;
    add(m, "strong");
  }
  for (const re of [READY_TO, PAST_TO]) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) add(m, "dated");
  }
  MODAL.lastIndex = 0;
  for (let m = MODAL.exec(text); m; m = MODAL.exec(text)) {
    const inReport = m[1]!.toLowerCase() === "would" && (reported || REPORTED.test(text.slice(Math.max(0, m.index - 100), m.index)));
    add(m, inReport ? "strong" : "weak");
  }
  found.sort((a, b) => a.start - b.start);
  return found.find((c) => c.strength === "strong") ?? found[0] ?? null;
}

// a participle after these is an adjective or a passive, not a past tense: "would be spent", "will stay closed"
const PERFECT_OR_PASSIVE = new Set("be been being is are was were have has had get got stay stays remain remains become becomes seem seems look looks keep keeps feel feels".split(" "));

/**
 * A past-tense verb between two points. A participle after "be"/"have" ("would
 * be spent") is not one; with `framing`, neither is a speech verb, which only
 * frames the clause ("which he said could happen").
 */
function pastBetween(text: string, from: number, to: number, framing: boolean): boolean {
  const words = text.slice(Math.max(0, from), Math.max(0, to)).match(/[\p{L}'’-]+/gu) ?? [];
  return words.some((w, i) => {
    if (w.includes("-") || (framing && SPEECH_VERBS.has(w)) || !isPastTense(w)) return false;
    return !(i > 0 && PERFECT_OR_PASSIVE.has(words[i - 1]!.toLowerCase()));
  });
}

/**
 * The date a prediction resolves on: the first future date expression after
 * the cue in its own clause (a past-tense verb between them means the date
 * belongs to something else: "…, which was mooted in June"), else one before it.
 */
export function predictionDate(text: string, offset: number, cue: { start: number; end: number }, publishedAt: string): DateExpression | null {
  const cueStart = cue.start;
  const dates = findDateExpressions(text, publishedAt, offset).filter((d) => !d.past);
  const local = cue.end - offset;
  const after = dates.find((d) => d.start >= cueStart && !pastBetween(text, local, d.start - offset, true));
  if (after) return after;
  const before = dates.filter((d) => d.end <= cueStart);
  return before.length > 0 ? before[before.length - 1]! : null;
}

const EXPLICIT_FUTURE = /\b(?:next|coming|tomorrow|later|in|within|by|until)\b/i;
const NEAR_DAYS = 120;

/**
 * A present-tense statement about a day or period after publication ("They
 * travel to Ashby on Saturday", "The council votes on April 9"). The date must
 * say it is ahead ("next year", "tomorrow") or be a day soon after
 * publication: a bare "in June" in a present-tense narrative is as likely the
 * June just gone.
 */
export function scheduledDate(text: string, offset: number, publishedAt: string): DateExpression | null {
  const dates = findDateExpressions(text, publishedAt, offset);
  if (dates.length === 0) return null;
  const pub = publishedAt.slice(0, 10);
  const near = new Date(Date.parse(pub + "T00:00:00Z") + NEAR_DAYS * 86_400_000).toISOString().slice(0, 10);
  for (const d of dates) {
    const first = "date" in d.value ? d.value.date : d.value.range.from;
    if (d.past || first <= pub) continue;
    const explicit = EXPLICIT_FUTURE.test(d.text) && !/^in\s+\p{Lu}/u.test(d.text);
    if (!explicit && !("date" in d.value && d.value.date <= near)) continue;
    if (pastBetween(text, 0, d.start - offset, false)) return null;
    return d;
  }
  return null;
}
