import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import type { Result } from "@/lib/result";
import { createClaim, deleteClaim, updateClaim } from "@/lib/claims";
import { addEvidence } from "@/lib/evidence";
import { createSource } from "@/lib/sources";
import { updateSource } from "@/lib/sources/update";
import { addAlias, createSpeaker, mergeSpeakers, removeAlias } from "@/lib/speakers";
import { changeRole, createUser, resetPassword, setDisabled } from "@/lib/users";
import { recordVerdict } from "@/lib/verdicts";
import { DEFAULT_BODY, asUser, makeClaim, makeSource, makeSpeaker, makeUser } from "./support/factories";

/**
 * Every server action and route handler is a thin adapter over one of these
 * doors, so a viewer refused here is refused everywhere: with "forbidden",
 * and with nothing written, not even an audit row.
 */
const TABLES = ["users", "sources", "speakers", "speaker_aliases", "claims", "verdicts", "evidence", "audit_log", "api_tokens"];
const snapshot = () =>
  TABLES.map((t) => (getDb().$client.prepare(`select count(*) as n, coalesce(max(rowid), 0) as m from ${t}`).get() as { n: number; m: number }));

let doors: Array<[string, () => Result<unknown> | Promise<Result<unknown>>]>;

beforeAll(async () => {
  const viewer = asUser(await makeUser({ role: "viewer" }));
  const reviewer = await makeUser({ role: "reviewer" });
  const source = await makeSource();
  const claim = await makeClaim({ source });
  const speaker = await makeSpeaker({ aliases: ["Alias One"] });
  const other = await makeSpeaker();
  const aliasId = (getDb().$client.prepare("select id from speaker_aliases where speaker_id = ?").get(speaker.id) as { id: number }).id;
  const quote = "Critics disputed the figures";
  const start = DEFAULT_BODY.indexOf(quote);
  doors = [
    ["createClaim", () => createClaim(viewer, { sourceId: source.id, speakerId: speaker.id, start, end: start + quote.length, quote })],
    ["updateClaim", () => updateClaim(viewer, { claimId: claim.id, baseVersion: claim.version, proposition: "x" })],
    ["deleteClaim", () => deleteClaim(viewer, { claimId: claim.id })],
    ["recordVerdict", () => recordVerdict(viewer, { claimId: claim.id, status: "pending", baseVersion: claim.version })],
    ["addEvidence", () => addEvidence(viewer, { claimId: claim.id, target: { kind: "url", url: "https://example.org" }, stance: "context" })],
    ["createSpeaker", () => createSpeaker(viewer, { name: "Someone New", kind: "person" })],
    ["addAlias", () => addAlias(viewer, { speakerId: speaker.id, alias: "Alias Two" })],
    ["removeAlias", () => removeAlias(viewer, { speakerId: speaker.id, aliasId })],
    ["mergeSpeakers", () => mergeSpeakers(viewer, { keepId: speaker.id, mergeId: other.id })],
    ["createSource", () => createSource(viewer, { title: "T", outlet: "O", publishedAt: "2024-01-01T00:00:00Z", body: "Body." })],
    ["updateSource", () => updateSource(viewer, { sourceId: source.id, baseUpdatedAt: source.updatedAt, body: "New body." })],
    ["createUser", () => createUser(viewer, { email: "new@example.org", name: "New", role: "admin", password: "long enough password" })],
    ["changeRole", () => changeRole(viewer, { userId: reviewer.id, role: "admin" })],
    ["setDisabled", () => setDisabled(viewer, { userId: reviewer.id, disabled: true })],
    ["resetPassword", () => resetPassword(viewer, { userId: reviewer.id, password: "another long password" })],
  ];
});

describe("every write door refuses a viewer", () => {
  it("answers forbidden and writes nothing, for each door", async () => {
    for (const [name, call] of doors) {
      const before = snapshot();
      const result = await call();
      expect(result.ok ? "ok" : result.error.code, name).toBe("forbidden");
      expect(snapshot(), name).toEqual(before);
    }
  });
});
