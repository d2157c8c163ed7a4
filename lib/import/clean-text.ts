/**
 * Walks an article's lines once, deciding for each whether it is story or
 * furniture (see text-rules.ts), and collects what the furniture says about
 * the article: title, byline, dates, caption, translation note, copyright
 * owner. Page structure matters too: a copyright or comment widget after the
 * story ends it, and a "Related" heading opens a list of headlines.
 */
import { readByline } from "./bylines";
import { hangulShare, hasHangul, isBullet, isStoryLike, mostlyHangulLine, wordCount } from "./line-shape";
import type { DateParts } from "./published-date";
import * as rules from "./text-rules";
import { readTimestampLine } from "./timestamp-lines";
import type { RemovalReason, RemovedLine } from "./types";

/** A paragraph as lines; lines of one block are kept together with "\n". */
export type Block = string[];

export type CleanTextOptions = {
  /** a title known from elsewhere (HTML metadata, a Markdown heading): repeats of it are dropped */
  title: string | null;
  /** take the first line that looks like a headline as the title (plain text) */
  findTitle: boolean;
};

export type TextFindings = {
  title: string | null;
  byline: string | null;
  published: DateParts | null;
  translationNote: string | null;
  captions: string[];
  copyrightOwner: string | null;
  /** furniture in Hangul was removed: a Korean publisher's page */
  hangulFurniture: boolean;
};

export type CleanTextResult = { paragraphs: string[]; removed: RemovedLine[]; findings: TextFindings };

type Item = { block: number; line: string; reason: RemovalReason | null };

type Verdict = { reason: RemovalReason; ends?: boolean; opensRelated?: boolean };

type Found = {
  byline: string | null;
  bylineDate: DateParts | null;
  published: DateParts | null;
  plainDate: DateParts | null;
  translationNote: string | null;
  captions: string[];
  copyrightOwner: string | null;
};

/** The furniture rules in the order they are tried; the first that fits decides. */
function classify(line: string, korean: boolean, found: Found): Verdict | null {
  if (rules.isCopyright(line)) return { reason: "copyright", ends: true };
  if (rules.isCommentWidget(line)) return { reason: "comments", ends: true };
  const note = rules.readTranslationNote(line);
  if (note) {
    found.translationNote ??= note;
    return { reason: "translation-note" };
  }
  // every timestamp line has a digit; the cheap test spares the date reader most lines
  const stamp = /\d/.test(line) ? readTimestampLine(line) : null;
  if (stamp) {
    // a labelled date ("Published: …") is the publication date; a bare timestamp may be anything
    if (stamp.published && /^\d/.test(line)) found.plainDate ??= stamp.published;
    else if (stamp.published) found.published ??= stamp.published;
    return { reason: "dateline" };
  }
  // lines mostly in Hangul in an English edition are the portal's interface, not the story
  if (rules.isKoreanInterface(line) || (!korean && mostlyHangulLine(line))) return { reason: "interface" };
  if (rules.readBreadcrumb(line)) return { reason: "breadcrumb" };
  if (rules.isHashtagLine(line)) return { reason: "hashtags" };
  if (rules.isCookieBanner(line)) return { reason: "cookie-banner" };
  if (rules.isNavigation(line)) return { reason: "navigation" };
  if (rules.isAd(line)) return { reason: "ad" };
  if (rules.isShareBar(line)) return { reason: "share" };
  if (rules.isNewsletterPitch(line)) return { reason: "newsletter" };
  if (rules.isReadMore(line)) return { reason: "read-more" };
  if (rules.isRelatedHeading(line)) return { reason: "related", opensRelated: true };
  if (rules.isRelatedInline(line)) return { reason: "related" };
  if (rules.isWireEnd(line)) return { reason: "wire-end" };
  if (rules.isEmailLine(line)) return { reason: "email" };
  // bylines open with "By", or carry a date, a role after a comma, an e-mail or "기자"
  const byline = /^by\b|[\d,@]|기자$/i.test(line) ? readByline(line) : null;
  if (byline) {
    found.byline ??= byline.name;
    if (byline.date) found.bylineDate ??= byline.date;
    return { reason: "byline" };
  }
  if (rules.isCaption(line)) {
    found.captions.push(line);
    return { reason: "caption" };
  }
  return null;
}

/**
 * A line under a "Related" heading that may be one of its headlines. A line
 * that reads as a sentence (closed, eight words or more) or quotes someone is
 * the story resuming, and ends the list.
 */
