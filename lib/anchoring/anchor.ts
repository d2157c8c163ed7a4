/** Characters of context kept on each side of a quote so it can be found again after edits. */
export const CONTEXT_LENGTH = 32;

export type Anchor = {
  start: number;
  end: number;
  quote: string;
  prefix: string;
  suffix: string;
};

/** The anchor of body[start, end): offsets are UTF-16 code units, as String#slice counts. */
export function anchorAt(body: string, start: number, end: number): Anchor {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > body.length || end <= start) {
    throw new RangeError(`range ${start}..${end} is not inside a body of ${body.length} characters`);
  }
  return {
    start,
    end,
    quote: body.slice(start, end),
    prefix: body.slice(Math.max(0, start - CONTEXT_LENGTH), start),
    suffix: body.slice(end, end + CONTEXT_LENGTH),
  };
}

/** Every start offset at which quote occurs in body. */
export function occurrencesOf(body: string, quote: string): number[] {
  const found: number[] = [];
  if (!quote) return found;
  for (let at = body.indexOf(quote); at !== -1; at = body.indexOf(quote, at + 1)) found.push(at);
  return found;
}

/**
 * Anchor a quote known by its text alone. An ambiguous quote needs the
 * 1-based occurrence to pick; a missing one is an error, never a guess.
 */
export function anchorQuote(body: string, quote: string, occurrence?: number): Anchor {
  const hits = occurrencesOf(body, quote);
  if (hits.length === 0) throw new Error(`quote not found in body: "${quote.slice(0, 60)}"`);
  if (hits.length > 1 && occurrence === undefined) {
    throw new Error(`quote occurs ${hits.length} times; say which: "${quote.slice(0, 60)}"`);
  }
  const start = hits[(occurrence ?? 1) - 1];
  if (start === undefined) throw new Error(`quote has no occurrence ${occurrence}`);
  return anchorAt(body, start, start + quote.length);
}
