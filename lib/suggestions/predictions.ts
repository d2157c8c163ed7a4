/**
 * Prediction cues and the date a prediction resolves on.
 * Strong cues commit to the future ("will", "is expected to", "plans to",
 * "is scheduled for"); weak ones only allow it ("could", "may", "might").
 * "would" is a forecast only as the future-in-the-past of reported speech
 * ("said it would", "expected … would"; `reported` says the text is itself the
 * clause of a speech verb, "X told shareholders that [the board would …]"),
 * never in a conditional ("If …, it would") or a hypothetical ("I would be
 * frightened too"). Odds put on an event ("put the odds of a cut at 85%", "a
 * 60% chance of rain") forecast it. "should" and a past expectation ("expected the bill to")
 * forecast only with a future date. A present-tense sentence about a date after
 * publication ("The council votes on April 9") is a prediction too; a past or
 * present-perfect one ("has extended its alert until Friday") is not.
 * Modals about the past ("may have been discussed", "could not prove") are not;
 * neither is discourse ("will tell you", "I'll be bringing you the latest",
 * "I'll believe it when I see it"), a hypothetical frame ("I would love to say
 * this will be …"), a generic "you can't … and expect to win", a noun ("no
 * immediate plans to"), nor a date that is only the words someone keeps saying
 * ("They keep saying next year"). An absolute clause ("…, with first results
 * expected by 2028") is a forecast of its own.
 */
import { findDateExpressions, type DateExpression } from "./dates";
import { SPEECH_VERBS } from "./lexicon";
import { isPastTense } from "./verbs";

/** strong: commits to the future; weak: allows it; dated: a prediction only when a date follows ("prepared to … by June 30"). */
export type PredictionCue = { text: string; start: number; end: number; strength: "strong" | "weak" | "dated" };

