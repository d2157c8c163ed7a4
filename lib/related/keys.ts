/**
 * nameKey (lib/text/name-key.ts) with a fast path for plain ASCII, which is
 * nearly every name in an English claim: relating 200 candidates computes
 * thousands of keys (every span of every capitalised run), and Unicode
 * normalisation is most of nameKey's cost. Same result as nameKey.
 */
import { nameKey } from "@/lib/text/name-key";

export function fastKey(text: string): string {
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 128) return nameKey(text);
    if (c >= 97 && c <= 122) out += text[i];
    else if (c >= 65 && c <= 90) out += String.fromCharCode(c + 32);
    else if (c >= 48 && c <= 57) out += text[i];
  }
  return out;
}
