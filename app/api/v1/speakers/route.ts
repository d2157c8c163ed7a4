import { findSpeakers, listSpeakers } from "@/db/queries/speakers";
import { handler, json } from "@/lib/http/api";
import { resolveCaller } from "@/lib/http/caller";
import { created, writeRoute } from "@/lib/http/write-route";
import { createSpeaker } from "@/lib/speakers";

/** All speakers with aliases and tallies; with ?q= the ones whose name or alias matches. */
export const GET = handler(async (request: Request) => {
  const caller = await resolveCaller(request);
  if (caller instanceof Response) return caller;
  const q = new URL(request.url).searchParams.get("q");
  if (q !== null) return json({ items: findSpeakers(q.slice(0, 200), 20) });
  return json({ items: listSpeakers() });
});

export const POST = writeRoute({
  body: true,
  run: ({ actor, body }) => createSpeaker(actor, body),
  respond: created,
});
