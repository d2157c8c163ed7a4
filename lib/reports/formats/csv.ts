import { stringify } from "csv-stringify/sync";
import { claimUrl, describeEvidence, type Writer } from "../context";

export const CSV_HEADER = [
  "id", "status", "quote", "proposition", "type", "speaker", "source title", "outlet", "source date",
  "resolves on", "latest verdict time", "reviewer", "rationale", "evidence count", "evidence", "link",
];

/**
 * A cell a spreadsheet would read as a formula (=, +, -, @, tab, carriage
 * return first) gets a leading apostrophe, so it shows as the text it is.
 */
export function neutralise(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

/** RFC 4180 by csv-stringify, UTF-8 with a BOM so spreadsheets read Korean text right. */
export const writeCsv: Writer = async function* (chunks, ctx) {
  yield "\uFEFF";
  yield stringify([CSV_HEADER], { record_delimiter: "\r\n" });
  for await (const chunk of chunks) {
    const records = chunk.map((c) =>
      [
        String(c.id),
        c.status,
        c.quote,
        c.proposition ?? "",
        c.type,
        c.speaker.name,
        c.source.title,
        c.source.outlet,
        c.source.publishedAt,
        c.resolvesOn ?? "",
        c.latestVerdict?.createdAt ?? "",
        c.latestVerdict?.reviewer.name ?? "",
        c.latestVerdict?.rationale ?? "",
        String(c.evidence.length),
        c.evidence.map((e) => describeEvidence(e, ctx)).join("\n"),
        claimUrl(ctx, c.id),
      ].map(neutralise),
    );
    yield stringify(records, { record_delimiter: "\r\n" });
  }
};
