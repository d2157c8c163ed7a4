/**
 * Checks on a JSON body that come before any schema sees it. Both walks are
 * loops over an explicit position or stack, never recursion, so that a
 * hostile body cannot exhaust the stack in the code meant to refuse it.
 */

/** Deeper than any body the API takes (a verdict with evidence is 4 levels). */
export const MAX_JSON_DEPTH = 32;

/** Keys that reach an object's prototype when a body is merged or spread carelessly. */
const FORBIDDEN_KEYS = new Set(["__proto__", "constructor", "prototype"]);

export type BodyProblem = { code: string; message: string };

/**
 * Whether JSON text nests arrays and objects deeper than `max`, read from
 * the text itself, before JSON.parse builds anything: one pass over the
 * characters that skips strings (and the escapes in them).
 */
export function nestsDeeperThan(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // a backslash: the next character is escaped, whatever it is
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > max) return true;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return false;
}

/**
 * The first thing in a parsed body that no route accepts: a key that reaches
 * a prototype, or a NUL in any key or string. JSON.parse has already turned
 * escapes such as "\u0000" or "__pro\u0074o__" into the characters they name.
 */
export function hostileContent(value: unknown): BodyProblem | null {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const next = stack.pop();
    if (typeof next === "string") {
      if (next.includes("\0")) return nul();
    } else if (Array.isArray(next)) {
      for (const item of next) stack.push(item);
    } else if (next !== null && typeof next === "object") {
      for (const key of Object.keys(next)) {
        if (FORBIDDEN_KEYS.has(key)) {
          return { code: "forbidden_key", message: `The key "${key}" is not accepted anywhere in a request body.` };
        }
        if (key.includes("\0")) return nul();
        stack.push((next as Record<string, unknown>)[key]);
      }
    }
  }
  return null;
}

const nul = (): BodyProblem => ({ code: "nul_character", message: "Text in the body contains a NUL character (U+0000)." });
