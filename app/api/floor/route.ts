import { floorBody } from "@/lib/bench/floor-body";
import { apiError } from "@/lib/http/api";

/**
 * The framework floor for `npm run bench`: a route handler that does nothing,
 * so the bench can tell what Next.js itself costs per request from what the
 * desk's own code costs. It exists only when the server was started with
 * CLAIMDESK_BENCH_FLOOR=1 (the bench sets it); any other server answers 404.
 */
export const dynamic = "force-dynamic";

export function GET(request: Request) {
  if (process.env.CLAIMDESK_BENCH_FLOOR !== "1") return apiError(404, "not_found", "No such endpoint.");
  const bytes = Number(new URL(request.url).searchParams.get("bytes")) || 0;
  if (!bytes) return Response.json({ ok: true }, { headers: { "Cache-Control": "no-store" } });
  return new Response(floorBody(bytes), { headers: { "Content-Type": "application/json", "Cache-Control": "no-store" } });
}
