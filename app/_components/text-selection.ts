/**
 * From a DOM selection in the reader to character offsets in the clean body.
 * Every run of article text is rendered as an element carrying `data-start`,
 * its offset in the body (UTF-16 code units, as String#slice counts), with the
 * text as its only child; paragraphs are separated by "\n\n" in the body and
 * by nothing in the DOM.
 */
export type TextCapture = { start: number; end: number; quote: string };

const SEGMENT = "[data-start]";

function segmentStart(segment: Element): number {
  return Number((segment as HTMLElement).dataset.start);
}

function segmentEnd(segment: Element): number {
  return segmentStart(segment) + (segment.textContent ?? "").length;
}

/**
 * The body offset of one boundary point. Inside a text run it is exact; a
 * point between elements (a triple click, a paragraph edge, a selection that
 * begins outside the article) snaps to the nearest run on the inner side.
 */
function offsetOf(root: Element, node: Node, offset: number, edge: "start" | "end"): number | null {
  if (node.nodeType === Node.TEXT_NODE && root.contains(node)) {
    const segment = node.parentElement?.closest(SEGMENT);
    if (segment && root.contains(segment)) return segmentStart(segment) + Math.min(offset, (node.textContent ?? "").length);
  }
  const point = document.createRange();
  point.setStart(node, offset);
  point.collapse(true);
  const segments = [...root.querySelectorAll(SEGMENT)];
  if (edge === "start") {
    // the first run that ends after the point
    const next = segments.find((s) => point.comparePoint(s, s.childNodes.length) > 0);
    return next ? segmentStart(next) : null;
  }
  // the last run that begins before the point
  const previous = segments.findLast((s) => point.comparePoint(s, 0) < 0);
  return previous ? segmentEnd(previous) : null;
}

/** The selection clipped to the article, or null when it does not touch it. */
function rangeInside(root: Element, selection: Selection | null): Range | null {
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0).cloneRange();
  if (!range.intersectsNode(root)) return null;
  if (!root.contains(range.startContainer)) range.setStart(root, 0);
  if (!root.contains(range.endContainer)) range.setEnd(root, root.childNodes.length);
  return range.collapsed ? null : range;
}

const isSpace = (c: string | undefined) => c !== undefined && /\s/.test(c);

/**
 * The body span the reader selected, trimmed of white space at both ends.
 * Null when nothing in the article is selected, or when the text under the
 * selection is not the body at those offsets (apart from paragraph breaks,
 * which the DOM does not carry): then the page and the body disagree and a
 * quote would be wrong.
 */
export function captureSelection(root: Element, body: string, selection: Selection | null): TextCapture | null {
  const range = rangeInside(root, selection);
  if (!range) return null;
  const rawStart = offsetOf(root, range.startContainer, range.startOffset, "start");
  const rawEnd = offsetOf(root, range.endContainer, range.endOffset, "end");
  if (rawStart === null || rawEnd === null || rawEnd <= rawStart || rawEnd > body.length) return null;
  if (body.slice(rawStart, rawEnd).replace(/\n{2,}/g, "") !== range.toString()) return null;
  let start = rawStart;
  let end = rawEnd;
  while (start < end && isSpace(body[start])) start++;
  while (end > start && isSpace(body[end - 1])) end--;
  if (end <= start) return null;
  return { start, end, quote: body.slice(start, end) };
}

/** Where to put the "Add claim" button: just below the end of the selection, relative to `frame`. */
export function selectionCorner(frame: Element, selection: Selection | null): { top: number; left: number } | null {
  if (!selection || selection.rangeCount === 0) return null;
  const rects = selection.getRangeAt(0).getClientRects();
  const last = rects[rects.length - 1];
  if (!last) return null;
  const box = frame.getBoundingClientRect();
  const left = Math.min(Math.max(last.right - box.left - 40, 0), Math.max(box.width - 120, 0));
  return { top: last.bottom - box.top + 6, left };
}
