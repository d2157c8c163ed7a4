import { describe, expect, it } from "vitest";
import { listSpeakers } from "@/db/queries/speakers";
import { floorBodiesHeld, floorBody, MAX_FLOOR_BYTES } from "@/lib/bench/floor-body";
import { mdText } from "@/lib/reports/formats/markdown";
import { clientAddress, trustedHops } from "@/scripts/support/forwarded.mjs";
import { makeSpeaker, unique } from "./support/factories";

describe("Markdown reports fold every line ending", () => {
  it.each([
    ["LF", "\n"],
    ["CR", "\r"],
    ["CRLF", "\r\n"],
    ["NEL", "\u0085"],
    ["vertical tab", "\u000b"],
    ["form feed", "\u000c"],
    ["line separator", "\u2028"],
    ["paragraph separator", "\u2029"],
  ])("%s: a rationale cannot start a heading, a list or a code block", (_name, ending) => {
    for (const payload of ["# Heading", "- item", "1. item", "```js", "    code", "> quote", "===", "<script>"]) {
      const out = mdText(`Fine so far.${ending}${payload}`);
      expect(out).not.toMatch(/[\r\n\u0085\u000b\u000c\u2028\u2029]/);
      expect(out.startsWith("Fine so far. ")).toBe(true);
    }
  });
});

describe("the bench's floor route", () => {
  it("holds one body, whatever sizes a caller cycles through", () => {
    for (let bytes = 1000; bytes < 200_000; bytes += 997) expect(floorBody(bytes).length).toBeGreaterThanOrEqual(bytes);
    expect(floorBodiesHeld()).toBe(1);
    expect(floorBody(MAX_FLOOR_BYTES * 10).length).toBeLessThan(MAX_FLOOR_BYTES + 100);
  });
});

describe("the client's address", () => {
  it("is the socket's peer unless proxies are trusted, whatever X-Forwarded-For says", () => {
    expect(clientAddress("203.0.113.5", "1.2.3.4", 0)).toBe("203.0.113.5");
    expect(clientAddress("::ffff:127.0.0.1", "1.2.3.4, 5.6.7.8", 0)).toBe("127.0.0.1");
    expect(clientAddress("203.0.113.5", undefined, 0)).toBe("203.0.113.5");
  });

  it("with N trusted hops, is the address N steps back from the socket; entries further left are the client's own words", () => {
    // nginx (10.0.0.2) appends the client it saw
    expect(clientAddress("10.0.0.2", "198.51.100.7", 1)).toBe("198.51.100.7");
    // a client forging a first entry does not move its own address
    expect(clientAddress("10.0.0.2", "6.6.6.6, 198.51.100.7", 1)).toBe("198.51.100.7");
    // two proxies: a CDN then nginx
    expect(clientAddress("10.0.0.2", "6.6.6.6, 198.51.100.7, 172.16.0.9", 2)).toBe("198.51.100.7");
    expect(clientAddress("10.0.0.2", ["6.6.6.6", "198.51.100.7"], 1)).toBe("198.51.100.7");
    // fewer hops present than trusted: the farthest one there is
    expect(clientAddress("10.0.0.2", undefined, 3)).toBe("10.0.0.2");
  });

  it("TRUST_PROXY_HOPS must be a small whole number", () => {
    expect(trustedHops(undefined)).toBe(0);
    expect(trustedHops("")).toBe(0);
    expect(trustedHops("2")).toBe(2);
    for (const bad of ["-1", "one", "1.5", "100"]) expect(() => trustedHops(bad)).toThrow(/TRUST_PROXY_HOPS/);
  });
});

describe("the speaker list", () => {
  it("gives every speaker its own aliases, and only its own", async () => {
    const made = await Promise.all(Array.from({ length: 200 }, (_, i) => makeSpeaker({ name: unique(`Grouped ${i}`), aliases: [unique("a"), unique("b")] })));
    const listed = new Map((await listSpeakers()).map((s) => [s.id, s.aliases]));
    for (const speaker of made) expect(listed.get(speaker.id)?.sort()).toEqual([...speaker.aliases].sort());
  });
});
