/**
 * Finds the same article imported again: exactly (same text once typography
 * and wrapping are ignored) or nearly (wire copy republished with a new first
 * line, a correction, a closing credit).
 *
 * Near-duplicates use MinHash over word 5-shingles, banded for LSH so the
 * database finds candidates by indexed equality on band keys, then confirms
 * with the exact Jaccard. The desk's rule: duplicate when the content hash is
 * equal, or when the estimate is >= 0.9 and the exact Jaccard confirms >= 0.9.
 *
 * Signatures and band keys get stored, so the seed, the hash functions and the
 * normalization are part of the stored format: changing any of them makes old
 * rows incomparable with new ones (the golden-value test guards this).
 */
import { createHash } from "node:crypto";

export type MinhashOptions = { shingle?: number; permutations?: number; seed?: number };
export type LshOptions = { bands?: number; rows?: number };
export type ShingleOptions = { shingle?: number };

export const DUPLICATE_JACCARD = 0.9;
export const MINHASH_DEFAULTS = { shingle: 5, permutations: 128, seed: 0x5eed_d0c5, bands: 32, rows: 4 } as const;

/** The Mersenne prime 2^31 - 1: reduction modulo it needs no division, which keeps the hot loop fast. */
const P = 2_147_483_647;
const TWO_31 = 2_147_483_648;
const A_LIMIT = 2 ** 21;
/** Above every permuted value (< P): the signature of a text with no shingles. */
const EMPTY = 0xffff_ffff;

// soft hyphen and zero-width characters: they split words invisibly, so they go without a trace
const INVISIBLE = new Set([0x00ad, 0x200b, 0x200c, 0x200d, 0x2060, 0xfeff]);
// apostrophe look-alikes beyond ASCII ' and ` (curly, modifier letter, acute, prime)
const APOSTROPHES = new Set([0x2018, 0x2019, 0x201b, 0x02bc, 0xb4, 0x2032]);
const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;
const wordCharCache = new Map<number, boolean>();

// per ASCII code: 1 word character, 2 apostrophe, 0 separator; the common case costs one load
const ASCII_CLASS = Uint8Array.from({ length: 128 }, (_, c) =>
  (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) ? 1 : c === 0x27 || c === 0x60 ? 2 : 0,
);

function isWordChar(code: number): boolean {
  if (code < 0x80) return ASCII_CLASS[code] === 1;
  if (code >= 0xac00 && code <= 0xd7a3) return true; // Hangul syllables, the bulk of Korean articles
  let known = wordCharCache.get(code);
  if (known === undefined) wordCharCache.set(code, (known = WORD_CHAR.test(String.fromCodePoint(code))));
  return known;
}

/**
 * The words of a text, the same for the same text in different typography:
 * compatibility forms (NFKC), case, quote and dash kinds (all of them become
 * one separator), apostrophes inside words ("don't" = "don’t" = "dont"), soft
 * hyphens, line wrapping, punctuation and symbols. One pass by hand: the
 * equivalent chain of Unicode-class regexes took most of the time budget.
 */
function wordsOf(body: string): string[] {
  const text = body.normalize("NFKC").toLowerCase();
  const words: string[] = [];
  let word = "";
  let start = -1; // start of the current run of word characters, copied out in one slice
  for (let i = 0; i < text.length; ) {
    const code = text.codePointAt(i)!;
    const width = code > 0xffff ? 2 : 1;
    const kind = code < 0x80 ? ASCII_CLASS[code] : isWordChar(code) ? 1 : APOSTROPHES.has(code) ? 2 : INVISIBLE.has(code) ? 3 : 0;
    if (kind === 1) {
      if (start < 0) start = i;
    } else {
      if (start >= 0) {
        word += text.slice(start, i);
        start = -1;
      }
      const joins = kind === 3 || (kind === 2 && word !== "" && i + 1 < text.length && isWordChar(text.codePointAt(i + 1)!));
      if (!joins && word) {
        words.push(word);
        word = "";
      }
    }
    i += width;
  }
  if (start >= 0) word += text.slice(start);
  if (word) words.push(word);
  return words;
}

export function normalizeForDuplicates(body: string): string {
  return wordsOf(body).join(" ");
}

/** SHA-256 (hex) of the normalized text: the exact-duplicate key. */
export function contentHash(body: string): string {
  return createHash("sha256").update(normalizeForDuplicates(body), "utf8").digest("hex");
}

/** A text shorter than one shingle is one shingle of all its words, so it still compares. */
function shingleCount(wordCount: number, k: number): number {
  return wordCount === 0 ? 0 : Math.max(1, wordCount - k + 1);
}

function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** murmur3_32 over a run of word hashes: each word is hashed once, each shingle costs k mixes. */
function shingleHash(wordHashes: Uint32Array, from: number, count: number): number {
  let h = 0x9747b28c;
  for (let i = from; i < from + count; i++) {
    let k = Math.imul(wordHashes[i]!, 0xcc9e2d51);
    k = (k << 15) | (k >>> 17);
    h ^= Math.imul(k, 0x1b873593);
    h = (h << 13) | (h >>> 19);
    h = (Math.imul(h, 5) + 0xe6546b64) | 0;
  }
  h ^= count * 4;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

function shingleHashes(body: string, k: number): Uint32Array {
  const list = wordsOf(body);
  const wordHashes = Uint32Array.from(list, fnv1a);
  const n = shingleCount(list.length, k);
  const out = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const h = shingleHash(wordHashes, i, Math.min(k, list.length));
    // into Z_p for the permutations: the top bit folds onto the bottom (2^31 = 1 mod p)
    const x = (h & P) + (h >>> 31);
    out[i] = x >= P ? x - P : x;
  }
  // a set, not a bag: repeated shingles must not count twice
  out.sort();
  let unique = 0;
  for (let i = 0; i < n; i++) if (i === 0 || out[i] !== out[unique - 1]) out[unique++] = out[i]!;
  return out.subarray(0, unique);
}

