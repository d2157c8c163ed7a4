import { describe, expect, it } from "vitest";
import { rawGet } from "@/db/raw";
import { findSpeakers } from "@/db/queries/speakers";
import { addAlias, mergeSpeakers, removeAlias } from "@/lib/speakers";
import { SYSTEM, asUser, expectOk, makeClaim, makeSource, makeSpeaker, makeUser, unique } from "./support/factories";
import { countRows } from "./support/rows";

const speakerOf = async (claimId: number) => (await rawGet<{ speaker_id: number }>("select speaker_id from claims where id = ?", [claimId]))!.speaker_id;

describe("removeAlias", () => {
  it("removes one alias of that speaker only, with an audit row", async () => {
    const speaker = await makeSpeaker({ aliases: ["Rodong"] });
    const other = await makeSpeaker();
    const aliasId = (await rawGet<{ id: number }>("select id from speaker_aliases where speaker_id = ?", [speaker.id]))!.id;
    const wrong = await removeAlias(SYSTEM, { speakerId: other.id, aliasId });
    expect(wrong.ok ? null : wrong.error.code).toBe("not_found");
    expectOk(await removeAlias(SYSTEM, { speakerId: speaker.id, aliasId }));
    expect((await findSpeakers("Rodong")).map((s) => s.id)).not.toContain(speaker.id);
    expect(await countRows("audit_log where action like 'speaker.remove_alias%' and entity_id = ?", speaker.id)).toBe(1);
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
    expect(await speakerOf(claim.id)).toBe(keep.id);
    expect(result.movedAliases).toEqual(expect.arrayContaining([merge.name, "FM Choe"]));
    expect(result.movedAliases).not.toContain("Choe"); // already an alias of the one kept
    expect(await countRows("speakers where id = ?", merge.id)).toBe(0);
    expect((await findSpeakers(merge.name))[0]?.id).toBe(keep.id);
    const audit = (await rawGet<{ before: string; after: string }>("select before, after from audit_log where action like 'speaker.merge%' and entity_id = ?", [keep.id]))!;
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
