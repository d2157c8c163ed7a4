import { beforeAll, describe, expect, it } from "vitest";
import { findSpeakers } from "@/db/queries/speakers";
import { nameKey } from "@/lib/text/name-key";
import { addAlias } from "@/lib/speakers";
import { seedDesk } from "@/seed/seed-desk";
import { SYSTEM, asUser, expectOk, makeSpeaker, makeUser, unique } from "./support/factories";

describe("nameKey", () => {
  it("ignores case, hyphens, spacing and punctuation", () => {
    expect(nameKey("Choe Son-hui")).toBe(nameKey("choe son hui"));
    expect(nameKey("Choe  Son‐Hui.")).toBe("choesonhui");
    expect(nameKey("Kim Jong-un")).not.toBe(nameKey("Kim Jong-gyu"));
  });

  it("ignores diacritics, in composed or decomposed form", () => {
    expect(nameKey("Chóe Son Hui")).toBe(nameKey("Choe Son Hui"));
    expect(nameKey("Cho\u0301e Son Hui")).toBe("choesonhui");
  });

  it("keeps letters of other scripts and digits", () => {
    // Hangul syllables come out decomposed into jamo (NFKD), which is still a stable key
    expect(nameKey("경향 신문")).toBe(nameKey("경향신문"));
    expect(nameKey("경향신문").normalize("NFC")).toBe("경향신문");
    expect(nameKey("Editorial (004)")).toBe("editorial004");
    expect(nameKey(" - ")).toBe("");
  });
});

describe("findSpeakers on the seeded desk", () => {
  beforeAll(async () => {
    await seedDesk();
  });

  it.each(["Choe Son-hui", "choe son hee", "CHOI", "Choe", "Chóe Son Hui"])("finds Choe Son Hui first for %j", async (query) => {
    const found = await findSpeakers(query);
    expect(found[0]?.name).toBe("Choe Son Hui");
  });

  it("ranks an exact alias above a name that merely contains the query", async () => {
    // "Kim" is an alias of Kim Jong-un; other speakers' names contain "kim" nowhere but his
    expect((await findSpeakers("Kim"))[0]?.name).toBe("Kim Jong-un");
    expect((await findSpeakers("kcna"))[0]?.name).toBe("Korean Central News Agency");
    expect((await findSpeakers("경향신문"))[0]?.name).toBe("Kyunghyang Shinmun");
  });

  it("finds by substring, and finds nothing for an empty or punctuation-only query", async () => {
    expect((await findSpeakers("lavro")).map((s) => s.name)).toEqual(["Sergey Lavrov"]);
    expect(await findSpeakers("")).toEqual([]);
    expect(await findSpeakers("  -- ")).toEqual([]);
    expect(await findSpeakers("%")).toEqual([]);
    expect(await findSpeakers("zzzz-no-such-speaker")).toEqual([]);
  });
});

describe("speaker aliases", () => {
  it("createSpeaker stores aliases and drops those equal to the name or to each other", async () => {
    const name = `Park ${unique("Min")}`;
    const speaker = await makeSpeaker({ name, aliases: [name.toUpperCase(), "Park M.", "park-m", "Minister Park"] });
    expect(speaker.aliases).toEqual(["Park M.", "Minister Park"]);
    expect((await findSpeakers("minister park")).map((s) => s.id)).toContain(speaker.id);
  });

  it("addAlias refuses an alias that differs only in case or hyphens", async () => {
    const speaker = await makeSpeaker({ name: unique("Lee"), aliases: ["Lee Jae-myung"] });
    const duplicate = await addAlias(SYSTEM, { speakerId: speaker.id, alias: "LEE JAE MYUNG" });
    expect(duplicate.ok).toBe(false);
    if (!duplicate.ok) {
      expect(duplicate.error.code).toBe("conflict");
      expect(duplicate.error.fields?.alias).toBeDefined();
    }
    const added = expectOk(await addAlias(SYSTEM, { speakerId: speaker.id, alias: "Lee J.M." }));
    expect(added.aliasKey).toBe("leejm");
  });

  it("addAlias needs a reviewer and a speaker that exists", async () => {
    const speaker = await makeSpeaker();
    const viewer = await makeUser({ role: "viewer" });
    const reviewer = await makeUser({ role: "reviewer" });
    const refused = await addAlias(asUser(viewer), { speakerId: speaker.id, alias: "Someone" });
    expect(refused.ok ? null : refused.error.code).toBe("forbidden");
    expectOk(await addAlias(asUser(reviewer), { speakerId: speaker.id, alias: "Someone" }));
    const missing = await addAlias(asUser(reviewer), { speakerId: speaker.id + 100_000, alias: "Someone" });
    expect(missing.ok ? null : missing.error.code).toBe("not_found");
    const empty = await addAlias(asUser(reviewer), { speakerId: speaker.id, alias: " - " });
    expect(empty.ok ? null : empty.error.code).toBe("invalid");
  });
});
