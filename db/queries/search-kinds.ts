/** The kinds of result one search returns, in the order the page shows them. */
export const SEARCH_KINDS = ["claims", "sources", "speakers", "verdicts"] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];
