/**
 * A reviewer's search text as full-text expressions, never as FTS5 syntax:
 * every word becomes a quoted FTS5 string (its quotes doubled), so AND, OR,
 * NEAR, `*`, `^`, brackets and column filters in the input are only words.
 *
 * Each word is routed to the index that can find it:
 * - a word in a spaced script (English, French, …) goes to the word index
 *   (unicode61 under English stems, migration 0009), diacritics folded on
 *   both sides ("Chóe" finds "Choe"). A word of the desk (one the index
 *   holds, stemmed as the index stems it) is searched as that one token,
 *   which finds its inflections too ("missiles" finds "missile", "arriv"
 *   finds "arrived"); a word the desk does not hold (half typed: "Pyong") is
 *   searched as the beginning of words. An exact token costs FTS5 one
 *   doclist; a prefix, every doclist of every token that begins so;
 * - Korean, Chinese and Japanese words of three characters or more go to the
 *   trigram index, as substrings (Korean runs particles into the word:
 *   "외무상은" holds "외무상");
 * - a two-character Korean word is shorter than a trigram: it goes to the
 *   unicode61 index as the beginning of a word (unicode61 keeps Hangul
 *   words whole, and a Korean noun sits at the start of its word, before its
 *   particle: "북한" finds "북한의" and "북한은").
 *
 * A run of words that names a speaker (a name or an alias) also searches the
 * speaker's other names: "Choe Moscow" finds "Choi arrived in Moscow".
 */
export const MAX_QUERY_LENGTH = 300;
export const MAX_TERMS = 12;

/** Results a kind shows: 5 unless asked, 1 to 50. */
export const resultLimit = (asked: number | undefined) => Math.min(Math.max(asked ?? 5, 1), 50);

export type Term = { text: string; route: "word" | "trigram"; prefix: boolean };
/** Which of these words (spaced-script words, as typed) are words the desk's index holds. */
export type WordLookup = (words: string[]) => Set<string>;
/** Terms that must all match; a group matches when any of its alternatives does (a speaker's names). */
export type QueryPart = { kind: "term"; term: Term } | { kind: "names"; said: string; names: string[] };
export type ParsedQuery = { parts: QueryPart[]; words: string[] };

