import { count, eq, max } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { apiTokens, auditLog, claims, evidence, sources, speakerAliases, speakers, users, verdicts } from "@/db/schema";
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
const TABLES = [users, sources, speakers, speakerAliases, claims, verdicts, evidence, auditLog, apiTokens];
const snapshot = () => Promise.all(TABLES.map(async (t) => (await getDb().select({ n: count(), m: max(t.id) }).from(t))[0]));

let doors: Array<[string, () => Result<unknown> | Promise<Result<unknown>>]>;

beforeAll(async () => {
  const viewer = asUser(await makeUser({ role: "viewer" }));
  const reviewer = await makeUser({ role: "reviewer" });
  const source = await makeSource();
  const claim = await makeClaim({ source });
  const speaker = await makeSpeaker({ aliases: ["Alias One"] });
  const other = await makeSpeaker();
  const [alias] = await getDb().select({ id: speakerAliases.id }).from(speakerAliases).where(eq(speakerAliases.speakerId, speaker.id));
  const aliasId = alias!.id;
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
      const before = await snapshot();
      const result = await call();
      expect(result.ok ? "ok" : result.error.code, name).toBe("forbidden");
      expect(await snapshot(), name).toEqual(before);
    }
  });
});
