import { getSource } from "@/db/queries/sources";
import { readRoute } from "@/lib/http/write-route";

export const GET = readRoute({ id: "source", run: ({ id }) => getSource(id) });
