/**
 * What a page says about itself, read before the article is extracted:
 * JSON-LD (NewsArticle/Article, also inside "@graph"), og:/article: meta,
 * <meta name="author">, <time datetime>, rel=author, the canonical link and
 * <html lang>. Structured sources win over what the text rules find later.
 */
import { isPersonName, readByline } from "./bylines";
import { isBylineBlock } from "./html-furniture";
import { normaliseSpaces } from "./line-shape";

export type HtmlMetadata = {
  title: string | null;
  outlet: string | null;
  byline: string | null;
  url: string | null;
  /** date strings in order of trust; the first that parses wins */
  dates: string[];
  language: string | null;
  caption: string | null;
};

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);
const asArray = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined || v === null ? [] : [v]);
const text = (v: unknown): string | null => (typeof v === "string" && normaliseSpaces(v) ? normaliseSpaces(v) : null);

function types(node: Json): string[] {
  return asArray(node["@type"]).filter((t): t is string => typeof t === "string");
}

function jsonLdNodes(document: Document): Json[] {
  const nodes: Json[] = [];
  const visit = (value: unknown, depth: number) => {
    if (depth > 4) return;
    for (const item of asArray(value)) {
      if (!isObject(item)) continue;
      nodes.push(item);
      if (item["@graph"]) visit(item["@graph"], depth + 1);
    }
  };
  for (const script of Array.from(document.querySelectorAll('script[type="application/ld+json"]'))) {
    const source = (script.textContent ?? "").replace(/^\s*<!\[CDATA\[|\]\]>\s*$/g, "").trim().replace(/;$/, "");
    try {
      visit(JSON.parse(source), 0);
    } catch {
      // a broken block on a real page is common; the other sources still count
    }
  }
  return nodes;
}

const ARTICLE_TYPE = /(?:Article|BlogPosting|Report)$/;

function readJsonLd(document: Document) {
  const nodes = jsonLdNodes(document);
  const byId = new Map<string, Json>();
  for (const node of nodes) if (typeof node["@id"] === "string") byId.set(node["@id"], node);
  const resolve = (v: unknown): unknown => (isObject(v) && typeof v["@id"] === "string" && !v.name ? (byId.get(v["@id"]) ?? v) : v);
  const article = nodes.find((n) => types(n).some((t) => ARTICLE_TYPE.test(t)));
  if (!article) return null;

  // an author typed as any kind of organisation ("Organization", "NewsMediaOrganization") is the newsroom, not a writer
  const authors = asArray(article.author)
    .map(resolve)
    .filter((a) => !(isObject(a) && types(a).some((t) => /Organi[sz]ation$/.test(t))))
    .map((a) => (isObject(a) ? text(a.name) : text(a)))
    .filter((a): a is string => !!a && !/^https?:/.test(a));
  const publisher = resolve(article.publisher);
  const language = resolve(article.inLanguage);
  const page = resolve(article.mainEntityOfPage);
  return {
    title: text(article.headline) ?? text(article.name),
    authors,
    date: text(article.datePublished) ?? text(article.dateCreated),
    publisher: isObject(publisher) ? text(publisher.name) : text(publisher),
    language: isObject(language) ? (text(language.alternateName) ?? text(language.name)) : text(language),
    url: text(article.url) ?? (isObject(page) ? text(page["@id"]) ?? text(page.url) : text(page)),
  };
}

function metaMap(document: Document): Map<string, string> {
  const map = new Map<string, string>();
  for (const meta of Array.from(document.querySelectorAll("meta"))) {
    const key = (meta.getAttribute("property") ?? meta.getAttribute("name") ?? meta.getAttribute("itemprop") ?? meta.getAttribute("http-equiv") ?? "").toLowerCase();
    const content = text(meta.getAttribute("content"));
    if (key && content && !map.has(key)) map.set(key, content);
  }
  return map;
}

function absolute(href: string | null, base: string | null): string | null {
  if (!href) return null;
  try {
    return new URL(href, base ?? undefined).href;
  } catch {
    return null;
  }
}

