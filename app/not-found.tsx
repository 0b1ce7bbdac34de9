import Link from "next/link";

export default function NotFound() {
  return (
    <main id="content" className="narrow">
      <p className="kicker">404</p>
      <h1>This page does not exist</h1>
      <p>
        The address may be mistyped, or the page was never published. <Link href="/">See the latest fact-checks</Link>.
      </p>
    </main>
  );
}
