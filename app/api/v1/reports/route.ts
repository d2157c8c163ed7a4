import { apiError, parseQuery } from "@/lib/http/api";
import { readRoute } from "@/lib/http/write-route";
import { FORMATS, reportStream } from "@/lib/reports";
import { reportFileName, reportFiltersQuery, reportQuery } from "@/lib/reports/filters";

/** GET /api/v1/reports?format=csv|json|jsonld|md|html&status=…: streamed, as an attachment. Viewers may export. */
export const GET = readRoute({
  run: ({ query: { format: rawFormat, ...rest } }) => {
    const format = parseQuery(reportQuery, { format: rawFormat ?? "" });
    if (format instanceof Response) return format;
    const filters = parseQuery(reportFiltersQuery, rest);
    if (filters instanceof Response) return filters;
    if (!FORMATS[format.format]) return apiError(400, "invalid_query", "Unknown format.");
    return new Response(reportStream(format.format, filters), {
      headers: {
        "Content-Type": FORMATS[format.format].contentType,
        "Content-Disposition": `attachment; filename="${reportFileName(format.format, filters)}"`,
        "Cache-Control": "no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  },
});
