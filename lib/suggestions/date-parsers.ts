/**
 * Our chrono-node parsers, for what chrono has no notion of (seasons, halves
 * and quarters of a year, a bare year after a preposition, "the coming
 * week", "by May", "the weekend", public holidays), and the gate every chrono
 * parser's output passes through.
 */
import * as chrono from "chrono-node";
import { type Which, isSeason, period, season, yearPart } from "./date-periods";
import { TAG, ourResult, pubOf } from "./date-components";
import { yearRange } from "./calendar";
import { HOLIDAY_NAMES, holiday } from "./date-holidays";

const YEAR = String.raw`(?:19|20|21)\d\d`;
// a month or weekday name as chrono's dictionaries spell them ("Sept.", "Tues", "Thurs")
const NAME = /\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:r(?:s(?:day)?)?)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?)\b/gi;
const FULL_WEEKDAY = /\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b/;

type Extracted = ReturnType<chrono.Parser["extract"]>;

/**
 * What chrono reads that is not a date in news copy. Dropped as it is
 * parsed, so that no chrono refiner glues it onto a date ("on Wednesday at
 * 7 p.m.") and a shorter reading it overlapped survives.
 */
function unwanted(context: chrono.ParsingContext, match: RegExpMatchArray, out: NonNullable<Extracted>): boolean {
  const start = out instanceof chrono.ParsingResult ? out.start : out instanceof chrono.ParsingComponents ? out : context.createParsingComponents(out);
  const text = out instanceof chrono.ParsingResult ? out.text : match[0];
  // a clock time or part of a day ("7 p.m.", "8 to 10 percent", "every morning"); "this week" is certain of nothing yet
  if (start.isOnlyTime() && start.isCertain("hour")) return true;
  // "now"; durations under a day and misreadings of them ("150 minutes", "the 1960s" as 1,960 seconds, "the second")
  const tags = start.tags();
  if (tags.has("casualReference/now") || tags.has("result/relativeDateAndTime")) return true;
  // numerals only ("4/5", "1/2025", "2025/03/01") are fractions and scores as often as dates; ISO dates stay
  if (!/\p{L}/u.test(text) && !/\d{4}-\d{2}-\d{2}/.test(text)) return true;
  // "protesters march", "the sun", "he sat": a month or weekday name is capitalised…
  for (const m of text.matchAll(NAME)) if (m[0][0] !== m[0][0]!.toUpperCase()) return true;
  // …and a weekday on its own is spelled out ("Sat" is too often something else)
  return start.isOnlyWeekdayComponent() && !/weekend/i.test(text) && !FULL_WEEKDAY.test(text);
}

/** One of chrono's own parsers, with what `unwanted` names dropped. */
export function gated(parser: chrono.Parser): chrono.Parser {
  return {
    pattern: (context) => parser.pattern(context),
    extract: (context, match) => {
      const out = parser.extract(context, match);
      return out && !unwanted(context, match, out) ? out : null;
    },
  };
}

