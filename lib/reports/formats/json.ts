import { claimUrl, type Writer } from "../context";

export const REPORT_SCHEMA = "claimdesk.report/1";

/**
 * `{ "schema": "claimdesk.report/1", "generatedAt", "filters", "claims": [...] }`,
 * each claim with its full verdict history (newest first) and its evidence.
 * Streamed: the claims array is written claim by claim.
 */
export const writeJson: Writer = async function* (chunks, ctx) {
  yield `{"schema":${JSON.stringify(REPORT_SCHEMA)},"generatedAt":${JSON.stringify(ctx.generatedAt)},"filters":${JSON.stringify(ctx.filters)},"claims":[`;
  let first = true;
  for await (const chunk of chunks) {
    let out = "";
    for (const c of chunk) {
      out += (first ? "\n" : ",\n") + JSON.stringify({ ...c, url: claimUrl(ctx, c.id) });
      first = false;
    }
    yield out;
  }
  yield "\n]}\n";
};