// "to have" and a participle looks back ("expected to have risen"); "expect to have pressure restored" looks ahead
const PERFECT = String.raw`(?!\s+have\s+(?:been|had|\w+ed|made|done|gone|won|lost|left|led|met|paid|held|kept|said|told|taken|given|written|spoken|chosen|driven|fallen|risen|grown|known|shown|thrown|drawn|flown|broken|beaten|proven|bought|sold|built|spent|cut|hit|put|set|struck|seen|become|begun|brought|caught|come|felt|found|got|gotten|heard|meant|read|run|sent|stood|taught|thought|understood)\b)`;
// a negated forecast is still one ("are not going to", "is not expected to")
const BE_TO = new RegExp(String.raw`\b(?:is|are|was|were|be|been|remains?|seems?|appears?)\s+(?:(?:not|never|highly|very|more|most|less|also|now|still|widely|increasingly|all but)\s+){0,2}(?:expected|scheduled|set|likely|unlikely|due|poised|slated|projected|forecast|predicted|planned|bound|going|certain|sure|on track|about|planning|hoping|aiming|intending|preparing|seeking|looking)\s+(?:to|for)\b` + PERFECT, "gi");
// a subject before the verb: "the company plans to", not "his plan to", "hoping to" in a past narrative
const VERB_TO = new RegExp(String.raw`(?<!\b(?:the|a|an|its|their|his|her|our|my|your|no|any|immediate|current|future|new|such|further|concrete|detailed)\s+)\b(?:plans?|aims?|intends?|hopes?|wants?|seeks?|vows?|pledges?|promises?|expects?|expecting|anticipates?|targets?|proposes?|threatens?)\s+to\b` + PERFECT, "gi");
// a past intention ("planned to", "vowed to") may have been dropped or done: a prediction only with a date
const PAST_TO = new RegExp(String.raw`(?<!\b(?:the|a|an|its|their|his|her|our|my|your)\s+)\b(?:planned|aimed|intended|hoped|vowed|pledged|promised|proposed|threatened|wanted|sought)\s+to\b` + PERFECT, "gi");
// a past expectation with its object ("she expected the bill to be on the desk by …"): like a past intention, dated only
const EXPECTED_OBJECT = /(?<!\b(?:is|are|was|were|be|been|the|a|an|as)\s+)\bexpected\s+(?!to\b|that\b)(?:[\p{L}\d'’-]+\s+){1,6}?to\b(?!\s+have\s)/giu;
// "should" forecasts only with a date ("Fresher air should reach the north-west over the weekend"); "should not wait" is advice
const SHOULD = /\bshould\b(?!\s+(?:have|not|never)\b|n['’]t)/gi;
// the verb with an object: "expects revenue growth", "forecast last week that"; not "analysts’ forecasts", "one cancelled project and"
const FORECAST = /\b(?:expects?|expecting|forecasts?|predicts?|projects?|anticipates?)\b(?!\s+to\b)(?=\s+(?!(?:and|or|but|of|for|in|on|at|with|by|is|are|was|were|has|have|had)\b)[\p{L}\d])/giu;
// a probability given to an event is a forecast: "Futures markets put the odds of another cut at 85%", "a 60% chance of rain"
const ODDS = /\b(?:put|puts|putting|see|sees|price|prices|pricing|give|gives|giving|rate|rates|place|places)\s+(?:the\s+)?(?:odds|chances?|probability|likelihood)\s+(?:of|that)\b|\b\d+(?:\.\d+)?\s?(?:%|percent|per cent)\s+(?:chance|probability|likelihood)\s+(?:of|that)\b/gi;
// an absolute clause: "…, with first results expected by the end of 2028", "with a vote due on Friday"
const WITH_EXPECTED = /\bwith\s+(?:[\p{L}\d'’-]+\s+){1,5}?(?:expected|due|set|scheduled|slated|planned|likely|projected|forecast)\s+(?:to|by|in|on|for|before|within|next|later)\b/giu;
// a hypothetical frame asserts nothing: "I would love to say this will be …", "I wish I could promise …"; nor a generic "you can't … and expect to"
const HYPOTHETICAL_BEFORE = /(?:\b(?:would|['’]d)\s+(?:love|like)\s+to\s+(?:say|think|believe|promise|tell\s+you)|\bwish\s+(?:I|we|they|you)\s+could\s+(?:say|promise|tell\s+you))\b[^.;!?]{0,100}$/i;
const GENERIC_AND_BEFORE = /\b(?:can['’]?t|cannot|can\s+not|couldn['’]t|can|could)\b[^.;!?]{0,60}\band\s+$/i;
// readiness is not a forecast, but with a date it says when: "was prepared to impose … if no deal is reached by June 30"
const READY_TO = /\b(?:is|are|was|were)\s+(?:prepared|ready|willing|determined)\s+to\b/gi;
const WILL = /\b(?:will|shall|won['’]t)\b|['’]ll\b/gi;
const MODAL = /\b([Cc]ould|may|[Mm]ight|[Ww]ould)\b(?!\s+have\b|n['’]t)/g;
// "If a household wasted water on that scale, it would be fined": a conditional, not a forecast
const CONDITIONAL_BEFORE = /\b(?:if|unless|even if|as if|were it not)\b[^.;!?]*,[^.;!?,]*$/i;
// discourse, not a forecast: "will tell you", "I'll be bringing you the latest", "I'll believe it when I see it"
const ADDRESSEE_AFTER = /^\s+(?:be\s+)?(?:(?:tell|telling|show|showing|remind|reminding)\s+(?:you|readers|viewers|listeners|everyone)|(?:walk|walking)\s+you\s+through|(?:let|letting)\s+you\s+know|(?:keep|keeping)\s+you\s+(?:posted|updated|informed))\b/i;
const FIRST_PERSON_AFTER = /^\s+(?:be\s+)?(?:bring|bringing|tell|telling|say|saying|believe|admit|explain|explaining|update|updating|leave\s+it|leaving\s+it|repeat|be\s+(?:honest|brief|frank|blunt)(?=\s*[,.:;—–-])|try\s+to\s+(?:answer|explain))\b/i;
const NOT_A_VERB_BEFORE = /(?:['’]s?|\b(?:the|a|an|its|their|our|his|her|my|your|of|for|by|with|on|in|to|new|latest|\w+ing|\w+ed))\s*$/i;
const NOT_WILL = new Set(["the", "a", "free", "good", "ill", "political", "his", "her", "their", "its", "our", "my", "your", "own", "last"]);
// "said it would", "promised that the board would": a reported future is a prediction
// (a bare "that" is not enough: "confident in August that the Fed would cut" narrates a past belief)
const REPORTED = /\b(?:said|says|told|saying|promised|pledged|warned|predicted|expected|forecast|announced|insisted|vowed|believes?|believed|thinks?|thought|expects?|estimated|estimates|projected)\b[^.;]{0,80}$/i;

/** "will tell you", "I'll be bringing you the latest", "I'll believe it when I see it": the writer or speaker talking, not a forecast. */
function isDiscourse(text: string, index: number, will: string): boolean {
  const after = text.slice(index + will.length, index + will.length + 40);
  if (ADDRESSEE_AFTER.test(after)) return true;
  const subject = /^['’]ll$/i.test(will) ? /(\p{L}+)$/u.exec(text.slice(Math.max(0, index - 10), index))?.[1] : prevWord(text, index);
  return (subject === "I" || subject?.toLowerCase() === "i") && FIRST_PERSON_AFTER.test(after);
}

function prevWord(text: string, index: number): string {
  return /(\p{L}+)\W*$/u.exec(text.slice(Math.max(0, index - 30), index))?.[1]?.toLowerCase() ?? "";
}

/** The first prediction cue in text (positions shifted by offset). */
// one cheap pass first: the stems every cue below contains
const TRIGGER = /will|should|with|odds|chance|probab|likelihood|wanted|shall|['’]ll|won['’]t|ould|may|might|expect|schedul|\bset\b|likely|due|poised|slated|project|forecast|predict|plan|bound|going|certain|sure|track|about|aim|intend|hop|want|seek|sought|vow|pledg|promis|anticipat|target|propos|threat|prepar|ready|willing|determin|preparing|looking/i;

export function findPredictionCue(text: string, offset = 0, reported = false): PredictionCue | null {
  if (!TRIGGER.test(text)) return null;
  const found: PredictionCue[] = [];
  const add = (m: RegExpExecArray, strength: PredictionCue["strength"]) =>
    found.push({ text: m[0], start: offset + m.index, end: offset + m.index + m[0].length, strength });
  const asserted = (index: number) => !HYPOTHETICAL_BEFORE.test(text.slice(Math.max(0, index - 140), index));
  const generic = (index: number) => GENERIC_AND_BEFORE.test(text.slice(Math.max(0, index - 80), index));
  for (const re of [BE_TO, VERB_TO, FORECAST, ODDS, WITH_EXPECTED]) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      // "analysts’ forecasts", "the projects": a noun, not the verb
      if (re === FORECAST && NOT_A_VERB_BEFORE.test(text.slice(Math.max(0, m.index - 20), m.index))) continue;
      if (!asserted(m.index) || (re === VERB_TO && generic(m.index))) continue;
      add(m, "strong");
    }
  }
  WILL.lastIndex = 0;
  for (let m = WILL.exec(text); m; m = WILL.exec(text)) {
    if (/^will$/i.test(m[0]) && (NOT_WILL.has(prevWord(text, m.index)) || /^Will\b/.test(m[0]) && m.index > 0)) continue;
    if (isDiscourse(text, m.index, m[0]) || !asserted(m.index)) continue;
    add(m, "strong");
  }
  for (const re of [READY_TO, PAST_TO, EXPECTED_OBJECT, SHOULD]) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) add(m, "dated");
  }
  MODAL.lastIndex = 0;
  for (let m = MODAL.exec(text); m; m = MODAL.exec(text)) {
    const before = text.slice(Math.max(0, m.index - 160), m.index);
    const negated = /^\s+not\b/i.test(text.slice(m.index + m[0].length, m.index + m[0].length + 5));
    if (!asserted(m.index) || /\bwish\s+\w+\s+$/i.test(before)) continue; // "I wish I could promise …"
    if (m[1]!.toLowerCase() !== "would") {
      if (!negated) add(m, "weak"); // "could not prove" is about the past
      continue;
    }
    // "would" forecasts only as reported speech's future-in-the-past, never in a conditional
    if (CONDITIONAL_BEFORE.test(before)) continue;
    if (reported || REPORTED.test(before.slice(-100))) add(m, "strong");
  }
  found.sort((a, b) => a.start - b.start);
  return found.find((c) => c.strength === "strong") ?? found[0] ?? null;
}

// a participle after these is an adjective or a passive, not a past tense: "would be spent", "will stay closed"
const PERFECT_OR_PASSIVE = new Set("be been being is are was were have has had get got stay stays remain remains become becomes seem seems look looks keep keeps feel feels".split(" "));

const HAVE = new Set(["has", "have", "had"]);

/**
 * A past-tense verb between two points. A participle after "be"/"have" ("would
 * be spent") is not one; with `framing`, neither is a speech verb, which only
 * frames the clause ("which he said could happen"); with `perfect`, a
 * participle after "has/have" is ("has extended its alert until Friday": done).
 */
function pastBetween(text: string, from: number, to: number, framing: boolean, perfect = false): boolean {
  const words = text.slice(Math.max(0, from), Math.max(0, to)).match(/[\p{L}'’-]+/gu) ?? [];
  return words.some((w, i) => {
    if (w.includes("-") || (framing && SPEECH_VERBS.has(w)) || !isPastTense(w)) return false;
    const prev = i > 0 ? words[i - 1]!.toLowerCase() : "";
    if (perfect && (HAVE.has(prev) || (i > 1 && HAVE.has(words[i - 2]!.toLowerCase()) && prev === "been"))) return true;
    if (PERFECT_OR_PASSIVE.has(prev)) return false;
    // "to have pressure restored", "get the line repaired": a causative's participle, not a past verb
    return !words.slice(Math.max(0, i - 5), i - 1).some((x) => CAUSATIVE.has(x.toLowerCase()));
  });
}
const CAUSATIVE = new Set(["have", "having", "get", "gets", "getting"]);

// a date that is only the words someone says: "They keep saying next year, next year", "promised tomorrow"
const SPOKEN_BEFORE = /\b(?:say|says|saying|said|promise|promises|promising|promised|hear|hears|hearing|heard|repeat|repeats|repeating|repeated)\s*[“"‘']?$/i;

/** Dates that are the object of a speech verb, and their repetitions ("next year, next year"), are words, not times. */
function withoutSpoken(text: string, dates: DateExpression[], offset: number): DateExpression[] {
  const out: DateExpression[] = [];
  let spokenEnd = -1;
  for (const d of dates) {
    const before = text.slice(Math.max(0, d.start - offset - 30), d.start - offset);
    const repeated = spokenEnd >= 0 && /^[\s,;.…—–-]*$/.test(text.slice(spokenEnd - offset, d.start - offset));
    if (SPOKEN_BEFORE.test(before) || repeated) spokenEnd = d.end;
    else out.push(d);
  }
  return out;
}

/**
 * The date a prediction resolves on: the first future date expression after
 * the cue in its own clause (a past-tense verb between them means the date
 * belongs to something else: "…, which was mooted in June"), else one before it.
 */
export function predictionDate(text: string, offset: number, cue: { start: number; end: number }, publishedAt: string): DateExpression | null {
  const cueStart = cue.start;
  const dates = withoutSpoken(text, findDateExpressions(text, publishedAt, offset), offset).filter((d) => !d.past);
  const local = cue.end - offset;
  const after = dates.find((d) => d.start >= cueStart && !pastBetween(text, local, d.start - offset, true));
  if (after) return after;
  // a date after a past-tense verb dates that past event ("The Senate voted on Thursday to pass a bill that …")
  const before = dates.filter((d) => d.end <= cueStart && !pastBetween(text, 0, d.start - offset, true));
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
  const dates = withoutSpoken(text, findDateExpressions(text, publishedAt, offset), offset);
  if (dates.length === 0) return null;
  const pub = publishedAt.slice(0, 10);
  const near = new Date(Date.parse(pub + "T00:00:00Z") + NEAR_DAYS * 86_400_000).toISOString().slice(0, 10);
  for (const d of dates) {
    const first = "date" in d.value ? d.value.date : d.value.range.from;
    if (d.past || first <= pub) continue;
    const explicit = EXPLICIT_FUTURE.test(d.text) && !/^in\s+\p{Lu}/u.test(d.text);
    if (!explicit && !("date" in d.value && d.value.date <= near)) continue;
    if (pastBetween(text, 0, d.start - offset, false, true)) return null;
    if (HYPOTHETICAL_BEFORE.test(text.slice(Math.max(0, d.start - offset - 140), d.start - offset))) return null;
    return d;
  }
  return null;
}
