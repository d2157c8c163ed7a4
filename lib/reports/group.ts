import type { ReportClaim } from "@/db/queries/report-rows";
import type { ReportChunks } from "./context";

export type GroupEvent =
  | { kind: "source"; claim: ReportClaim }
  | { kind: "status"; claim: ReportClaim }
  | { kind: "claim"; claim: ReportClaim };

/**
 * Walks claims that arrive ordered by source then status, and says where a
 * new source and a new status begin: the Markdown and HTML reports are
 * grouped that way without holding more than a chunk.
 */
export async function* grouped(chunks: ReportChunks): AsyncGenerator<GroupEvent[]> {
  let source: number | null = null;
  let status: string | null = null;
  for await (const chunk of chunks) {
    const events: GroupEvent[] = [];
    for (const claim of chunk) {
      if (claim.source.id !== source) {
        source = claim.source.id;
        status = null;
        events.push({ kind: "source", claim });
      }
      if (claim.status !== status) {
        status = claim.status;
        events.push({ kind: "status", claim });
      }
      events.push({ kind: "claim", claim });
    }
    yield events;
  }
}
