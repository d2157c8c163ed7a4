/**
 * The one entry point of the import cleaner: any article, as plain text,
 * HTML or Markdown, becomes a clean body, the list of what was taken out and
 * why, and the article's metadata. Pure: no database, no network.
 */
import { readByline } from "./bylines";
import { cleanText, furnitureReason, type Block } from "./clean-text";
import { readHtml } from "./html";
import { detectLanguage, normaliseLanguage } from "./language";
import { normaliseSpaces } from "./line-shape";
import { readMarkdown } from "./markdown";
import { bylineFromMeta, datelineZone, pickPublished, titleFromFileName, wireAgency, withoutSiteSuffix, withoutWireTag } from "./metadata";
import { canonicalOutlet, isKoreanHost, isKoreanOutlet, outletFromUrl } from "./outlets";
import { readZone, type DateParts } from "./published-date";
import { readPictureLabel, readTimeOnly } from "./text-rules";
import { readTimestampLine } from "./timestamp-lines";
import type { ArticleMetadata, ImportFormat, PrepareOptions, PreparedArticle, RemovedLine } from "./types";

export type { ArticleMetadata, ImportFormat, PrepareOptions, PreparedArticle, RemovalReason, RemovedLine } from "./types";

/** What each format knows before the text rules run. */
type Source = {
  blocks: Block[];
  removed: RemovedLine[];
  title: string | null;
  outlet: string | null;
  byline: string | null;
  url: string | null;
  language: string | null;
  dates: Array<string | DateParts>;
  captions: string[];
};

const empty = (blocks: Block[]): Source => ({
  blocks, removed: [], title: null, outlet: null, byline: null, url: null, dates: [], language: null, captions: [],
});

/**
 * Plain text: one line, one paragraph — except text hard-wrapped at a fixed
 * width (e-mailed copy), whose wrapped lines are joined back into paragraphs.
 */
function textBlocks(text: string): Block[] {
  const lines = text.split("\n").map(normaliseSpaces);
  const filled = lines.filter(Boolean);
  const width = filled.reduce((max, l) => Math.max(max, l.length), 0); // no spread: a paste can have 10⁶ lines
  const continued = lines.filter((l, i) => l && lines[i + 1]);
  const wrapped =
    filled.length >= 8 && width >= 50 && width <= 100 && continued.length >= filled.length / 2 &&
    continued.filter((l) => l.length >= width * 0.6).length >= continued.length * 0.8;
  if (!wrapped) return filled.map((l) => [l]);
  const blocks: Block[] = [];
  let paragraph = "";
  for (const line of lines) {
    if (line) paragraph = paragraph ? `${paragraph} ${line}` : line;
    if (paragraph && (!line || line.length < width * 0.6)) {
      blocks.push([paragraph]);
      paragraph = "";
    }
  }
  if (paragraph) blocks.push([paragraph]);
  return blocks;
}

function fromMarkdown(text: string, url: string | null): Source {
  const md = readMarkdown(text);
  const front = md.frontMatter;
  let frontUrl: string | null = null;
  try {
    frontUrl = front.url ? new URL(front.url, url ?? undefined).href : null;
  } catch {
    frontUrl = null;
  }
  return {
    ...empty(md.blocks),
    removed: md.removed,
    title: md.title ?? front.title ?? null,
    outlet: front.outlet ?? null,
    byline: front.author ?? null,
    url: frontUrl,
    dates: front.date ? [front.date] : [],
    language: front.language ?? null,
    captions: md.captions.slice(0, 1),
  };
}

function fromHtml(text: string, url: string | null): Source {
  const page = readHtml(text, url);
  const meta = page.metadata;
  const outlet = meta.outlet ?? page.readability.siteName;
  const title = meta.title ? withoutSiteSuffix(meta.title, outlet) : null;
  // readability drops the headline and the byline block; say so, and keep what they tell
  const removed = page.removed.map((r): RemovedLine => {
    if (r.reason !== "not-article") return r;
    if (title && r.line.toLowerCase() === title.toLowerCase()) return { ...r, reason: "headline" };
    return { ...r, reason: furnitureReason(r.line) ?? "not-article" };
  });
  const droppedByline = removed.find((r) => r.reason === "byline")?.line;
  const droppedDate = removed.find((r) => r.reason === "dateline")?.line;
  const droppedPublished = droppedDate ? readTimestampLine(droppedDate)?.published : null;
  // a page whose JSON-LD "author" is the newsroom itself ("BBC News") names no writer: that is the outlet
  const notTheOutlet = (name: string | null) => (name && outlet && canonicalOutlet(name) === canonicalOutlet(outlet) ? null : name);
  // the screen-reader label before a caption ("Image caption, Ferry Lane was…") is not the caption
  const caption = meta.caption ? (readPictureLabel(meta.caption)?.text ?? meta.caption) : null;
  return {
    blocks: page.blocks,
    removed,
    title,
    outlet,
    byline:
      notTheOutlet(bylineFromMeta(meta.byline)) ??
      notTheOutlet(bylineFromMeta(page.readability.byline)) ??
      (droppedByline ? notTheOutlet(readByline(droppedByline)?.name ?? null) : null),
    url: meta.url,
    dates: [...meta.dates, page.readability.publishedTime, droppedPublished].filter((d): d is string | DateParts => !!d),
    language: meta.language,
    captions: caption ? [caption] : [],
  };
}

