import { idParam } from "@/lib/http/api";
import { withPathId } from "@/lib/http/input";
import { created, writeRoute } from "@/lib/http/write-route";
import { addAlias } from "@/lib/speakers";

export const POST = writeRoute({
  body: true,
  run: ({ actor, body, params }) => {
    const id = idParam(params.id ?? "", "speaker");
    return id instanceof Response ? id : addAlias(actor, withPathId(body, "speakerId", id));
  },
  respond: created,
});
