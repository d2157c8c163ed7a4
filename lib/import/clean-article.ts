/**
 * The seed's older door to the cleaner, kept so seed/seed-desk.ts and its
 * tests read the same shape as before. It is prepareArticle on plain text;
 * the rules themselves live in text-rules.ts and clean-text.ts.
 */
import { prepareArticle } from "./prepare";
import type { RemovalReason, RemovedLine } from "./types";

export type { RemovalReason } from "./types";

export type CleanedArticle = {
  title: string;
  body: string;
  byline: string | null;
  /** local wall-clock time as written, "YYYY-MM-DDTHH:MM", when the text gives one */
  publishedLocal: string | null;
  translationNote: string | null;
  caption: string | null;
  /** every line taken out of the body, with why */
  removed: Array<{ line: string; reason: RemovalReason }>;
};

export function cleanArticle(raw: string): CleanedArticle {
  const { body, removed, metadata } = prepareArticle(raw, "text");
  // the ISO string keeps the text's own offset, so its first 16 characters are the wall-clock time as written
  const publishedLocal = metadata.publishedPrecision === "minute" && metadata.publishedAt ? metadata.publishedAt.slice(0, 16) : null;
  return {
    title: metadata.title ?? "",
    body,
    byline: metadata.byline,
    publishedLocal,
    translationNote: metadata.translationNote,
    caption: metadata.caption,
    removed: removed satisfies RemovedLine[],
  };
}
