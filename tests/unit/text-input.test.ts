import { describe, expect, it } from "vitest";
import { MAX_JSON_DEPTH, hostileContent, nestsDeeperThan } from "@/lib/http/json-body";
import { createClaimInput, evidenceTarget, recordVerdictInput } from "@/lib/validation/claims";
import { createSourceInput } from "@/lib/validation/sources";
import { addAliasInput, createSpeakerInput } from "@/lib/validation/speakers";
import { createTokenInput } from "@/lib/validation/tokens";
import { createUserInput } from "@/lib/validation/users";
import { zodFields } from "@/lib/validation/fields";
import type { z } from "zod";

const NFD = "김정은".normalize("NFD");
const NFC = "김정은";
/** Every character the name fields strip, one of each. */
const INVISIBLES = ["\u202A", "\u202B", "\u202C", "\u202D", "\u202E", "\u2066", "\u2067", "\u2068", "\u2069", "\u200E", "\u200F", "\u061C", "\u200B", "\u200C", "\u200D", "\u2060", "\uFEFF"];

function fieldsOf(schema: z.ZodType, input: unknown) {
  const parsed = schema.safeParse(input);
  expect(parsed.success).toBe(false);
  return parsed.success ? {} : zodFields(parsed.error);
}

describe("nestsDeeperThan", () => {
  it("counts arrays and objects, skipping brackets inside strings and after escapes", () => {
    expect(nestsDeeperThan("[".repeat(MAX_JSON_DEPTH) + "]".repeat(MAX_JSON_DEPTH), MAX_JSON_DEPTH)).toBe(false);
    expect(nestsDeeperThan("[".repeat(MAX_JSON_DEPTH + 1) + "]".repeat(MAX_JSON_DEPTH + 1), MAX_JSON_DEPTH)).toBe(true);
    expect(nestsDeeperThan('{"a":{"a":{"a":1}}}', 2)).toBe(true);
    expect(nestsDeeperThan(JSON.stringify({ a: "[[[[[[{{{{{{" }), 2)).toBe(false);
    expect(nestsDeeperThan(JSON.stringify({ a: 'say \\"[[[[[[' }), 2)).toBe(false);
    expect(nestsDeeperThan(JSON.stringify({ a: '\\', b: [[[1]]] }), 2)).toBe(true);
  });

  it("walks a million-deep body without recursion", () => {
    expect(nestsDeeperThan("[".repeat(1_000_000), MAX_JSON_DEPTH)).toBe(true);
    expect(nestsDeeperThan('{"a":'.repeat(1_000_000), MAX_JSON_DEPTH)).toBe(true);
  });
});

describe("hostileContent", () => {
  it("finds __proto__, constructor and prototype keys at any depth, written plainly or escaped", () => {
    for (const text of [
      '{"__proto__":{"role":"admin"}}',
      '{"a":[{"b":{"constructor":{"prototype":{"x":1}}}}]}',
      '{"evidence":[{"target":{"prototype":1}}]}',
      '{"__pro\\u0074o__":1}',
    ]) {
      expect(hostileContent(JSON.parse(text)), text).toMatchObject({ code: "forbidden_key" });
    }
    expect(hostileContent(JSON.parse('{"constructors":1,"proto":2,"a":"__proto__"}'))).toBeNull();
  });

  it("finds a NUL in a value or a key, and nothing in clean bodies", () => {
    expect(hostileContent(JSON.parse('{"a":["x","y\\u0000z"]}'))).toMatchObject({ code: "nul_character" });
    expect(hostileContent(JSON.parse('{"a\\u0000":1}'))).toMatchObject({ code: "nul_character" });
    expect(hostileContent({ status: "pending", evidence: [{ target: { kind: "url", url: "https://x.org" } }], n: 1, t: true, z: null })).toBeNull();
  });

  it("walks a structure far deeper than the call stack without recursion", () => {
    let deep: unknown = "\0";
    for (let i = 0; i < 200_000; i++) deep = i % 2 ? [deep] : { a: deep };
    expect(hostileContent(deep)).toMatchObject({ code: "nul_character" });
  });
});

