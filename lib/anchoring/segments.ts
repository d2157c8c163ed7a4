/**
 * Splits a body into paragraphs and each paragraph into runs of text covered
 * by the same set of claims (and suggested claims), so overlapping ones
 * render as nested marks.
 */
export type Span = { id: number; start: number; end: number };
export type Segment = { start: number; end: number; text: string; claimIds: number[]; suggestionIds: number[] };
export type Paragraph = { start: number; end: number; segments: Segment[] };

export function paragraphsOf(body: string): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  const re = /\n{2,}/g;
  let at = 0;
  for (let m = re.exec(body); m; m = re.exec(body)) {
    if (m.index > at) out.push({ start: at, end: m.index });
    at = m.index + m[0].length;
  }
  if (at < body.length) out.push({ start: at, end: body.length });
  return out;
}

export function segmentBody(body: string, spans: readonly Span[], suggested: readonly Span[] = []): Paragraph[] {
  // longest first, so the outer mark is the longer claim
  const ordered = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  const suggestions = [...suggested].sort((a, b) => a.start - b.start || b.end - a.end);
  return paragraphsOf(body).map((p) => {
    const cuts = new Set([p.start, p.end]);
    for (const s of [...ordered, ...suggestions]) {
      if (s.start > p.start && s.start < p.end) cuts.add(s.start);
      if (s.end > p.start && s.end < p.end) cuts.add(s.end);
    }
    const points = [...cuts].sort((a, b) => a - b);
    const segments: Segment[] = [];
    for (let i = 0; i < points.length - 1; i++) {
      const start = points[i]!;
      const end = points[i + 1]!;
      const claimIds = ordered.filter((s) => s.start <= start && s.end >= end).map((s) => s.id);
      const suggestionIds = suggestions.filter((s) => s.start <= start && s.end >= end).map((s) => s.id);
      segments.push({ start, end, text: body.slice(start, end), claimIds, suggestionIds });
    }
    return { start: p.start, end: p.end, segments };
  });
}
