/**
 * Finds quoted spans: straight and curly double quotes, single quotes outside
 * double ones (British style, and the scare quotes of translated Korean
 * editorials), a closing mark typed as an opener (`that ”the main cause…”`),
 * and quotations continued over paragraphs (the paragraph ends with the quote
 * still open and the next one starts with an opening mark).
 *
 * Single quotes inside double ones are the inner quote of the same speaker,
 * never a quotation of their own. One pass, one state per mark type: a second
 * opener restarts the span, so a run of openers is still linear.
 */
import type { Paragraph, Span } from "./sentences";
import { hasFiniteVerb, words } from "./verbs";

export type QuotePart = Span & {
  /** offsets of the opening and closing marks; close is null when the paragraph ends first */
  open: number;
  close: number | null;
  paragraph: number;
  mark: "double" | "single";
  /** this part goes on in the next paragraph / goes on from the previous one */
  continues: boolean;
  continued: boolean;
  /** consecutive parts of one quotation over paragraphs share a group */
  group: number;
};

type Role = "open" | "close" | "none";

// a mark can open after a space or an opening bracket/dash, and close after anything else
const OPEN_AFTER = /[\s([{\u2014\u2013\-/:“‘"']/;
const TRAILING = /[,.;:!?)\]\u2014\u2013]/;
const isLetter = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);
const isSpace = (c: string | undefined) => c === undefined || /\s/.test(c);

function doubleRole(prev: string | undefined, next: string | undefined, isOpen: boolean, mark: string): Role {
  const canOpen = prev === undefined || OPEN_AFTER.test(prev);
  const canClose = prev !== undefined && !/\s/.test(prev);
  const openish = canOpen && !isSpace(next) && !TRAILING.test(next!);
  const closeish = canClose && (isSpace(next) || TRAILING.test(next!));
  // typographic marks say which they are, unless their neighbours plainly say otherwise (a typo)
  if (mark === "“" || mark === "„" || mark === "«") return closeish && !openish && isOpen ? "close" : "open";
  if (mark === "”" || mark === "»") return openish && !closeish && !isOpen ? "open" : "close";
  if (openish && !closeish) return "open";
  if (closeish && !openish) return "close";
  return isOpen ? "close" : "open";
}

function singleRole(prev: string | undefined, next: string | undefined, mark: string): Role {
  // an apostrophe between letters ("didn’t", "Kim’s") is never a quote mark
  if (isLetter(prev) && isLetter(next)) return "none";
  if ((mark === "‘" || mark === "'") && (prev === undefined || OPEN_AFTER.test(prev)) && next !== undefined && /\p{L}/u.test(next)) {
    return "open";
  }
  if ((mark === "’" || mark === "'") && prev !== undefined && !/\s/.test(prev) && !isLetter(next)) return "close";
  return "none";
}

const DOUBLE_MARKS = new Set(['"', "“", "”", "„", "«", "»"]);
const SINGLE_MARKS = new Set(["'", "‘", "’"]);

function startsWithOpener(body: string, paragraph: Paragraph | undefined, mark: "double" | "single"): boolean {
  if (!paragraph) return false;
  const c = body[paragraph.start];
  return mark === "double" ? c === "“" || c === '"' || c === "„" || c === "«" || c === "”" : c === "‘" || c === "'";
}

export function findQuoteParts(body: string, paragraphs: Paragraph[]): QuotePart[] {
  const parts: QuotePart[] = [];
  let group = 0;
  let carry = false;
  const emit = (open: number, close: number | null, p: Paragraph, mark: "double" | "single", continues: boolean) => {
    let s = open + 1;
    let e = close ?? p.end;
    while (s < e && /\s/.test(body[s]!)) s++;
    while (e > s && /\s/.test(body[e - 1]!)) e--;
    const continued = carry && open === p.start;
    if (!continued) group++;
    if (e > s) parts.push({ start: s, end: e, open, close, paragraph: p.index, mark, continues, continued, group });
    carry = continues;
  };
  for (let pi = 0; pi < paragraphs.length; pi++) {
    const p = paragraphs[pi]!;
    let dOpen = -1;
    let sOpen = -1;
    if (!(startsWithOpener(body, p, "double") || startsWithOpener(body, p, "single"))) carry = false;
    for (let i = p.start; i < p.end; i++) {
      const code = body.charCodeAt(i);
      // fast skip: every quote mark is '"' (34), "'" (39), « » (171, 187) or a typographic mark above 8000
      if (code !== 34 && code !== 39 && code !== 171 && code !== 187 && code < 8000) continue;
      const c = body[i]!;
      const prev = i > p.start ? body[i - 1] : undefined;
      const next = i + 1 < p.end ? body[i + 1] : undefined;
      if (DOUBLE_MARKS.has(c)) {
        if (sOpen !== -1) continue; // nested inside a single-quoted quotation
        const role = doubleRole(prev, next, dOpen !== -1, c);
        if (role === "open") dOpen = i;
        else if (role === "close" && dOpen !== -1) {
          emit(dOpen, i, p, "double", false);
          dOpen = -1;
        }
      } else if (SINGLE_MARKS.has(c) && dOpen === -1) {
        const role = singleRole(prev, next, c);
        if (role === "open") sOpen = i;
        else if (role === "close" && sOpen !== -1) {
          emit(sOpen, i, p, "single", false);
          sOpen = -1;
        }
      }
    }
    const nextParagraph = paragraphs[pi + 1];
    if (dOpen !== -1) emit(dOpen, null, p, "double", startsWithOpener(body, nextParagraph, "double"));
    else if (sOpen !== -1 && startsWithOpener(body, nextParagraph, "single")) emit(sOpen, null, p, "single", true);
    else carry = false;
  }
  return parts;
}

export type QuoteShape = "quotation" | "fragment";

/**
 * A quotation reproduces a clause someone said; a fragment is a term or short
 * phrase held in quotes. Quotes that stand as the complement of a speech verb
 * ("said: “…”", "“…,” she said") are quotations once they have two words;
 * quotes embedded mid-clause need five words and a finite verb, otherwise they
 * are fragments (scare quotes, titles, or a few borrowed words).
 */
export function quoteShape(text: string, standalone: boolean, wordBefore: string): QuoteShape {
  const count = words(text).length;
  if (standalone) return count >= 2 ? "quotation" : "fragment";
  return count >= 5 && hasFiniteVerb(text, wordBefore) ? "quotation" : "fragment";
}
