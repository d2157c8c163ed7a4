import { withPathId } from "@/lib/http/input";
import { created, writeRoute } from "@/lib/http/write-route";
import { addAlias } from "@/lib/speakers";

export const POST = writeRoute({
  id: "speaker",
  body: true,
  run: ({ actor, body, id }) => addAlias(actor, withPathId(body, "speakerId", id)),
  respond: created,
});
