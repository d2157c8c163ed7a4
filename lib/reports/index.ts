import "server-only";
import { iterateReportClaims, summarizeReport } from "@/db/queries/report-rows";
import { reportFilterLabels } from "@/db/queries/report-labels";
import type { ReportContext, Writer } from "./context";
import type { ReportFilters, ReportFormat } from "./filters";
import { writeCsv } from "./formats/csv";
import { writeHtml } from "./formats/html";
import { writeJson } from "./formats/json";
import { writeJsonLd } from "./formats/jsonld";
import { writeMarkdown } from "./formats/markdown";

export const FORMATS: Record<ReportFormat, { label: string; contentType: string; write: Writer }> = {
  csv: { label: "CSV", contentType: "text/csv; charset=utf-8", write: writeCsv },
  json: { label: "JSON", contentType: "application/json; charset=utf-8", write: writeJson },
  jsonld: { label: "ClaimReview JSON-LD", contentType: "application/ld+json; charset=utf-8", write: writeJsonLd },
  md: { label: "Markdown", contentType: "text/markdown; charset=utf-8", write: writeMarkdown },
  html: { label: "HTML", contentType: "text/html; charset=utf-8", write: writeHtml },
};

export async function reportContext(filters: ReportFilters, format: ReportFormat): Promise<ReportContext> {
  return {
    generatedAt: new Date().toISOString(),
    filters,
    publicUrl: process.env.PUBLIC_URL || `http://localhost:${process.env.PORT || 3000}`,
    orgName: process.env.ORG_NAME || "Claimdesk",
    filterLabels: await reportFilterLabels(filters),
    ...(format === "html" ? { summary: await summarizeReport(filters) } : {}),
  };
}

/** The report as pieces of text, in order; each piece is one chunk of claims. */
export async function* reportPieces(format: ReportFormat, filters: ReportFilters, onProgress?: (claims: number) => void): AsyncGenerator<string> {
  let done = 0;
  const counted = async function* () {
    for await (const chunk of iterateReportClaims(filters)) {
      yield chunk;
      done += chunk.length;
      onProgress?.(done);
    }
  };
  yield* FORMATS[format].write(counted(), await reportContext(filters, format));
}

/**
 * The report as a byte stream that is produced only as fast as it is read:
 * a slow client holds at most a chunk of claims in memory, never the report.
 */
export function reportStream(format: ReportFormat, filters: ReportFilters): ReadableStream<Uint8Array> {
  const pieces = reportPieces(format, filters);
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          const next = await pieces.next();
          if (next.done) controller.close();
          else controller.enqueue(encoder.encode(next.value));
        } catch (error) {
          console.error("[reports]", error);
          controller.error(error);
        }
      },
      async cancel() {
        await pieces.return(undefined);
      },
    },
    { highWaterMark: 1 },
  );
}
