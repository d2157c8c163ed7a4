/**
 * Page chrome found by markup before the article is extracted: navigation,
 * footers, cookie banners, share bars, ad slots, "Read more" boxes, related
 * asides, newsletter boxes, comment threads. Readability keeps some of these
 * (a cookie banner or share bar inside the content column survives it), so
 * they go first, and the text of each goes into `removed` with its reason.
 */
import { furnitureReason } from "./clean-text";
import { blocksFrom } from "./html-blocks";
import { normaliseSpaces } from "./line-shape";
import type { RemovalReason, RemovedLine } from "./types";

const TAG_REASONS: Record<string, RemovalReason> = {
  script: "script", style: "script", noscript: "script", template: "script",
  iframe: "ad", object: "ad", embed: "ad",
  nav: "navigation", footer: "footer", aside: "related", form: "navigation", button: "navigation",
};
const ROLE_REASONS: Record<string, RemovalReason> = {
  navigation: "navigation", contentinfo: "footer", banner: "header", complementary: "related", search: "navigation",
};
// Whole class/id words; "ad" only as a word of its own, so "header", "shadow" or "lead" never match.
const TOKEN_REASONS: Record<string, RemovalReason> = {
  cookie: "cookie-banner", cookies: "cookie-banner", consent: "cookie-banner", gdpr: "cookie-banner", cmp: "cookie-banner",
  share: "share", sharing: "share", sharedaddy: "share", social: "share", sharebar: "share", sharethis: "share", addthis: "share",
  ad: "ad", ads: "ad", advert: "ad", adverts: "ad", advertisement: "ad", adslot: "ad", dfp: "ad", gpt: "ad",
  sponsor: "ad", sponsored: "ad", promo: "ad", outbrain: "ad", taboola: "ad",
  related: "related", relatedposts: "related", recommended: "related", recommendations: "related", trending: "related", popular: "related",
  readmore: "read-more", newsletter: "newsletter", subscribe: "newsletter", signup: "newsletter", paywall: "newsletter",
  comment: "comments", comments: "comments", disqus: "comments",
  breadcrumb: "breadcrumb", breadcrumbs: "breadcrumb",
  nav: "navigation", navbar: "navigation", navigation: "navigation", menu: "navigation", masthead: "header",
  footer: "footer",
};
const COMPOUND_REASONS: Array<[string, RemovalReason]> = [
  ["read-more", "read-more"], ["read_more", "read-more"], ["also-read", "related"], ["most-read", "related"],
  ["more-stories", "related"], ["further-reading", "related"], ["sign-up", "newsletter"], ["site-header", "header"],
];

function classReason(el: Element): RemovalReason | null {
  for (const name of `${el.getAttribute("class") ?? ""} ${el.getAttribute("id") ?? ""}`.toLowerCase().split(/\s+/)) {
    if (!name || name.length > 80) continue;
    for (const [compound, reason] of COMPOUND_REASONS) if (name.includes(compound)) return reason;
    for (const token of name.split(/[-_]/)) if (TOKEN_REASONS[token]) return TOKEN_REASONS[token];
  }
  return null;
}

// The byline block: its words (a name, a role, a date, share buttons) are metadata, read by
// html-metadata.ts before this pass. Marked by a whole "byline" word in the class, id or the
// data-component / data-testid attributes CMSs use ("byline-block", "byline-new-contributors").
const BYLINE_ATTRIBUTES = ["class", "id", "data-component", "data-testid"];
const MAX_BYLINE_BLOCK = 300;

export function isBylineBlock(el: Element): boolean {
  for (const attribute of BYLINE_ATTRIBUTES) {
    const value = (el.getAttribute(attribute) ?? "").toLowerCase();
    if (!value.includes("byline")) continue;
    for (const name of value.split(/\s+/)) if (name.length <= 80 && name.split(/[-_]/).includes("byline")) return true;
  }
  return false;
}

function reasonFor(el: Element): RemovalReason | null {
  const tag = el.localName.toLowerCase();
  if (TAG_REASONS[tag] === "script") return "script";
  if (isBylineBlock(el) && (el.textContent ?? "").length <= MAX_BYLINE_BLOCK) return "byline";
  // a class says more than a tag: <aside class="read-more-box">, <nav class="breadcrumbs">
  const byClass = classReason(el);
  if (byClass) return byClass;
  if (TAG_REASONS[tag]) return TAG_REASONS[tag];
  const role = (el.getAttribute("role") ?? "").toLowerCase();
  if (ROLE_REASONS[role]) return ROLE_REASONS[role];
  // the page's own header, not the article's (which holds the headline and byline)
  if (tag === "header" && !el.closest("article, main, [role=main]")) return "header";
  return null;
}

/** Never remove the story itself: a wrapper classed "share-enabled" can hold the whole article. */
function holdsStory(el: Element, pageTextLength: number): boolean {
  if (el.matches("article, main, [itemprop=articleBody]")) return true;
  if (el.querySelector("article, main, [itemprop=articleBody]")) return true;
  const length = (el.textContent ?? "").length;
  return length > 1000 && length > pageTextLength * 0.5;
}

export function removeFurniture(document: Document): RemovedLine[] {
  const removed: RemovedLine[] = [];
  const body = document.body;
  if (!body) return removed;
  const pageTextLength = (body.textContent ?? "").length;
  const gone = new Set<Element>();
  const inside = new Set<Element>(); // within something already removed; parents come first in document order
  for (const el of Array.from(body.querySelectorAll("*"))) {
    const parent = el.parentElement;
    if (parent && (gone.has(parent) || inside.has(parent))) {
      inside.add(el);
      continue;
    }
    const reason = reasonFor(el);
    if (!reason || holdsStory(el, pageTextLength)) continue;
    gone.add(el);
    if (reason === "script") {
      const code = normaliseSpaces((el.textContent ?? "").replace(/\s+/g, " "));
      if (code) removed.push({ line: code.slice(0, 200), reason });
    } else if (reason === "byline") {
      // each line as what it is: the date line is a dateline, "Share" a share button, the rest the byline
      for (const line of blocksFrom(el).flat()) removed.push({ line, reason: furnitureReason(line) ?? "byline" });
    } else for (const line of blocksFrom(el).flat()) removed.push({ line, reason });
  }
  for (const el of gone) el.remove();
  // captions leave the body; the first is offered as the article's caption
  for (const figcaption of Array.from(body.querySelectorAll("figcaption"))) {
    for (const line of blocksFrom(figcaption).flat()) removed.push({ line, reason: "caption" });
    figcaption.remove();
  }
  return removed;
}
