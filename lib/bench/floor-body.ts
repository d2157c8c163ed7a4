/**
 * The body of the bench's floor route (`/api/floor?bytes=N`): JSON of about N
 * bytes, so the bench can tell what Next.js costs to carry a list page's body
 * from what the list's own code costs. Only the last size asked for is kept:
 * one body, whatever sizes a caller cycles through.
 */
export const MAX_FLOOR_BYTES = 1_000_000;

let kept: { bytes: number; body: string } | null = null;

export function floorBody(bytes: number): string {
  const size = Math.min(Math.max(Math.floor(bytes) || 0, 0), MAX_FLOOR_BYTES);
  if (kept?.bytes !== size) kept = { bytes: size, body: JSON.stringify({ ok: true, padding: "x".repeat(size) }) };
  return kept.body;
}

/** How many bodies are held (for the test that the floor keeps no growing cache). */
export const floorBodiesHeld = () => (kept ? 1 : 0);
