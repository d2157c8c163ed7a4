import { getSourceSummary } from "@/db/queries/sources";
import { listOpenSuggestions } from "@/db/queries/suggestions";
import { readRoute } from "@/lib/http/write-route";

/** GET /api/v1/sources/{id}/suggestions: the claims suggested in it, still waiting for a reviewer. */
export const GET = readRoute({ id: "source", run: async ({ id }) => ((await getSourceSummary(id)) ? { items: await listOpenSuggestions(id) } : null) });
