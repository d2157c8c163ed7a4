/**
 * The lookup key for speaker names and aliases: case, hyphens, spacing,
 * punctuation and diacritics do not count, so "Choe Son-hui", "choe son hui"
 * and "Chóe Son Hui" share one key.
 */
export function nameKey(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "");
}
