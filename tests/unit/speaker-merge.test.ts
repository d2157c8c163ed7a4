import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { findSpeakers } from "@/db/queries/speakers";
import { addAlias, mergeSpeakers, removeAlias } from "@/lib/speakers";
import { SYSTEM, asUser, expectOk, makeClaim, makeSource, makeSpeaker, makeUser, unique } from "./support/factories";

const speakerOf = (claimId: number) =>
  (getDb().$client.prepare("select speaker_id from claims where id = ?").get(claimId) as { speaker_id: number }).speaker_id;

describe("removeAlias", () => {
  it("removes one alias of that speaker only, with an audit row", async () => {
    const speaker = await makeSpeaker({ aliases: ["Rodong"] });
    const other = await makeSpeaker();
    const aliasId = (getDb().$client.prepare("select id from speaker_aliases where speaker_id = ?").get(speaker.id) as { id: number }).id;
    const wrong = await removeAlias(SYSTEM, { speakerId: other.id, aliasId });
    expect(wrong.ok ? null : wrong.error.code).toBe("not_found");
    expectOk(await removeAlias(SYSTEM, { speakerId: speaker.id, aliasId }));
    expect((await findSpeakers("Rodong")).map((s) => s.id)).not.toContain(speaker.id);
    const audit = getDb().$client.prepare("select count(*) as n from audit_log where action like 'speaker.remove_alias%' and entity_id = ?").get(speaker.id) as { n: number };
    expect(audit.n).toBe(1);
  });
});

describe("mergeSpeakers", () => {
  it("moves claims and aliases to the speaker kept, keeps the merged name as an alias, and audits it", async () => {
    const keep = await makeSpeaker({ name: unique("Choe Son Hui"), aliases: ["Choe"] });
    const merge = await makeSpeaker({ name: unique("Choi Son-hee"), aliases: ["Choe", "FM Choe"] });
    const source = await makeSource();
    const claim = await makeClaim({ source, speakerId: merge.id });
    const result = expectOk(await mergeSpeakers(SYSTEM, { keepId: keep.id, mergeId: merge.id }));
    expect(result.movedClaims).toEqual([claim.id]);
    expect(speakerOf(claim.id)).toBe(keep.id);
    expect(result.movedAliases).toEqual(expect.arrayContaining([merge.name, "FM Choe"]));
    expect(result.movedAliases).not.toContain("Choe"); // already an alias of the one kept
    expect(getDb().$client.prepare("select count(*) as n from speakers where id = ?").get(merge.id)).toEqual({ n: 0 });
    expect((await findSpeakers(merge.name))[0]?.id).toBe(keep.id);
    const audit = getDb().$client.prepare("select before, after from audit_log where action like 'speaker.merge%' and entity_id = ?").get(keep.id) as { before: string; after: string };
    expect(JSON.parse(audit.before).merged.name).toBe(merge.name);
  });

  it("refuses merging a speaker into itself, and a viewer", async () => {
    const speaker = await makeSpeaker();
    const self = await mergeSpeakers(SYSTEM, { keepId: speaker.id, mergeId: speaker.id });
    expect(self.ok ? null : self.error.code).toBe("invalid");
    const viewer = await makeUser({ role: "viewer" });
    const refused = await mergeSpeakers(asUser(viewer), { keepId: speaker.id, mergeId: (await makeSpeaker()).id });
    expect(refused.ok ? null : refused.error.code).toBe("forbidden");
    const alias = await addAlias(asUser(viewer), { speakerId: speaker.id, alias: "x" });
    expect(alias.ok ? null : alias.error.code).toBe("forbidden");
  });
});
