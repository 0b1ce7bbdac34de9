"use client";

// What a reader sees when a page fails to render (in practice: the database is unreachable). The
// status stays 500, as Next sets it; the text tells the reader the failure is ours and passing.
export default function PageError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main id="content" className="narrow">
      <p className="kicker">Temporarily unavailable</p>
      <h1>This page could not be loaded</h1>
      <p>
        Something on our side is not answering. Nothing you did caused it; please try again in a moment.
        {error.digest ? ` (Reference ${error.digest}.)` : null}
      </p>
      <button type="button" onClick={reset}>
        Try again
      </button>
    </main>
  );
}
