import { handler } from "@/lib/http/api";
import { resolveCaller } from "@/lib/http/caller";
import { reportStream } from "@/lib/reports";
import { reportFiltersQuery } from "@/lib/reports/filters";
import { esc } from "@/lib/reports/formats/html";
import { zodFields } from "@/lib/validation/fields";
import { queryObject } from "@/lib/validation/claim-filters";

const HEADERS = {
  "Content-Type": "text/html; charset=utf-8",
  "Cache-Control": "no-store",
  "X-Content-Type-Options": "nosniff",
};

function problemPage(fields: Record<string, string>): Response {
  const items = Object.entries(fields)
    .map(([field, message]) => `<li>${esc(field === "_" ? message : `${field}: ${message}`)}</li>`)
    .join("");
  const html =
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Report filters not valid</title></head><body><main>` +
    `<h1>These report filters are not valid</h1><ul>${items}</ul><p><a href="/reports">Back to Reports</a></p></main></body></html>\n`;
  return new Response(html, { status: 400, headers: HEADERS });
}

/**
 * GET /reports/print?status=…: the printable HTML report, shown in the browser
 * (no attachment); its stylesheet paginates for print. Viewers may read it.
 */
export const GET = handler(async (request: Request) => {
  const url = new URL(request.url);
  const caller = await resolveCaller(request);
  if (caller instanceof Response) {
    // a script with a token gets the API's answer; a browser goes to sign in
    if (request.headers.has("authorization")) return caller;
    const login = `/login?callbackUrl=${encodeURIComponent(url.pathname + url.search)}`;
    return new Response(null, { status: 303, headers: { Location: login, "Cache-Control": "no-store" } });
  }
  const parsed = reportFiltersQuery.safeParse(queryObject(url.searchParams));
  if (!parsed.success) return problemPage(zodFields(parsed.error));
  return new Response(reportStream("html", parsed.data), { headers: HEADERS });
});
