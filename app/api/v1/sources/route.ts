import { listSources } from "@/db/queries/sources";
import { handler, json } from "@/lib/http/api";
import { resolveCaller } from "@/lib/http/caller";

export const GET = handler(async (request: Request) => {
  const caller = await resolveCaller(request);
  if (caller instanceof Response) return caller;
  return json({ items: listSources() });
});