// patterns are run on the text after the last match (chrono's loop), so none is global
const SEASON = new RegExp(
  String.raw`\b(?:(this|next|last|the\s+coming|coming|the\s+following|in|during)\s+)?(the\s+)?(summer|winter|spring|fall|autumn)(?:\s+(?:of\s+)?(${YEAR}))?\b(?!['’]s)`,
  "i",
);
const COMING = /\b(the\s+coming|coming|the\s+following)\s+(week|weekend|month|quarter|year)\b(?!['’]s)/i;
const YEAR_PART = new RegExp(
  String.raw`\b(?:the\s+)?(first|second|third|fourth|final|last|1st|2nd|3rd|4th)\s+(half|quarter)(?:\s+of\s+(this\s+year|next\s+year|last\s+year|${YEAR}))?\b`,
  "i",
);
const SHORT_PART = new RegExp(String.raw`\b([QH])([1-4])(?:\s*(${YEAR}))?\b`);
// a bare year only after a preposition: "in 2026", "by 2030", "mid-2026" ("the 2030 target", "2,030" and "2030 percent" are not dates)
const BARE_YEAR = new RegExp(
  String.raw`\b(in|by|until|till|through|before|during|since|from|after|of|for|early|mid|late)[\s-](${YEAR})\b(?![.,]\d)(?!\s*(?:%|percent|per\s+cent))`,
  "i",
);
// chrono drops a bare "May" unless "in" precedes it (the modal verb); after these words it is the month
const MAY = /\b(by|until|till|before|through|since|from|during|of|next|last|this|early|late|mid)[\s-]May\b(?!\s*\d)/;

// "over the weekend", "by the weekend": the coming Saturday and Sunday (chrono reads a bare "weekend" as a Saturday)
const THE_WEEKEND = /\bthe\s+weekend\b(?!['’]s)/i;
// a holiday naming a thing ("Christmas trees", "Easter Island", "Halloween party") is not a date
const HOLIDAY = new RegExp(
  String.raw`\b(?:(this|next|last)\s+)?(${HOLIDAY_NAMES})(?:\s+(${YEAR}))?\b(?!['’]s)(?!\s+(?:[A-Z][a-z]+|trees?|carols?|cards?|part(?:y|ies)|markets?|lights|shopping|sales|dinners?|presents?|gifts?|shows?|specials?|songs?|decorations?|costumes?|candy|weekend)\b)`,
);

const whichOf = (modifier: string | undefined): Which => {
  const word = modifier?.toLowerCase().replace(/\s+/g, " ") ?? "";
  if (word === "this" || word === "next" || word === "last") return word;
  return word === "coming" || word === "the coming" || word === "the following" ? "next" : "";
};

/** "next summer", "in the fall", "the summer of 2025"; "fall" the verb needs "the", a modifier, a year or "in/by/until/before" before it. */
export const seasonParser: chrono.Parser = {
  pattern: () => SEASON,
  extract: (context, m) => {
    const index = m.index ?? 0;
    const modifier = m[1];
    const year = m[4] ? Number(m[4]) : undefined;
    if (!modifier && !m[2] && year === undefined && !/\b(?:in|during|by|until|before)\s*$/i.test(context.text.slice(Math.max(0, index - 24), index))) return null;
    if (!isSeason(m[3]!)) return null;
    return ourResult(context, index, m[0], { range: season(pubOf(context), m[3]!, whichOf(modifier), year) });
  },
};

/** "the coming week", "the following year": chrono reads "next week" but not these. */
export const comingParser: chrono.Parser = {
  pattern: () => COMING,
  extract: (context, m) => ourResult(context, m.index ?? 0, m[0], { range: period(pubOf(context), m[2]!, "next") }),
};

/** "the first half of next year", "the third quarter", "Q3 2025", "H1". */
export const yearPartParser: chrono.Parser = {
  pattern: () => YEAR_PART,
  extract: (context, m) => {
    const range = yearPart(pubOf(context), m[1]!, m[2]!, m[3]);
    return range ? ourResult(context, m.index ?? 0, m[0], { range }) : null;
  },
};

export const shortYearPartParser: chrono.Parser = {
  pattern: () => SHORT_PART,
  extract: (context, m) => {
    const range = yearPart(pubOf(context), ["first", "second", "third", "fourth"][Number(m[2]) - 1]!, m[1] === "H" ? "half" : "quarter", m[3]);
    return range ? ourResult(context, m.index ?? 0, m[0], { range }) : null;
  },
};

/**
 * "in 2026", "by 2030", "mid-2026": the whole year. The text keeps the word
 * before the year (chrono's filter drops a result that is only digits); the
 * `lead` tag has our first refiner drop it, and later ones read it.
 */
export const bareYearParser: chrono.Parser = {
  pattern: () => BARE_YEAR,
  extract: (context, m) => ourResult(context, m.index ?? 0, m[0], { range: yearRange(Number(m[2])) }).addTag(TAG.lead),
};

/** "by May", "since May": a month-only result like chrono's own; the text keeps the word before it, as above, past chrono's "may" filter. */
export const mayParser: chrono.Parser = {
  pattern: () => MAY,
  extract: (context, m) => {
    const result = context.createParsingResult(m.index ?? 0, m[0]);
    result.start.assign("month", 5).imply("day", 1);
    result.addTag(TAG.lead);
    return result;
  },
};

/** "the weekend": the coming one (the current one on a Saturday or Sunday), Saturday to Sunday; a past-tense verb makes it the last one for the prediction rules, not here. */
export const weekendParser: chrono.Parser = {
  pattern: () => THE_WEEKEND,
  extract: (context, m) => ourResult(context, m.index ?? 0, m[0], { range: period(pubOf(context), "weekend", "this") }),
};

/** "by Memorial Day", "before Christmas", "Thanksgiving 2026": public holidays as days (date-holidays.ts). */
export const holidayParser: chrono.Parser = {
  pattern: () => HOLIDAY,
  extract: (context, m) => {
    const which = (m[1]?.toLowerCase() ?? "") as "" | "this" | "next" | "last";
    const day = holiday(pubOf(context), m[2]!, which, m[3] ? Number(m[3]) : undefined);
    return day ? ourResult(context, m.index ?? 0, m[0], { day }) : null;
  },
};

export const OUR_PARSERS: chrono.Parser[] = [seasonParser, comingParser, yearPartParser, shortYearPartParser, bareYearParser, mayParser, weekendParser, holidayParser];
