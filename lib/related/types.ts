/**
 * The shapes relateClaims reads and returns. Candidates come from the
 * retrieval side (FTS5 BM25 over quotes and propositions, plus claims of the
 * same speaker); this library only scores and explains them.
 */
export type RelatedInput = {
  id: number;
  sourceId: number;
  quote: string;
  proposition: string | null;
  type: string;
  speaker: { id: number; name: string; aliases: string[] };
  /** publishedAt: ISO with the publisher's offset; dates in the text resolve against its date part */
  source: { publishedAt: string; outlet: string };
  resolvesOn?: string | null;
};

/** textScore: SQLite FTS5 bm25(), lower (more negative) is better; absent when the candidate came from elsewhere. */
export type Candidate = RelatedInput & { textScore?: number };

export type ReasonKind = "text" | "speaker" | "entities" | "date" | "numbers";

/** detail is shown to the reviewer as is. */
export type Reason = { kind: ReasonKind; detail: string };

export type RelateOptions = {
  /** nameKey(name or alias) -> canonical name, built by the caller from the desk's speakers and aliases */
  entityAliases?: Map<string, string>;
  /** how many related claims to return at most (default 5) */
  limit?: number;
};

export type RelatedClaim = { claim: Candidate; score: number; reasons: Reason[] };
