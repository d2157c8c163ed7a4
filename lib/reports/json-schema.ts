import { z } from "zod";
import { CLAIM_STATUSES, CLAIM_TYPES, SPEAKER_KINDS, STANCES } from "@/db/schema";

/**
 * The documented shape of the JSON report, version 1. Scripts may rely on it;
 * a change that breaks it gets a new `schema` value.
 */
const verdict = z.object({
  id: z.number().int(),
  status: z.enum(CLAIM_STATUSES),
  rationale: z.string(),
  createdAt: z.string(),
  reviewer: z.object({ id: z.number().int(), name: z.string() }),
});

export const reportJsonSchema = z.object({
  schema: z.literal("claimdesk.report/1"),
  generatedAt: z.iso.datetime(),
  filters: z.record(z.string(), z.union([z.string(), z.number()])),
  claims: z.array(
    z.object({
      id: z.number().int(),
      url: z.url(),
      status: z.enum(CLAIM_STATUSES),
      quote: z.string(),
      proposition: z.string().nullable(),
      type: z.enum(CLAIM_TYPES),
      resolvesOn: z.string().nullable(),
      version: z.number().int(),
      createdAt: z.string(),
      speaker: z.object({ id: z.number().int(), name: z.string(), kind: z.enum(SPEAKER_KINDS) }),
      source: z.object({ id: z.number().int(), title: z.string(), outlet: z.string(), publishedAt: z.string(), url: z.string().nullable() }),
      latestVerdict: verdict.nullable(),
      verdicts: z.array(verdict),
      evidence: z.array(
        z.object({
          id: z.number().int(),
          verdictId: z.number().int().nullable(),
          stance: z.enum(STANCES),
          note: z.string(),
          target: z.discriminatedUnion("kind", [
            z.object({ kind: z.literal("claim"), claimId: z.number().int(), quote: z.string(), sourceTitle: z.string() }),
            z.object({ kind: z.literal("passage"), sourceId: z.number().int(), sourceTitle: z.string(), start: z.number().int(), end: z.number().int(), quote: z.string() }),
            z.object({ kind: z.literal("url"), url: z.string() }),
          ]),
        }),
      ),
    }),
  ),
});
