import { z } from "zod";
import { findSpeakers, listSpeakers } from "@/db/queries/speakers";
import { readRoute, created, writeRoute } from "@/lib/http/write-route";
import { createSpeaker } from "@/lib/speakers";

/** All speakers with aliases and tallies; with ?q= the ones whose name or alias matches. */
export const GET = readRoute({
  query: z.object({ q: z.string().optional() }),
  run: async ({ query }) => ({ items: query.q === undefined ? await listSpeakers() : await findSpeakers(query.q.slice(0, 200), 20) }),
});

export const POST = writeRoute({
  body: true,
  run: ({ actor, body }) => createSpeaker(actor, body),
  respond: created,
});
