import Link from "next/link";
import type { ReactNode } from "react";

export default function PublicLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <header className="masthead">
        <div className="masthead-inner">
          <Link href="/" className="brand">
            Claimwork
            <small>Fact-checks, with their sources</small>
          </Link>
          <nav aria-label="Site">
            <Link href="/">Latest</Link>
            <Link href="/methodology">Methodology</Link>
          </nav>
        </div>
      </header>
      <main id="content">{children}</main>
      <footer className="site-footer">
        Every rating follows our published <Link href="/methodology">methodology</Link>. Found an error?{" "}
        <Link href="/methodology#report-an-error">Tell us</Link>.
      </footer>
    </>
  );
}
