import { findSpeakers, listSpeakers } from "@/db/queries/speakers";
import { apiUser, handler, json } from "@/lib/http/api";

/** All speakers with aliases and tallies; with ?q= the ones whose name or alias matches. */
export const GET = handler(async (request: Request) => {
  const user = await apiUser();
  if (user instanceof Response) return user;
  const q = new URL(request.url).searchParams.get("q");
  if (q !== null) return json({ items: findSpeakers(q.slice(0, 200), 20) });
  return json({ items: listSpeakers() });
});
