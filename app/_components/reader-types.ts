import type { ClaimStatus, ClaimType } from "@/db/schema";

/** A claim as the reader shows it. */
export type ReaderClaim = {
  id: number;
  quote: string;
  type: ClaimType;
  status: ClaimStatus;
  version: number;
  /** the source text changed and the quote could not be found again */
  orphaned: boolean;
  proposition: string | null;
  resolvesOn: string | null;
  speaker: { id: number; name: string };
};

/** One verdict in a claim's history. */
export type ReaderVerdict = {
  id: number;
  claimId: number;
  status: ClaimStatus;
  rationale: string;
  createdAt: string;
  reviewer: string;
};

/** A claim the desk suggests in the article: not a claim until a reviewer accepts it. */
export type ReaderSuggestion = {
  id: number;
  quote: string;
  start: number;
  end: number;
  kind: "quotation" | "reported";
  type: ClaimType;
  speakerName: string | null;
  speakerId?: number;
  speakerDescription: string | null;
  resolvesOn?: string;
  resolvesRange?: { from: string; to: string };
  cue?: string;
  confidence: number;
  why: string;
};