/** Deterministic (a, b) pairs for h(x) = (a*x + b) mod P; mulberry32, so no package and no Math.random. */
function permutationParameters(count: number, seed: number): { a: Float64Array; b: Float64Array } {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
  const a = new Float64Array(count);
  const b = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    a[i] = 1 + (next() % (A_LIMIT - 1));
    b[i] = next() % P;
  }
  return { a, b };
}

const parameterCache = new Map<string, { a: Float64Array; b: Float64Array }>();

function parametersFor(count: number, seed: number) {
  const key = `${count}:${seed}`;
  let found = parameterCache.get(key);
  if (!found) parameterCache.set(key, (found = permutationParameters(count, seed)));
  return found;
}

/**
 * MinHash signature: for each of `permutations` universal hashes
 * h(x) = (a*x + b) mod (2^31 - 1), the minimum over the text's shingle hashes.
 * a is drawn below 2^21 so a*x + b stays under 2^53 and is exact in a double;
 * any a != 0 still permutes Z_p, and one fold (2^31 = 1 mod p) reduces it. A
 * full-width a needed split products and twice the time.
 */
export function minhashSignature(body: string, options: MinhashOptions = {}): number[] {
  const k = options.shingle ?? MINHASH_DEFAULTS.shingle;
  const count = options.permutations ?? MINHASH_DEFAULTS.permutations;
  const { a, b } = parametersFor(count, options.seed ?? MINHASH_DEFAULTS.seed);
  const xs = shingleHashes(body, k);
  const signature = new Array<number>(count);
  // permutation-outer: a and b stay in registers and the minimum in a local
  for (let i = 0; i < count; i++) {
    const ai = a[i]!;
    const bi = b[i]!;
    let min = EMPTY;
    for (let j = 0; j < xs.length; j++) {
      let u = ai * xs[j]! + bi; // < 2^52 + 2^31
      const q = Math.floor(u / TWO_31);
      u = u - q * TWO_31 + q; // < 2^31 + 2^22
      if (u >= P) u -= P;
      if (u < min) min = u;
    }
    signature[i] = min;
  }
  return signature;
}

/** The share of positions where two signatures agree: an unbiased estimate of the Jaccard similarity. */
export function estimateJaccard(a: readonly number[], b: readonly number[]): number {
  if (a.length !== b.length || a.length === 0) throw new Error("signatures must be non-empty and of the same length");
  let same = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) same++;
  return same / a.length;
}

/**
 * Band keys for locality-sensitive hashing: two texts become candidates when
 * any one key is equal. With 32 bands of 4 rows the chance is 1-(1-s^4)^32:
 * ~1 at s = 0.9, 0.87 at 0.5, 0.23 at 0.3, so candidates need confirming.
 * The band number is part of the key so equal rows in different bands never match.
 */
export function lshBands(signature: readonly number[], options: LshOptions = {}): string[] {
  const bands = options.bands ?? MINHASH_DEFAULTS.bands;
  const rows = options.rows ?? MINHASH_DEFAULTS.rows;
  if (bands * rows > signature.length) throw new Error(`${bands} bands of ${rows} rows need ${bands * rows} permutations, the signature has ${signature.length}`);
  const keys: string[] = [];
  for (let band = 0; band < bands; band++) {
    let key = `${band.toString().padStart(2, "0")}:`;
    for (let row = 0; row < rows; row++) key += signature[band * rows + row]!.toString(16).padStart(8, "0");
    keys.push(key);
  }
  return keys;
}

function shingleSet(body: string, k: number): Set<string> {
  const list = wordsOf(body);
  const n = shingleCount(list.length, k);
  const set = new Set<string>();
  for (let i = 0; i < n; i++) set.add(list.slice(i, i + k).join(" "));
  return set;
}

/** Jaccard similarity over the very shingles MinHash estimates, compared as strings: the confirmation step. */
export function exactJaccard(bodyA: string, bodyB: string, options: ShingleOptions = {}): number {
  const k = options.shingle ?? MINHASH_DEFAULTS.shingle;
  const a = shingleSet(bodyA, k);
  const b = shingleSet(bodyB, k);
  if (a.size === 0 && b.size === 0) return 1;
  let shared = 0;
  for (const shingle of a) if (b.has(shingle)) shared++;
  return shared / (a.size + b.size - shared);
}

/** Everything the database stores to find this body again. */
export type Fingerprint = { contentHash: string; signature: number[]; bands: string[] };

export function duplicateFingerprint(body: string): Fingerprint {
  const signature = minhashSignature(body);
  return { contentHash: contentHash(body), signature, bands: lshBands(signature) };
}

/**
 * With both bodies in hand the exact Jaccard is the truth, so it decides; the
 * estimate only exists to avoid loading bodies, and near 0.9 it wobbles by
 * about ±0.03 with 128 permutations.
 */
export function isNearDuplicate(bodyA: string, bodyB: string): { jaccard: number; duplicate: boolean } {
  if (contentHash(bodyA) === contentHash(bodyB)) return { jaccard: 1, duplicate: true };
  const jaccard = exactJaccard(bodyA, bodyB);
  return { jaccard, duplicate: jaccard >= DUPLICATE_JACCARD };
}
