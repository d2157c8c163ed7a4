import Link from "next/link";

export default function NotFound() {
  return (
    <main id="main">
      <h1>Not found</h1>
      <p>There is nothing at this address. It may have been removed, or the link is wrong.</p>
      <p>
        <Link href="/sources">Back to the sources</Link>
      </p>
    </main>
  );
}
