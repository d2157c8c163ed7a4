import type { RemovalReason, RemovedLine } from "./types";

export type InputLine = { text: string; reason: RemovalReason | null };

/** Compares a line of the input with a removed line: markup, spacing and case do not count. */
const key = (line: string) =>
  line
    .normalize("NFC")
    .replace(/[#*_>`~[\]()!|-]+/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .toLowerCase();

/**
 * The input's lines in order, each with the reason it was taken out of the
 * body, or null when it stayed: what the import page shows beside the clean
 * body, with removed lines struck through. A removed line is matched to the
 * first line of the input that reads the same; the cleaner reports what it
 * removed, not where, and a line that appears twice is removed in order.
 */
export function inputLines(raw: string, removed: readonly RemovedLine[], limit = 2000): { lines: InputLine[]; truncated: boolean } {
  const pending = new Map<string, RemovalReason[]>();
  for (const r of removed) {
    const k = key(r.line);
    if (k) (pending.get(k) ?? pending.set(k, []).get(k)!).push(r.reason);
  }
  const lines: InputLine[] = [];
  let truncated = false;
  for (const text of raw.replace(/\r\n?/g, "\n").split("\n")) {
    if (!text.trim()) continue;
    if (lines.length >= limit) {
      truncated = true;
      break;
    }
    const reasons = pending.get(key(text));
    lines.push({ text: text.trim(), reason: reasons?.shift() ?? null });
  }
  return { lines, truncated };
}
