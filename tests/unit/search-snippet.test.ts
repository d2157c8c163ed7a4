import { describe, expect, it } from "vitest";
import { bestSnippet, highlighterOf, snippetOf } from "@/lib/search/snippet";
import { parseQuery } from "@/lib/search/query";

const noNames = () => new Map();
const h = (q: string, names = noNames) => {
  const parsed = parseQuery(q, names, (s) => s.toLowerCase());
  if (!parsed.ok) throw new Error(parsed.message);
  return highlighterOf(parsed.query);
};
const shown = (s: string | null) => s?.replace(/\u0001/g, "[").replace(/\u0002/g, "]") ?? null;

describe("search snippets, cut and marked from the rows' own text", () => {
  it("marks every word a prefix begins, case and diacritics folded", () => {
    expect(shown(snippetOf("Choe arrived; the arrival of Chóe was announced.", h("arriv choe")))).toBe("[Choe] [arrived]; the [arrival] of [Chóe] was announced.");
  });

  it("marks a speaker's other names whole, and a quoted phrase's words whole", () => {
    const names = () => new Map([["choe", { said: "Choe", names: ["Choe Son Hui", "Choi"] }]]);
    expect(shown(snippetOf("Choi arrived in Moscow on October 30", h("Choe Moscow", names)))).toBe("[Choi] arrived in [Moscow] on October 30");
    expect(shown(snippetOf("Mosc and Moscow", h('"Mosc"')))).toBe("[Mosc] and Moscow");
  });

  it("marks every inflection of a word searched whole, by its English stem", () => {
    const known = (words: string[]) => new Set(words);
    const parsed = parseQuery("missiles launch", noNames, (s) => s.toLowerCase(), known);
    if (!parsed.ok) throw new Error(parsed.message);
    const marked = shown(snippetOf("The missile was launched; Missiles launching again. Mission over.", highlighterOf(parsed.query)));
    expect(marked).toBe("The [missile] was [launched]; [Missiles] [launching] again. Mission over.");
  });

  it("cuts a long body around its first match without reading it all, with an ellipsis on each side", () => {
    const text = `${"early words here. ".repeat(400)}Then the missile launch was announced. ${"late words here. ".repeat(400)}`;
    const s = shown(snippetOf(text, h("missile"), 18))!;
    expect(s).toMatch(/^…/);
    expect(s).toMatch(/…$/);
    expect(s).toContain("[missile]");
    expect(s.split(" ").length).toBeLessThanOrEqual(19);
    expect(snippetOf(`${"nothing ".repeat(2000)}`, h("missile"))).toBeNull();
  });

  it("marks Korean substrings from the trigram route and two-syllable words by their beginning", () => {
    expect(shown(snippetOf("최선희 외무상은 모스크바에 도착했다", h("외무상")))).toBe("최선희 [외무상]은 모스크바에 도착했다");
    expect(shown(snippetOf("북한의 외무상", h("북한")))).toBe("[북한의] 외무상");
  });

  it("cuts about the asked number of words around the first match, with an ellipsis where it cut", () => {
    const text = `${"early ".repeat(30)}the missile launch ${"late ".repeat(30)}`;
    const s = shown(snippetOf(text, h("missile"), 10))!;
    expect(s.startsWith("…")).toBe(true);
    expect(s.endsWith("…")).toBe(true);
    expect(s).toContain("[missile]");
    expect(s.split(" ").length).toBeLessThanOrEqual(11);
  });

  it("never passes the marks' control characters through from the text; null when nothing matches", () => {
    expect(shown(snippetOf("a \u0001fake\u0002 mark and Moscow", h("Moscow")))).toBe("a fake mark and [Moscow]");
    expect(snippetOf("nothing here", h("Moscow"))).toBeNull();
    expect(bestSnippet(["title without", "body with Moscow"], h("Moscow"))).toBe("body with \u0001Moscow\u0002");
    expect(bestSnippet(["plain \u0001title", null], h("Moscow"))).toBe("plain title");
  });
});
