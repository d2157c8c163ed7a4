import { z } from "zod";
import { CLAIM_STATUSES, CLAIM_TYPES, SPEAKER_KINDS, STANCES } from "@/db/enums";
import { LIMITS, httpUrl, id, isoDate, optionalText, requiredName, text } from "./common";

const offset = z.number().int().nonnegative();

export const createClaimInput = z
  .strictObject({
    sourceId: id,
    speakerId: id.optional(),
    /** matched through names and aliases; a new speaker is made only when nothing matches */
    speakerName: requiredName(LIMITS.name, "Speaker name").optional(),
    speakerKind: z.enum(SPEAKER_KINDS).default("person"),
    start: offset,
    end: offset,
    // never stripped or trimmed: a quote must equal the article text at start..end
    quote: text("Quote")
      .transform((s) => s.normalize("NFC"))
      .pipe(z.string().min(1, "Select some text to quote.").max(LIMITS.quote, `A quote is at most ${LIMITS.quote} characters.`)),
    type: z.enum(CLAIM_TYPES).default("statement"),
    proposition: optionalText(LIMITS.proposition, "Proposition"),
    resolvesOn: isoDate.nullish().transform((d) => d ?? null),
  })
  .refine((c) => c.end > c.start, { message: "The end comes after the start.", path: ["end"] })
  .refine((c) => (c.speakerId === undefined) !== (c.speakerName === undefined), {
    message: "Name the speaker: give speakerId or speakerName (one of them).",
    path: ["speakerId"],
  })
  .refine((c) => c.resolvesOn === null || c.type === "prediction", {
    message: "Only a prediction resolves on a date.",
    path: ["resolvesOn"],
  });

/** Only what a reviewer may change; the quote and its anchor stay as captured. */
export const updateClaimInput = z
  .strictObject({
    claimId: id,
    baseVersion: z.number().int().positive(),
    speakerId: id.optional(),
    type: z.enum(CLAIM_TYPES).optional(),
    proposition: optionalText(LIMITS.proposition, "Proposition").optional(),
    resolvesOn: isoDate.nullable().optional(),
  })
  .refine((c) => ["speakerId", "type", "proposition", "resolvesOn"].some((k) => k in c), {
    message: "Nothing to change: give speakerId, type, proposition or resolvesOn.",
    path: ["_"],
  });

export const deleteClaimInput = z.strictObject({ claimId: id, baseVersion: z.number().int().positive().optional() });

export const evidenceTarget = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("claim"), claimId: id }),
  z.strictObject({
    kind: z.literal("passage"),
    sourceId: id,
    start: offset,
    end: offset,
    quote: text("Quote").min(1).max(LIMITS.quote),
  }),
  z.strictObject({ kind: z.literal("url"), url: httpUrl }),
]);

export const evidenceItem = z.strictObject({
  target: evidenceTarget,
  stance: z.enum(STANCES, { message: "Stance is supports, refutes or context." }),
  note: optionalText(LIMITS.note, "Note").transform((n) => n ?? ""),
});

export const addEvidenceInput = evidenceItem.extend({ claimId: id });

export const recordVerdictInput = z
  .strictObject({
    claimId: id,
    status: z.enum(CLAIM_STATUSES, { message: "Verdict is pending, corroborated or contradicted." }),
    rationale: text("Rationale")
      .transform((s) => s.normalize("NFC").trim())
      .pipe(z.string().max(LIMITS.rationale, `A rationale is at most ${LIMITS.rationale} characters.`))
      .default(""),
    baseVersion: z.number().int().positive(),
    evidence: z.array(evidenceItem).max(20, "At most 20 pieces of evidence at once.").default([]),
  })
  .refine((v) => v.status === "pending" || v.rationale.length > 0, {
    message: "Say why: a rationale is required for corroborated and contradicted.",
    path: ["rationale"],
  });