describe("text fields: NFC, names without invisible characters, no NUL or lone surrogate", () => {
  const speaker = (name: string, aliases: string[] = []) => createSpeakerInput.parse({ name, kind: "person", aliases });

  it("stores Korean typed in NFD as NFC, in names and in prose", () => {
    expect(NFD).not.toBe(NFC);
    expect(speaker(NFD, [NFD]).name).toBe(NFC);
    expect(speaker("x", [NFD]).aliases).toEqual([NFC]);
    const claim = createClaimInput.parse({ sourceId: 1, start: 0, end: 3, quote: NFD, speakerName: NFD, proposition: NFD });
    expect(claim).toMatchObject({ quote: NFC, speakerName: NFC, proposition: NFC });
  });

  it("strips bidi controls and zero-width characters from every name field", () => {
    const dirty = (s: string) => INVISIBLES.join("") + s.slice(0, 2) + INVISIBLES.join("") + s.slice(2) + "\u202E";
    expect(speaker(dirty("Kim Jong Un"), [dirty("KJU")])).toMatchObject({ name: "Kim Jong Un", aliases: ["KJU"] });
    expect(addAliasInput.parse({ speakerId: 1, alias: dirty("Choe") }).alias).toBe("Choe");
    expect(createClaimInput.parse({ sourceId: 1, start: 0, end: 3, quote: "abc", speakerName: dirty("Choe Son Hui") }).speakerName).toBe("Choe Son Hui");
    expect(createUserInput.parse({ email: "a@example.org", name: dirty("Ada Admin"), role: "viewer", password: "a-long-enough-password" }).name).toBe("Ada Admin");
    expect(createTokenInput.parse({ name: dirty("nightly script") }).name).toBe("nightly script");
    const source = createSourceInput.parse({
      title: dirty("Harvest up"),
      outlet: dirty("Yonhap"),
      byline: dirty("Lee Ji-eun"),
      publishedAt: "2024-11-04T18:35:00+09:00",
      body: "Body text.",
    });
    expect(source).toMatchObject({ title: "Harvest up", outlet: "Yonhap", byline: "Lee Ji-eun" });
  });

  it("strips before composing, so Hangul jamo split by a zero-width space become one syllable", () => {
    expect(speaker("\u1100\u200B\u1161").name).toBe("가");
  });

  it("refuses a name that was nothing but invisible characters", () => {
    expect(fieldsOf(createSpeakerInput, { name: "\u200B\u202E\uFEFF", kind: "person" })).toHaveProperty("name");
  });

  it("never strips a quote: it must equal the article text for anchoring", () => {
    const quote = "\u202Bشالوم\u202C and\u200B more";
    expect(createClaimInput.parse({ sourceId: 1, start: 0, end: 3, quote, speakerId: 1 }).quote).toBe(quote);
    expect(evidenceTarget.parse({ kind: "passage", sourceId: 1, start: 0, end: 3, quote })).toMatchObject({ quote });
  });

  it("refuses a lone surrogate or a NUL in every kind of text field, quotes included", () => {
    for (const bad of ["\uD800", "x\uDC00y", "\uDBFF", "a\u0000b"]) {
      const expected = bad.includes("\0") ? /NUL/ : /lone surrogate/;
      expect(fieldsOf(createSpeakerInput, { name: `Kim${bad}`, kind: "person" }).name, "name").toMatch(expected);
      expect(fieldsOf(createSpeakerInput, { name: "Kim", kind: "person", aliases: [bad] })["aliases.0"], "alias").toMatch(expected);
      expect(fieldsOf(createClaimInput, { sourceId: 1, start: 0, end: 3, quote: `ab${bad}`, speakerId: 1 }).quote, "quote").toMatch(expected);
      expect(fieldsOf(createClaimInput, { sourceId: 1, start: 0, end: 3, quote: "abc", speakerId: 1, proposition: bad }).proposition, "proposition").toMatch(expected);
      expect(fieldsOf(evidenceTarget, { kind: "passage", sourceId: 1, start: 0, end: 3, quote: bad }).quote, "passage quote").toMatch(expected);
      expect(fieldsOf(recordVerdictInput, { claimId: 1, status: "corroborated", rationale: `why ${bad}`, baseVersion: 1 }).rationale, "rationale").toMatch(expected);
      expect(fieldsOf(createUserInput, { email: "a@example.org", name: "Ada", role: "viewer", password: `a-long-enough-password${bad}` }).password, "password").toMatch(expected);
      expect(fieldsOf(createSourceInput, { title: "T", outlet: "O", publishedAt: "2024-11-04T18:35:00+09:00", body: `Body ${bad}` }).body, "body").toMatch(expected);
    }
  });

  it("keeps a well-formed surrogate pair (an emoji is not a lone surrogate)", () => {
    expect(speaker("Kim 🇰🇷").name).toBe("Kim 🇰🇷");
  });
});