function isHeadlineLike(line: string): boolean {
  if (line.length > 160 || isStoryLike(line) || /\b(?:said|says|told|according to)\b/i.test(line)) return false;
  return !(wordCount(line) >= 8 && /[.!?"”’]$/u.test(line));
}

/** A headline: short, and not a long sentence. */
function looksLikeTitle(line: string): boolean {
  const words = wordCount(line);
  return line.length <= 250 && words <= 30 && !isBullet(line) && !(words > 16 && /[.!?]$/.test(line));
}

const sameText = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/**
 * A copyright line mid-page can be a photo credit. If real paragraphs follow
 * it before any comment widget, the story has not ended.
 */
function storyFollows(items: Item[], from: number): boolean {
  let stories = 0;
  for (let i = from + 1; i < items.length && i <= from + 60; i++) {
    const line = items[i]!.line;
    if (rules.isCommentWidget(line) || rules.isCopyright(line)) break;
    if (isStoryLike(line) && !isBullet(line) && ++stories >= 2) return true;
  }
  return false;
}

/**
 * Three or more short bullet lines closing the page are a headline list,
 * unless the story introduced them ("…the council's plans:").
 */
function dropTrailingBulletList(items: Item[]): void {
  const kept = items.filter((item) => item.reason === null);
  let start = kept.length;
  while (start > 0 && isBullet(kept[start - 1]!.line) && kept[start - 1]!.line.length <= 200 && !isStoryLike(kept[start - 1]!.line)) start--;
  if (kept.length - start < 3) return;
  if (start > 0 && /:$/.test(kept[start - 1]!.line)) return;
  for (const item of kept.slice(start)) item.reason = "related";
}

const nothingFound = (): Found => ({
  byline: null, bylineDate: null, published: null, plainDate: null, translationNote: null, captions: [], copyrightOwner: null,
});

/** The furniture rule one line falls under, out of context: names what another step dropped. */
export function furnitureReason(line: string): RemovalReason | null {
  return classify(line, false, nothingFound())?.reason ?? null;
}

export function cleanText(blocks: Block[], options: CleanTextOptions): CleanTextResult {
  const items: Item[] = blocks.flatMap((lines, block) => lines.map((line) => ({ block, line, reason: null })));
  const korean = hangulShare(items.map((i) => i.line).join(" ")) > 0.5;
  const found = nothingFound();
  let title = options.title;
  let seekingTitle = options.findTitle && !title;
  let ended = false;
  let relatedRun = 0;
  let storyLines = 0;

  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    const { line } = item;
    if (ended) {
      item.reason = "after-story";
      continue;
    }
    if (seekingTitle) {
      const crumbs = rules.readBreadcrumb(line);
      if (crumbs) {
        item.reason = "breadcrumb";
        const last = crumbs.at(-1)!;
        if (wordCount(last) >= 3) {
          title = last;
          seekingTitle = false;
        }
        continue;
      }
      const verdict = classify(line, korean, found);
      if (verdict) {
        item.reason = verdict.reason;
        continue;
      }
      seekingTitle = false;
      // a lone line is the story itself, not a headline over nothing
      if (looksLikeTitle(line) && i < items.length - 1) {
        title = line;
        item.reason = "headline";
        continue;
      }
    }
    if (title && sameText(line, title)) {
      item.reason = "headline";
      continue;
    }
    const verdict = classify(line, korean, found);
    if (verdict) {
      item.reason = verdict.reason;
      relatedRun = verdict.opensRelated ? 15 : relatedRun;
      // furniture that closes a page ends the story only once the story has begun
      if (verdict.ends && storyLines > 0 && !(verdict.reason === "copyright" && storyFollows(items, i))) {
        ended = true;
        // only the notice that closes the page names the publisher; one mid-page credits a photo agency
        if (verdict.reason === "copyright") found.copyrightOwner ??= rules.copyrightOwner(line);
      }
      continue;
    }
    if (relatedRun > 0 && isHeadlineLike(line)) {
      relatedRun--;
      item.reason = "related";
      continue;
    }
    relatedRun = 0;
    storyLines++;
  }
  dropTrailingBulletList(items);

  const kept = new Map<number, string[]>();
  for (const item of items) {
    if (item.reason !== null) continue;
    const lines = kept.get(item.block);
    if (lines) lines.push(item.line);
    else kept.set(item.block, [item.line]);
  }
  const paragraphs = [...kept.values()].map((lines) => lines.join("\n").trim()).filter(Boolean);
  const removed = items.filter((i) => i.reason !== null).map((i) => ({ line: i.line, reason: i.reason! }));

  return {
    paragraphs,
    removed,
    findings: {
      title,
      byline: found.byline,
      published: found.published ?? found.bylineDate ?? found.plainDate,
      translationNote: found.translationNote,
      captions: found.captions,
      copyrightOwner: found.copyrightOwner,
      hangulFurniture: removed.some((r) => hasHangul(r.line)),
    },
  };
}
