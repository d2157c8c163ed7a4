import { listSources } from "@/db/queries/sources";
import { readRoute } from "@/lib/http/write-route";

export const GET = readRoute({ run: () => ({ items: listSources() }) });
