/**
 * A DOM subtree as paragraphs: each block element is one paragraph, <br>
 * breaks a line inside one, list items keep a "- " or "1. " mark, table
 * cells are joined with " | ". Whitespace is collapsed as a browser would.
 *
 * Two inline elements with nothing between them in the markup are usually laid
 * out apart by the page's CSS (a name and a role in a byline, a headline and its
 * date in a list): "<span>Hannah Pryce</span><span>BBC News, Yorkshire</span>"
 * must not read "Hannah PryceBBC News". A space goes between them where the
 * first ends in a lower-case letter, digit or closing mark and the second opens
 * with a capital, or where the first is a <time>; a word split by styling
 * ("<b>exam</b><i>ple</i>", "<b>T</b>he") is left whole.
 */
import type { Block } from "./clean-text";
import { normaliseSpaces } from "./line-shape";

const BLOCK_TAGS = new Set([
  "p", "div", "section", "article", "main", "blockquote", "pre", "h1", "h2", "h3", "h4", "h5", "h6",
  "ul", "ol", "li", "dl", "dt", "dd", "table", "thead", "tbody", "tfoot", "tr", "figure", "figcaption",
  "header", "hr", "address", "details", "summary", "body", "center",
]);
/** the tags sanitize-html keeps: text and its structure, nothing else */
export const TEXT_TAGS = [...BLOCK_TAGS, "br", "a", "em", "strong", "b", "i", "u", "s", "sup", "sub", "q", "cite", "time", "abbr", "small", "mark", "span", "td", "th", "code"];

type Step = { node: Node } | { close: true };

/** The first character of an element's text, looking down at most a few levels (a cheap, bounded look). */
function firstChar(el: Element): string {
  let node: Node | null = el;
  for (let depth = 0; node && depth < 12; depth++) {
    if (node.nodeType === 3) return (node.textContent ?? "").trimStart().charAt(0);
    node = node.firstChild;
  }
  return "";
}

// Tested on the last character alone, kept as the paragraph grows: a pattern anchored with $, or even
// charAt on the concatenated string (which makes V8 flatten it), would cost the whole paragraph each time.
const ENDS_WORD = /^[\p{Ll}\d.,;:!?)”’"']$/u;
const OPENS_CAPITAL = /^\p{Lu}$/u;

/** Whether an inline element needs a space before it (see the module comment). */
function needsSpace(el: Element, last: string): boolean {
  if (!last || last === " " || last === "\n" || last === "\t") return false;
  const previous = el.previousSibling;
  if (!previous || previous.nodeType !== 1) return false;
  const before = (previous as Element).localName.toLowerCase();
  if (before === "br") return false;
  if (before === "time") return true;
  return ENDS_WORD.test(last) && OPENS_CAPITAL.test(firstChar(el));
}

/**
 * Paragraphs from a DOM subtree: each block element is one, <br> breaks a line within one.
 * The walk keeps its own stack, so a page nested thousands of <div>s deep cannot overflow the call stack.
 */
export function blocksFrom(root: Element): Block[] {
  const blocks: Block[] = [];
  let parts: string[] = [];
  let last = "";
  const append = (text: string) => {
    if (!text) return;
    parts.push(text);
    last = text.charAt(text.length - 1);
  };
  const flush = () => {
    const lines = parts.join("").split("\n").map(normaliseSpaces).filter(Boolean);
    if (lines.length) blocks.push(lines);
    parts = [];
    last = "";
  };
  const stack: Step[] = Array.from(root.childNodes, (node) => ({ node })).reverse();
  // childNodes is read once per element: a DOM such as linkedom's builds the list anew on every access.
  const pushChildren = (el: Element) => {
    const children = Array.from(el.childNodes);
    for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i]! });
  };
  const enter = (el: Element, closes: boolean) => {
    if (closes) stack.push({ close: true });
    pushChildren(el);
  };
  // an ordered list's items are numbered as they are met, not by searching the list for each one
  const itemNumbers = new Map<Element, number>();
  for (let step = stack.pop(); step; step = stack.pop()) {
    if ("close" in step) {
      flush();
      continue;
    }
    const { node } = step;
    if (node.nodeType === 3) {
      append((node.textContent ?? "").replace(/[\r\n\t]+/g, " "));
      continue;
    }
    if (node.nodeType !== 1) continue;
    const el = node as Element;
    const tag = el.localName.toLowerCase();
    if (tag === "br") append("\n");
    else if (tag === "li") {
      flush();
      const parent = el.parentElement;
      if (parent?.localName.toLowerCase() === "ol") {
        const n = (itemNumbers.get(parent) ?? 0) + 1;
        itemNumbers.set(parent, n);
        append(`${n}. `);
      } else append("- ");
      enter(el, true);
    } else if (tag === "td" || tag === "th") {
      stack.push({ node: el.ownerDocument.createTextNode(" | ") });
      pushChildren(el);
    } else if (BLOCK_TAGS.has(tag)) {
      flush();
      enter(el, true);
    } else {
      if (needsSpace(el, last)) append(" ");
      enter(el, false);
    }
  }
  flush();
  return blocks.map((lines) => lines.map((l) => l.replace(/\s?\|$/, "").trim()).filter(Boolean)).filter((b) => b.length);
}