function hasRel(el: Element, rel: string): boolean {
  return (el.getAttribute("rel") ?? "").toLowerCase().split(/\s+/).includes(rel);
}

function publishedTime(document: Document): string[] {
  const times = Array.from(document.querySelectorAll("time[datetime]"));
  const marked = times.filter(
    (t) => t.getAttribute("itemprop") === "datePublished" || t.hasAttribute("pubdate") || /publish|posted/i.test(`${t.className} ${t.parentElement?.className ?? ""}`),
  );
  return [...marked, ...times].map((t) => text(t.getAttribute("datetime"))).filter((d): d is string => !!d);
}

const notUrl = (v: string | undefined | null) => (v && !/^https?:\/\//.test(v) ? v : null);

/**
 * The writer named in the page's byline block (see isBylineBlock): the block's text if it
 * is a byline line ("By Jane Doe"), else its first piece that is a person's name
 * ("<span>Hannah Pryce</span><span>BBC News, Yorkshire</span>" → "Hannah Pryce").
 */
function bylineFromBlock(document: Document): string | null {
  const block = Array.from(document.querySelectorAll("[class*=byline], [id*=byline], [data-component*=byline], [data-testid*=byline]")).find(
    (el) => isBylineBlock(el) && (el.textContent ?? "").length <= 300,
  );
  if (!block) return null;
  const whole = readByline(normaliseSpaces((block.textContent ?? "").replace(/\s+/g, " ")))?.name;
  if (whole) return whole;
  for (const el of Array.from(block.querySelectorAll("*"))) {
    if (el.children.length || /^(?:time|button|script|style)$/i.test(el.localName)) continue;
    const piece = normaliseSpaces(el.textContent ?? "");
    if (!piece || piece.length > 120) continue;
    const name = readByline(piece)?.name ?? (piece.includes(" ") && isPersonName(piece) ? piece : null);
    if (name) return name;
  }
  return null;
}

export function readHtmlMetadata(document: Document, pageUrl: string | null): HtmlMetadata {
  const ld = readJsonLd(document);
  const meta = metaMap(document);
  const canonicalLink = Array.from(document.querySelectorAll("link[href]")).find((l) => hasRel(l, "canonical"));
  const authorLink = Array.from(document.querySelectorAll("a")).find((a) => hasRel(a, "author"));
  const h1 = document.querySelector("article h1") ?? document.querySelector("h1");
  const figcaption = document.querySelector("article figcaption") ?? document.querySelector("figcaption");

  const dates = [
    ld?.date,
    meta.get("article:published_time"),
    meta.get("datepublished"),
    meta.get("pubdate"),
    meta.get("publishdate"),
    meta.get("parsely-pub-date"),
    meta.get("sailthru.date"),
    meta.get("dc.date.issued"),
    meta.get("dc.date"),
    meta.get("date"),
    ...publishedTime(document),
  ].filter((d): d is string => !!d);

  const base = pageUrl ?? null;
  return {
    title: ld?.title ?? meta.get("og:title") ?? meta.get("twitter:title") ?? text(h1?.textContent) ?? null,
    outlet: ld?.publisher ?? meta.get("og:site_name") ?? meta.get("application-name") ?? null,
    byline:
      (ld?.authors.length ? ld.authors.join(" and ") : null) ??
      notUrl(meta.get("article:author")) ??
      notUrl(meta.get("author")) ??
      notUrl(meta.get("byl")) ??
      text(authorLink?.textContent) ??
      bylineFromBlock(document) ??
      null,
    url: absolute(canonicalLink?.getAttribute("href") ?? null, base) ?? absolute(meta.get("og:url") ?? null, base) ?? absolute(ld?.url ?? null, base) ?? base,
    dates,
    language: text(document.documentElement?.getAttribute("lang")) ?? ld?.language ?? meta.get("og:locale") ?? meta.get("content-language") ?? null,
    caption: text(figcaption?.textContent) ?? null,
  };
}
