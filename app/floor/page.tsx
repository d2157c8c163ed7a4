import { notFound } from "next/navigation";

/**
 * The framework floor for `npm run bench`: a page that renders per request
 * and reads nothing, so the bench can tell what Next.js itself costs per page
 * from what the desk's pages cost. It exists only when the server was started
 * with CLAIMDESK_BENCH_FLOOR=1 (the bench sets it); elsewhere it is a 404.
 */
export const dynamic = "force-dynamic";

export default function FloorPage() {
  if (process.env.CLAIMDESK_BENCH_FLOOR !== "1") notFound();
  return (
    <main id="main">
      <h1>Floor</h1>
    </main>
  );
}
