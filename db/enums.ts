/** The enums live here once, for both engines' schemas; CHECK constraints and zod schemas are built from them. */
export const ROLES = ["admin", "reviewer", "viewer"] as const;
export const SPEAKER_KINDS = ["person", "organization"] as const;
export const CLAIM_TYPES = ["statement", "prediction", "statistic", "attribution"] as const;
export const CLAIM_STATUSES = ["pending", "corroborated", "contradicted"] as const;
export const STANCES = ["supports", "refutes", "context"] as const;
export const PUBLISHED_PRECISIONS = ["date", "minute"] as const;
export const IMPORT_FORMATS = ["text", "html", "markdown"] as const;
export const SUGGESTION_KINDS = ["quotation", "reported"] as const;
export const SUGGESTION_STATES = ["open", "accepted", "dismissed"] as const;

export type Role = (typeof ROLES)[number];
export type SpeakerKind = (typeof SPEAKER_KINDS)[number];
export type ClaimType = (typeof CLAIM_TYPES)[number];
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];
export type Stance = (typeof STANCES)[number];
export type ImportFormat = (typeof IMPORT_FORMATS)[number];
export type SuggestionKind = (typeof SUGGESTION_KINDS)[number];
export type SuggestionState = (typeof SUGGESTION_STATES)[number];
