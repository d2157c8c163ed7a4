import Link from "next/link";

/**
 * "Previous page" and "Next page" for a list read by keyset: links where
 * there is a page to go to, plain text where there is none, so the pair
 * never moves under the pointer.
 */
export function Pager({ label, previous, next }: { label: string; previous: string | null; next: string | null }) {
  if (!previous && !next) return null;
  return (
    <nav className="pager" aria-label={label}>
      {previous ? (
        <Link href={previous} rel="prev">
          <span aria-hidden="true">← </span>Previous page
        </Link>
      ) : (
        <span className="muted">
          <span aria-hidden="true">← </span>Previous page
        </span>
      )}
      {next ? (
        <Link href={next} rel="next">
          Next page<span aria-hidden="true"> →</span>
        </Link>
      ) : (
        <span className="muted">
          Next page<span aria-hidden="true"> →</span>
        </span>
      )}
    </nav>
  );
}
