/**
 * The article's language: what the page declares, else a guess from the
 * script and, for Latin text, English function words. Deliberately small —
 * the desk only needs to tell English editions from Korean originals.
 */
import { countLetters, hangulShare } from "./line-shape";

const NAMES: Record<string, string> = { english: "en", korean: "ko", japanese: "ja", chinese: "zh", 한국어: "ko" };

/** "en-US", "ko_KR", "English" → "en", "ko", "en"; null when it is not a language tag. */
export function normaliseLanguage(tag: string | null | undefined): string | null {
  if (!tag) return null;
  const t = tag.trim().toLowerCase();
  if (NAMES[t]) return NAMES[t];
  const primary = /^([a-z]{2,3})(?:[-_][a-z0-9]{2,8})*$/.exec(t)?.[1];
  return primary && primary !== "und" && primary !== "mul" ? primary : null;
}

const ENGLISH = new Set([
  "the", "and", "of", "to", "in", "is", "that", "for", "on", "with", "said", "was", "as", "by", "at", "it",
  "from", "are", "has", "have", "be", "will", "this", "an", "its", "their", "which", "who", "not",
]);

export function detectLanguage(text: string): string | null {
  const sample = text.slice(0, 20_000);
  const letters = countLetters(sample);
  if (letters < 20) return null;
  if (hangulShare(sample) > 0.5) return "ko";
  const kana = sample.match(/[\u3040-\u30ff]/gu)?.length ?? 0;
  if (kana / letters > 0.1) return "ja";
  const han = sample.match(/\p{Script=Han}/gu)?.length ?? 0;
  if (han / letters > 0.5) return "zh";
  const words = sample.toLowerCase().match(/[a-z']+/g) ?? [];
  if (words.length < 5) return null;
  const hits = words.filter((w) => ENGLISH.has(w)).length;
  return hits / words.length >= 0.08 ? "en" : null;
}
