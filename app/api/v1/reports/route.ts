import { apiError, handler, parseQuery } from "@/lib/http/api";
import { resolveCaller } from "@/lib/http/caller";
import { FORMATS, reportStream } from "@/lib/reports";
import { reportFileName, reportFiltersQuery, reportQuery } from "@/lib/reports/filters";
import { queryObject } from "@/lib/validation/claim-filters";

/** GET /api/v1/reports?format=csv|json|jsonld|md|html&status=…: streamed, as an attachment. Viewers may export. */
export const GET = handler(async (request: Request) => {
  const caller = await resolveCaller(request);
  if (caller instanceof Response) return caller;
  const { format: rawFormat, ...rest } = queryObject(new URL(request.url).searchParams);
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
});
