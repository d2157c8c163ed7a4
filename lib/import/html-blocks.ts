/**
 * A DOM subtree as paragraphs: each block element is one paragraph, <br>
 * breaks a line inside one, list items keep a "- " or "1. " mark, table
 * cells are joined with " | ". Whitespace is collapsed as a browser would.
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

/**
 * Paragraphs from a DOM subtree: each block element is one, <br> breaks a line within one.
 * The walk keeps its own stack, so a page nested thousands of <div>s deep cannot overflow the call stack.
 */
export function blocksFrom(root: Element): Block[] {
  const blocks: Block[] = [];
  let current = "";
  const flush = () => {
    const lines = current.split("\n").map(normaliseSpaces).filter(Boolean);
    if (lines.length) blocks.push(lines);
    current = "";
  };
  const stack: Step[] = Array.from(root.childNodes, (node) => ({ node })).reverse();
  const enter = (el: Element, closes: boolean) => {
    if (closes) stack.push({ close: true });
    for (let i = el.childNodes.length - 1; i >= 0; i--) stack.push({ node: el.childNodes[i]! });
  };
  for (let step = stack.pop(); step; step = stack.pop()) {
    if ("close" in step) {
      flush();
      continue;
    }
    const { node } = step;
    if (node.nodeType === 3) {
      current += (node.textContent ?? "").replace(/[\r\n\t]+/g, " ");
      continue;
    }
    if (node.nodeType !== 1) continue;
    const el = node as Element;
    const tag = el.localName.toLowerCase();
    if (tag === "br") current += "\n";
    else if (tag === "li") {
      flush();
      const parent = el.parentElement;
      current += parent?.localName.toLowerCase() === "ol" ? `${Array.from(parent.children).indexOf(el) + 1}. ` : "- ";
      enter(el, true);
    } else if (tag === "td" || tag === "th") {
      stack.push({ node: el.ownerDocument.createTextNode(" | ") });
      for (let i = el.childNodes.length - 1; i >= 0; i--) stack.push({ node: el.childNodes[i]! });
    } else if (BLOCK_TAGS.has(tag)) {
      flush();
      enter(el, true);
    } else enter(el, false);
  }
  flush();
  return blocks.map((lines) => lines.map((l) => l.replace(/\s?\|$/, "").trim()).filter(Boolean)).filter((b) => b.length);
}
