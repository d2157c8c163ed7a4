/** The shapes shared by every step of an import; no logic lives here. */

export type ImportFormat = "text" | "html" | "markdown";

export type PrepareOptions = {
  /** where the article came from; relative canonical links resolve against it, its domain hints at the outlet */
  url?: string | null;
  /** the uploaded file's name; a fallback title when nothing better is found */
  fileName?: string | null;
};

export type RemovalReason =
  | "breadcrumb"
  | "headline"
  | "interface"
  | "navigation"
  | "copyright"
  | "after-story"
  | "hashtags"
  | "comments"
  | "ad"
  | "share"
  | "newsletter"
  | "read-more"
  | "related"
  | "wire-end"
  | "email"
  | "byline"
  | "dateline"
  | "translation-note"
  | "caption"
  | "image"
  | "markup"
  | "cookie-banner"
  | "footer"
  | "header"
  | "script"
  | "not-article";

/** A line or block taken out of the body, and why. */
export type RemovedLine = { line: string; reason: RemovalReason };

export type PublishedPrecision = "date" | "minute";

export type ArticleMetadata = {
  title: string | null;
  outlet: string | null;
  byline: string | null;
  url: string | null;
  /** ISO 8601 with offset, e.g. "2024-11-04T18:35:00+09:00" */
  publishedAt: string | null;
  /** "date" when only the day is known (the time is then 00:00) */
  publishedPrecision: PublishedPrecision | null;
  /** "en", "ko", ... */
  language: string | null;
  translationNote: string | null;
  caption: string | null;
};

export type PreparedArticle = {
  /** clean text: trimmed NFC paragraphs separated by exactly one blank line */
  body: string;
  removed: RemovedLine[];
  metadata: ArticleMetadata;
};
