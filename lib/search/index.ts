import "server-only";
import { searchDesk, speakersNamed, wordsOfDesk, SEARCH_KINDS, type SearchKind, type SearchResults } from "@/db/queries/search";
import { getPool } from "@/db/client";
import { onPostgres } from "@/db/engine";
import { searchEverythingPg } from "@/db/pg/search";
import { fail, ok, type Result } from "@/lib/result";
import { nameKey } from "@/lib/text/name-key";
import { expressions, parseQueryAsking, resultLimit } from "./query";
import { highlighterOf } from "./snippet";

export { SEARCH_KINDS, type SearchKind, type SearchResults } from "@/db/queries/search";
export { MARK_CLOSE, MARK_OPEN } from "./marks";

const EMPTY: SearchResults = { claims: [], sources: [], speakers: [], verdicts: [] };

/**
 * The desk's one search: the text parsed into words routed to the index that
 * can find them (a word of the desk whole, with its inflections; anything else
 * as the beginning of words), a speaker's other names added, each kind ranked. Bad input
 * is refused with a message (too long); text with no searchable word in it
 * finds nothing.
 */
export async function searchEverything(
  text: string,
  options: { kinds?: readonly SearchKind[]; limit?: number } = {},
): Promise<Result<SearchResults & { query: string }>> {
  // PostgreSQL's search has the same parse, scorer and shapes over its own indexes (tsvector, pg_trgm)
  if (onPostgres()) return searchEverythingPg(getPool(), text, options);
  const parsed = await parseQueryAsking(text, speakersNamed, nameKey, wordsOfDesk);
  if (!parsed.ok) return fail("invalid", parsed.message, { q: parsed.message });
  const e = { ...expressions(parsed.query), highlight: highlighterOf(parsed.query) };
  if (!e.word && !e.trigram) return ok({ ...EMPTY, query: text });
  const results = await searchDesk(e, { kinds: options.kinds ?? SEARCH_KINDS, limit: resultLimit(options.limit) });
  return ok({ ...results, query: text });
}
