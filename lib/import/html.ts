/**
 * HTML pages: linkedom gives a server-side DOM, markup-level furniture goes
 * (html-furniture.ts), @mozilla/readability picks the article, sanitize-html
 * keeps only text structure, and the result is turned into paragraphs
 * (block elements → paragraphs, <br> → a line break inside one). The text
 * rules then run over those paragraphs like over any other text.
 */
import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";
import sanitizeHtml from "sanitize-html";
import type { Block } from "./clean-text";
import { blocksFrom, TEXT_TAGS } from "./html-blocks";
import { removeFurniture } from "./html-furniture";
import { readHtmlMetadata, type HtmlMetadata } from "./html-metadata";
import type { RemovedLine } from "./types";

export type HtmlDocument = {
  blocks: Block[];
  removed: RemovedLine[];
  metadata: HtmlMetadata;
  /** what readability itself read, as a last resort for metadata */
  readability: { byline: string | null; siteName: string | null; publishedTime: string | null };
};

/** linkedom reads a fragment badly (its first element becomes the root), so give every input a document. */
function asDocument(raw: string): Document {
  const html = /<html[\s>]/i.test(raw) ? raw : `<!DOCTYPE html><html><head></head><body>${raw}</body></html>`;
  return parseHTML(html).document as unknown as Document;
}

function runReadability(document: Document, url: string | null) {
  if (url) {
    // linkedom has no baseURI; readability resolves the article's links against it
    Object.defineProperty(document, "baseURI", { value: url, configurable: true });
    Object.defineProperty(document, "documentURI", { value: url, configurable: true });
  }
  try {
    return new Readability(document, { charThreshold: 250 }).parse();
  } catch {
    return null; // a page readability cannot read still has a body to fall back on
  }
}

// Real pages nest a few dozen levels deep. Readability's scoring rescans subtrees, which
// turns quadratic on a page nested thousands deep (1,000 <div>s took 10 s); past this
// depth the page is read as plain blocks and only the text rules clean it.
const MAX_DEPTH = 150;

function deeperThan(root: Element, limit: number): boolean {
  const depth = new Map<Element, number>([[root, 0]]);
  for (const el of Array.from(root.querySelectorAll("*"))) {
    const d = (depth.get(el.parentElement ?? root) ?? 0) + 1;
    if (d > limit) return true;
    depth.set(el, d);
  }
  return false;
}

export function readHtml(raw: string, url: string | null): HtmlDocument {
  const document = asDocument(raw);
  const metadata = readHtmlMetadata(document, url);
  const body = document.body;
  if (!body) return { blocks: [], removed: [], metadata, readability: { byline: null, siteName: null, publishedTime: null } };
  const tooDeep = deeperThan(body, MAX_DEPTH);
  const removed = tooDeep ? [] : removeFurniture(document);

  // what the page holds once chrome is gone: the fallback, and the yardstick for what readability drops
  const before = blocksFrom(body);
  const article = tooDeep ? null : runReadability(document, url);
  let blocks = before;
  if (article?.content) {
    const clean = sanitizeHtml(article.content, { allowedTags: TEXT_TAGS, allowedAttributes: {} });
    const extracted = blocksFrom(asDocument(clean).body);
    if (extracted.length) blocks = extracted;
  }
  if (blocks !== before) {
    const kept = new Set(blocks.flat());
    for (const line of before.flat()) if (!kept.has(line)) removed.push({ line, reason: "not-article" });
  }
  return {
    blocks,
    removed,
    metadata,
    readability: {
      byline: article?.byline ?? null,
      siteName: article?.siteName ?? null,
      publishedTime: article?.publishedTime ?? null,
    },
  };
}