/**
 * The offset a page prints its own times in: the first timestamp line with a zone
 * ("Tue 15 Jul 2025 09.01 BST", "입력 2025/12/03 10:15 KST"), else a live blog's entry
 * time with a zone that does not depend on the day ("16.20 BST").
 */
function pageOffset(removed: RemovedLine[]): string | null {
  const lines = removed.filter((r) => r.reason === "dateline").map((r) => r.line);
  for (const line of lines) {
    const stamp = readTimestampLine(line);
    const offset = stamp?.published?.offset ?? stamp?.updated?.offset;
    if (offset) return offset;
  }
  for (const line of lines) {
    const zone = readTimeOnly(line);
    if (!zone) continue;
    const winter = readZone(zone, 2001, 1, 15);
    if (winter && winter === readZone(zone, 2001, 7, 15)) return winter;
  }
  return null;
}

export function prepareArticle(raw: string, format: ImportFormat, options: PrepareOptions = {}): PreparedArticle {
  const text = raw.normalize("NFC").replace(/\r\n?/g, "\n");
  const url = options.url?.trim() || null;
  const source = format === "html" ? fromHtml(text, url) : format === "markdown" ? fromMarkdown(text, url) : empty(textBlocks(text));

  const cleaned = cleanText(source.blocks, { title: source.title, findTitle: format === "text" });
  const found = cleaned.findings;
  const body = cleaned.paragraphs.join("\n\n").normalize("NFC");
  const pageUrl = source.url ?? url;

  // a newsletter's own name beats its copyright line (which names the writer); the masthead over
  // the headline comes last, after every surer source
  const outlet =
    canonicalOutlet(source.outlet) ??
    canonicalOutlet(found.newsletterName) ??
    canonicalOutlet(found.copyrightOwner) ??
    outletFromUrl(pageUrl) ??
    wireAgency(cleaned.paragraphs[0]) ??
    canonicalOutlet(found.brand);
  const language = normaliseLanguage(source.language) ?? detectLanguage(body);
  // a time without a zone is local: the zone the page prints its times in, else an American
  // dateline's ("WARREN, Mich. (WXYZ) —"), else KST for a Korean publisher, else UTC
  const korean = isKoreanOutlet(outlet) || found.hangulFurniture || isKoreanHost(pageUrl) || language === "ko";
  const allRemoved = [...source.removed, ...cleaned.removed];
  const printedOffset = pageOffset(allRemoved);
  const dateline = cleaned.paragraphs.slice(0, 3).map(datelineZone).find((zone) => zone !== null) ?? null;
  const fallback = (parts: DateParts) => printedOffset ?? dateline?.(parts) ?? (korean ? "+09:00" : "+00:00");
  const published = pickPublished([...source.dates, found.published], fallback, { pageOffset: printedOffset });
  const title = source.title ?? found.title ?? titleFromFileName(options.fileName);

  const metadata: ArticleMetadata = {
    title: title ? withoutWireTag(title) : null,
    outlet,
    byline: bylineFromMeta(source.byline) ?? found.byline,
    url: pageUrl,
    publishedAt: published?.publishedAt ?? null,
    publishedPrecision: published?.publishedPrecision ?? null,
    language,
    translationNote: found.translationNote,
    // a <figcaption> is surer than a line that ends in a credit; in text the credit line is all there is
    caption:
      (format === "html" ? source.captions[0] : null) ?? (found.captions.length ? found.captions.join("\n") : (source.captions[0] ?? null)),
  };
  return { body, removed: allRemoved, metadata };
}
