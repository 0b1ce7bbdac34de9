import type { Metadata } from "next";
import Link from "next/link";
import { listSourceChanges } from "@/lib/sources/list-source-changes";
import { can } from "@/lib/auth/permissions";
import { VerdictStatusBadge } from "@/app/_components/verdict-status";
import { formatDate } from "@/app/_components/format-date";
import { requireSignedIn } from "../require-signed-in";

export const metadata: Metadata = { title: "Source changes" };

export default async function SourceChangesPage() {
  const actor = await requireSignedIn("/workbench/sources");
  const items = await listSourceChanges(actor);
  return (
    <>
      <p className="kicker">Source changes</p>
      <h1>Sources that changed under fact-checks</h1>
      <p>
        A new revision of an article changed, moved or lost a passage that a fact-check in review, approved or published quotes.{" "}
        {can(actor, "verdicts.review")
          ? "A reviewer who wrote none of the fact-check confirms that nothing needs to change, or its editor resubmits a revision quoting the new text."
          : "These are the fact-checks you started or wrote: resubmit a revision quoting the new text, or ask a reviewer to confirm that nothing needs to change."}
      </p>
      <section className="vr-panel queue-section" aria-labelledby="open-title">
        <h2 id="open-title" className="vr-panel-title">
          Open <span className="vr-count">{items.length}</span>
        </h2>
        {items.length === 0 ? (
          <p className="meta">No source changed under a fact-check you are asked about.</p>
        ) : (
          <table className="wb-table">
            <thead>
              <tr>
                <th scope="col">Fact-check</th>
                <th scope="col">Changed articles</th>
                <th scope="col">Raised</th>
                <th scope="col">
                  <span className="visually-hidden">Action</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <tr key={item.itemId}>
                  <td>
                    <div className="queue-headline">
                      <VerdictStatusBadge status={item.verdictStatus} /> <strong>{item.headline || "Untitled verdict"}</strong>
                    </div>
                    <div className="meta">“{item.statement}”</div>
                  </td>
                  <td>
                    <ul className="sc-articles">
                      {item.articles.map((article) => (
                        <li key={`${article.title}-${article.revisionNumber}`}>
                          {article.title} <span className="meta">(revision {article.revisionNumber})</span>
                        </li>
                      ))}
                    </ul>
                  </td>
                  <td>
                    {formatDate(item.raisedAt)}
                    {formatDate(item.updatedAt) !== formatDate(item.raisedAt) && <div className="meta">last change {formatDate(item.updatedAt)}</div>}
                  </td>
                  <td className="action-cell">
                    <Link className="button" href={`/workbench/claims/${item.claimId}#source-changes`}>
                      Decide<span className="visually-hidden">: {item.headline || item.statement}</span>
                    </Link>
                    {item.reviewRevisionId && (
                      <div>
                        <Link href={`/workbench/review/${item.reviewRevisionId}#source-changes`}>
                          Review page<span className="visually-hidden">: {item.headline || item.statement}</span>
                        </Link>
                      </div>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}
