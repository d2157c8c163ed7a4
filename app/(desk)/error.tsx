"use client";

/** Unexpected failures: the details stay in the server log, the reader gets a way on. */
export default function DeskError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <>
      <h1>Something went wrong</h1>
      <p role="alert" aria-label="Page problem">
        This page could not be shown. Nothing you saved was lost.
      </p>
      <button type="button" onClick={reset}>
        Try again
      </button>
    </>
  );
}
