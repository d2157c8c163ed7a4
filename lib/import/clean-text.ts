/**
 * Walks an article's lines once, deciding for each whether it is story or
 * furniture (see text-rules.ts), and collects what the furniture says about
 * the article: title, byline, dates, caption, translation note, copyright
 * owner. Page structure matters too: a copyright or comment widget after the
 * story ends it, and a "Related" heading opens a list of headlines.
 */
import { readByline } from "./bylines";
import { hangulShare, hasHangul, isBullet, isStoryLike, mostlyHangulLine, wordCount } from "./line-shape";
import { isKnownOutlet } from "./outlets";
import { parseDateText, type DateParts } from "./published-date";
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
  /** the newsletter's name, from its sign-off or tagline ("Thanks for reading The Rate Sheet!") */
  newsletterName: string | null;
  /** the site's name printed over the headline ("7 News Detroit", "Yonhap News Agency") */
  brand: string | null;
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
  updated: DateParts | null;
  translationNote: string | null;
  captions: string[];
  copyrightOwner: string | null;
  newsletterName: string | null;
  brand: string | null;
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
    // "Updated 9:47 PM EDT, March 13, 2025" says when the page last changed, not when it was
    // published; it stands in for the publication time only when the page gives no other
    // (see cleanText's findings), which is better than no date for a wire page that prints only that
    if (stamp.updated) found.updated ??= stamp.updated;
    return { reason: "dateline" };
  }
  // a live blog's entry time alone on its line ("16.20 BST"): no date, nothing to read but the zone
  if (/\d/.test(line) && rules.readTimeOnly(line) !== null) return { reason: "dateline" };
  // lines mostly in Hangul in an English edition are the portal's interface, not the story
  if (rules.isKoreanInterface(line) || (!korean && mostlyHangulLine(line))) return { reason: "interface" };
  if (rules.readBreadcrumb(line)) return { reason: "breadcrumb" };
  if (rules.isHashtagLine(line)) return { reason: "hashtags" };
  if (rules.isSeparator(line)) return { reason: "markup" };
  if (rules.isCookieBanner(line)) return { reason: "cookie-banner" };
  if (rules.isNavigation(line)) return { reason: "navigation" };
  if (rules.isAd(line)) return { reason: "ad" };
  if (rules.isShareBar(line)) return { reason: "share" };
  if (rules.isNewsletterPitch(line)) return { reason: "newsletter" };
  const letter = rules.readNewsletterLine(line);
  if (letter) {
    found.newsletterName ??= letter.name;
    return { reason: "newsletter" };
  }
  const action = rules.callToAction(line);
  if (action) return { reason: action };
  if (rules.isReadMore(line) || rules.isCoveragePointer(line)) return { reason: "read-more" };
  if (rules.isRelatedHeading(line)) return { reason: "related", opensRelated: true };
  if (rules.isRelatedInline(line)) return { reason: "related" };
  // "(END)" closes the story: headline-shaped lines after it (tags, related stories) are the page's
  // foot and go as a related run, which the first sentence-like line stops (a paste of two stories)
  if (rules.isWireEnd(line)) return { reason: "wire-end", opensRelated: rules.isWireEndMark(line) };
  if (rules.isEmailLine(line) || rules.isContactLine(line)) return { reason: "email" };
  const picture = rules.readPictureLabel(line);
  if (picture) {
    // "Image caption, …" is the caption; "Image source, Getty Images" only credits the picture
    if (picture.kind === "caption") found.captions.push(picture.text);
    return { reason: "caption" };
  }
  // an embedded post's credit, "— Name (@handle) July 15, 2025": the embed's markup, not the story
  const embedTail = rules.readEmbedCredit(line);
  if (embedTail !== null && (embedTail === "" || parseDateText(embedTail))) return { reason: "markup" };
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
  byline: null, bylineDate: null, published: null, plainDate: null, updated: null, translationNote: null, captions: [],
  copyrightOwner: null, newsletterName: null, brand: null,
});

// Words outlets put in their names. A masthead line must hold one (or be a known outlet).
const BRAND_WORD =
  /\b(?:news|times|post|herald|journal|tribune|gazette|daily|press|agency|radio|tv|television|channel|chronicle|telegraph|observer|ledger|sentinel|courier|examiner|inquirer|star|standard|guardian|independent|mirror|express|mail|weekly|wire|network|broadcasting|media|magazine|bulletin|dispatch|register|globe|monitor|insider)\b/i;
const CAPITALISED_WORD = /^(?:\p{Lu}|\d|&)/u;

/**
 * The site's name printed over the headline, as a paste of a whole page gives it:
 * "Yonhap News Agency", "7 News Detroit". Only near the top (the caller checks), short,
 * every word capitalised, and either an outlet the desk knows or a name with an outlet
 * word in it that the page repeats inside another line ("…told 7 News Detroit.",
 * "Download the … 7 News Detroit app"). A headline is not repeated inside other lines.
 */
function isBrandLine(items: Item[], i: number): boolean {
  const line = items[i]!.line;
  if (i >= items.length - 1 || line.length > 40 || /[.!?:;,"“”‘’]$/u.test(line)) return false;
  if (isKnownOutlet(line)) return true;
  const words = line.split(" ");
  if (words.length > 5 || !words.every((w) => CAPITALISED_WORD.test(w)) || !BRAND_WORD.test(line)) return false;
  for (let j = 0; j < items.length && j < 2000; j++) {
    const other = items[j]!.line;
    if (j !== i && other.length > line.length && other.includes(line)) return true;
  }
  return false;
}

// One or two capitalised words: a menu item or a section label ("National", "Local News").
const LABEL_WORD = /^(?:\p{Lu}[\p{L}'’-]{0,20}|&)$/u;

function isMenuLabel(line: string): boolean {
  if (line.length > 25) return false;
  const words = line.split(" ");
  return words.length <= 2 && words.every((w) => LABEL_WORD.test(w));
}

/**
 * Above the headline, a short capitalised line is a section label or a menu item when
 * a headline follows it: the next line that is neither another label nor furniture must
 * itself read as a headline of four words or more, not a sentence. A two-word headline
 * over its story ("Dam opens" / "The dam opened on Monday.") stays the title.
 */
function headlineFollows(items: Item[], i: number): boolean {
  for (let j = i + 1; j < items.length && j <= i + 12; j++) {
    const next = items[j]!.line;
    if (isMenuLabel(next) || furnitureReason(next) !== null) continue;
    return looksLikeTitle(next) && wordCount(next) >= 4 && !/[.!?]$/.test(next);
  }
  return false;
}

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
      // the site's masthead over the headline is the outlet, not the title
      if (i < 8 && isBrandLine(items, i)) {
        item.reason = "header";
        found.brand ??= line;
        continue;
      }
      // a section label or the site's menu above the headline
      if (isMenuLabel(line) && headlineFollows(items, i)) {
        item.reason = "navigation";
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
      // an "Updated" time only when nothing else dates the page (see classify)
      published: found.published ?? found.bylineDate ?? found.plainDate ?? found.updated,
      translationNote: found.translationNote,
      captions: found.captions,
      copyrightOwner: found.copyrightOwner,
      newsletterName: found.newsletterName,
      brand: found.brand,
      hangulFurniture: removed.some((r) => hasHangul(r.line)),
    },
  };
}
