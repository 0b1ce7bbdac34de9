import Link from "next/link";
import type { ReactNode } from "react";
import { getActor } from "@/lib/auth/get-actor";
import { can } from "@/lib/auth/permissions";
import { countSourceChanges } from "@/lib/sources/count-source-changes";
import { SignOutButton } from "./sign-out-button";
import { InboxLink } from "./inbox/inbox-link";

// The bar only shows who is signed in; each page still checks the session itself.
export default async function WorkbenchLayout({ children }: { children: ReactNode }) {
  const actor = await getActor();
  const sourceChanges = actor && can(actor, "verdicts.draft") ? await countSourceChanges(actor) : null;
  return (
    <>
      <header className="wb-bar">
        <nav className="wb-bar-inner" aria-label="Workbench">
          <Link href="/workbench" className="brand-small">
            Claimwork
          </Link>
          <Link href="/workbench">Queues</Link>
          <InboxLink actor={actor} />
          <Link href="/workbench/articles">Articles</Link>
          <Link href="/workbench/to-check">To check</Link>
          <Link href="/workbench/claims">Claims</Link>
          {actor && can(actor, "claims.read") && <Link href="/workbench/board">Board</Link>}
          {actor && can(actor, "verdicts.submit") && <Link href="/workbench/review">Review</Link>}
          {sourceChanges !== null && (
            <Link href="/workbench/sources">
              Source changes
              {sourceChanges > 0 && (
                <span className="nav-count">
                  {sourceChanges}
                  <span className="visually-hidden"> open</span>
                </span>
              )}
            </Link>
          )}
          <Link href="/workbench/graph">Graph</Link>
          <Link href="/workbench/exchange">Fact-checkers</Link>
          {actor && can(actor, "users.manage") && <Link href="/workbench/users">Users</Link>}
          {actor && can(actor, "audit.read") && <Link href="/workbench/audit">Audit log</Link>}
          <Link href="/">Public site</Link>
          <span className="spacer" />
          {actor && (
            <>
              {/* Who is signed in, and the way to their account page (password). */}
              <Link href="/workbench/account" className="who" aria-label={`Your account: ${actor.name}, ${actor.role}`}>
                {actor.name} <span className="role-badge">{actor.role}</span>
              </Link>
              <SignOutButton />
            </>
          )}
        </nav>
      </header>
      <main id="content" className="wb-main">
        {children}
      </main>
    </>
  );
}