const UNSPACED = /[\p{Script=Hangul}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
const WORDISH = /[\p{L}\p{N}]/u;

/** An FTS5 string: the text in double quotes, its own double quotes doubled. */
export const ftsString = (text: string) => `"${text.replace(/"/g, '""')}"`;

function termOf(word: string, phrase: boolean, known: Set<string>): Term | null {
  const text = word.normalize("NFC").trim();
  if (!WORDISH.test(text)) return null;
  if (UNSPACED.test(text)) {
    const length = [...text].length;
    return length >= 3 ? { text, route: "trigram", prefix: false } : { text, route: "word", prefix: true };
  }
  // one Latin letter matches half the desk and says nothing
  if (!phrase && [...text.replace(/[^\p{L}\p{N}]/gu, "")].length < 2) return null;
  return { text, route: "word", prefix: !phrase && !known.has(text) };
}

/** The words that could be searched as whole tokens: spaced-script words, not phrases, of two letters or more. */
const candidateWord = (w: { text: string; phrase: boolean }) => !w.phrase && !UNSPACED.test(w.text) && /^[\p{L}\p{N}]{2,}$/u.test(w.text.normalize("NFC").trim());

/** Words and "quoted phrases" of the input; an unbalanced quote is only a character. */
export function splitWords(raw: string): Array<{ text: string; phrase: boolean }> {
  const out: Array<{ text: string; phrase: boolean }> = [];
  // brackets, carets, stars and colons are query syntax elsewhere, never part of a word here
  const text = raw.normalize("NFC").replace(/[()[\]{}^*:]/g, " ");
  const quotes = (text.match(/"/g) ?? []).length;
  const re = quotes >= 2 ? /"([^"]+)"|(\S+)/g : /(\S+)/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (quotes >= 2 && m[1] !== undefined) out.push({ text: m[1], phrase: true });
    else out.push({ text: (m[quotes >= 2 ? 2 : 1] ?? "").replace(/"/g, ""), phrase: false });
  }
  return out.filter((w) => w.text.trim());
}

export type NameLookup = (keys: string[]) => Map<string, { said: string; names: string[] }>;

/**
 * The parts of a query. `lookup` answers, for the lookup keys of runs of up
 * to four words, which name the desk's speakers (and all their names); the
 * longest run wins. `known` answers which words the index holds (searched
 * whole, with their inflections); without it every word is a prefix.
 */
export function parseQuery(
  raw: string,
  lookup: NameLookup,
  key: (s: string) => string,
  known: WordLookup = () => new Set(),
): { ok: true; query: ParsedQuery } | { ok: false; message: string } {
  if (raw.length > MAX_QUERY_LENGTH) return { ok: false, message: `Search for at most ${MAX_QUERY_LENGTH} characters.` };
  const words = splitWords(raw).slice(0, MAX_TERMS * 2);
  const runs: string[] = [];
  for (let i = 0; i < words.length; i++) {
    for (let n = 1; n <= 4 && i + n <= words.length; n++) {
      if (words.slice(i, i + n).some((w) => w.phrase)) break;
      runs.push(key(words.slice(i, i + n).map((w) => w.text).join(" ")));
    }
  }
  const speakers = lookup([...new Set(runs.filter(Boolean))]);
  // each run of words that names a speaker, else each word on its own
  const pieces: Array<QueryPart | { kind: "word"; word: { text: string; phrase: boolean } }> = [];
  for (let i = 0; i < words.length; ) {
    let matched = 0;
    for (let n = Math.min(4, words.length - i); n >= 1 && !matched; n--) {
      const run = words.slice(i, i + n);
      if (run.some((w) => w.phrase)) continue;
      const found = speakers.get(key(run.map((w) => w.text).join(" ")));
      if (found) {
        pieces.push({ kind: "names", said: run.map((w) => w.text).join(" "), names: found.names });
        matched = n;
      }
    }
    if (!matched) pieces.push({ kind: "word", word: words[i]! });
    i += matched || 1;
  }
  // one question to the index for every word that could be a word of the desk
  const candidates = pieces.flatMap((p) => (p.kind === "word" && candidateWord(p.word) ? [p.word.text.normalize("NFC").trim()] : []));
  const wordsOfDesk = candidates.length ? known([...new Set(candidates)]) : new Set<string>();
  const parts: QueryPart[] = [];
  for (const piece of pieces) {
    if (piece.kind !== "word") parts.push(piece);
    else {
      const term = termOf(piece.word.text, piece.word.phrase, wordsOfDesk);
      if (term) parts.push({ kind: "term", term });
    }
  }
  return { ok: true, query: { parts: parts.slice(0, MAX_TERMS), words: words.map((w) => w.text) } };
}

/**
 * parseQuery with lookups that are awaited (the database's): a first parse
 * collects the runs and words it would ask about, both questions are asked,
 * and a second parse gets the answers. Every word that could be a word of
 * the desk is asked, those of a speaker's name too; the parse is the same.
 */
export async function parseQueryAsking(
  raw: string,
  lookup: (keys: string[]) => Promise<ReturnType<NameLookup>>,
  key: (s: string) => string,
  known: (words: string[]) => Promise<Set<string>>,
): Promise<ReturnType<typeof parseQuery>> {
  const asked = { keys: new Set<string>(), words: new Set<string>() };
  const first = parseQuery(
    raw,
    (keys) => (keys.forEach((k) => asked.keys.add(k)), new Map()),
    key,
    (words) => (words.forEach((w) => asked.words.add(w)), new Set()),
  );
  if (!first.ok) return first;
  const speakers = await lookup([...asked.keys]);
  const wordsOfDesk = asked.words.size ? await known([...asked.words]) : new Set<string>();
  return parseQuery(raw, () => speakers, key, () => wordsOfDesk);
}

/**
 * Which of a speaker's names the word index is asked: those in spaced
 * scripts when there are any (a Hangul name is whole in the index, where the
 * particle after it would hide it), else all of them.
 */
export function namesToSearch(names: string[]): string[] {
  const latin = names.filter((n) => !UNSPACED.test(n));
  return [...new Set(latin.length ? latin : names)];
}

/**
 * The expression for each index: the unicode61 one gets the word terms and
 * the speakers' names, the trigram one the substrings. Either may be null
 * (nothing for that index); a query with neither matches nothing.
 */
export function expressions(query: ParsedQuery): { word: string | null; trigram: string | null } {
  const word: string[] = [];
  const trigram: string[] = [];
  for (const part of query.parts) {
    if (part.kind === "names") word.push(`(${namesToSearch(part.names).map(ftsString).join(" OR ")})`);
    else if (part.term.route === "trigram") trigram.push(ftsString(part.term.text));
    else word.push(`${ftsString(part.term.text)}${part.term.prefix ? "*" : ""}`);
  }
  return { word: word.length ? word.join(" AND ") : null, trigram: trigram.length ? trigram.join(" AND ") : null };
}
