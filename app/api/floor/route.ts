import { apiError } from "@/lib/http/api";

/**
 * The framework floor for `npm run bench`: a route handler that does nothing,
 * so the bench can tell what Next.js itself costs per request from what the
 * desk's own code costs. It exists only when the server was started with
 * CLAIMDESK_BENCH_FLOOR=1 (the bench sets it); any other server answers 404.
 */
export const dynamic = "force-dynamic";

// ?bytes=N: a JSON body of about N bytes made once, so the bench can tell what Next.js costs
// to carry a list page's body from what the list's own code costs
const padded = new Map<number, string>();

export function GET(request: Request) {
  if (process.env.CLAIMDESK_BENCH_FLOOR !== "1") return apiError(404, "not_found", "No such endpoint.");
  const bytes = Math.min(Number(new URL(request.url).searchParams.get("bytes")) || 0, 1_000_000);
  if (!bytes) return Response.json({ ok: true }, { headers: { "Cache-Control": "no-store" } });
  if (!padded.has(bytes)) padded.set(bytes, JSON.stringify({ ok: true, padding: "x".repeat(bytes) }));
  return new Response(padded.get(bytes), { headers: { "Content-Type": "application/json", "Cache-Control": "no-store" } });
}
