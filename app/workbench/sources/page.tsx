import type { Metadata } from "next";
import Link from "next/link";
import { listSourceChanges } from "@/lib/sources/list-source-changes";
import { getSourceChangesForVerdict, type ChangedQuote } from "@/lib/sources/get-source-changes-for-verdict";
import { can } from "@/lib/auth/permissions";
import { VerdictStatusBadge } from "@/app/_components/verdict-status";
import { WordDiff } from "@/app/_components/word-diff";
import { formatDate } from "@/app/_components/format-date";
import { ANCHOR_WORDS } from "@/app/workbench/_components/source-change-panel";
import { requireSignedIn } from "../require-signed-in";
import "./sources.css";

export const metadata: Metadata = { title: "Source changes" };

export default async function SourceChangesPage() {
  const actor = await requireSignedIn("/workbench/sources");
  const items = await listSourceChanges(actor);
  // What each open item's quotes said and say now, so the queue shows what changed at a glance.
  const details = await Promise.all(items.map((item) => getSourceChangesForVerdict(actor, { verdictId: item.verdictId })));
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
          <table className="wb-table sc-queue">
            <thead>
              <tr>
                <th scope="col">Fact-check</th>
                <th scope="col">
                  What changed{" "}
                  <span className="vr-legend" aria-hidden="true">
                    <del>removed</del> <ins>added</ins>
                  </span>
                </th>
                <th scope="col">Raised</th>
                <th scope="col">
                  <span className="visually-hidden">Action</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((item, index) => {
                const open = details[index]?.open ?? null;
                const canResolve = details[index]?.canResolve ?? false;
                const name = item.headline || item.statement;
                return (
                  <tr key={item.itemId}>
                    <td>
                      <div className="queue-headline">
                        <VerdictStatusBadge status={item.verdictStatus} /> <strong>{item.headline || "Untitled verdict"}</strong>
                      </div>
                      <div className="meta">“{item.statement}”</div>
                    </td>
                    <td>
                      {open && open.quotes.length > 0 ? (
                        <ul className="sc-queue-quotes">
                          {open.quotes.map((quote) => (
                            <QuoteChange key={quote.key} quote={quote} />
                          ))}
                        </ul>
                      ) : (
                        <ul className="sc-articles">
                          {item.articles.map((article) => (
                            <li key={`${article.title}-${article.revisionNumber}`}>
                              {article.title} <span className="meta">(revision {article.revisionNumber})</span>
                            </li>
                          ))}
                        </ul>
                      )}
                    </td>
                    <td>
                      {formatDate(item.raisedAt)}
                      {formatDate(item.updatedAt) !== formatDate(item.raisedAt) && <div className="meta">last change {formatDate(item.updatedAt)}</div>}
                    </td>
                    <td className="action-cell">
                      <Link className="button" href={`/workbench/claims/${item.claimId}#source-changes`}>
                        {canResolve ? "Decide" : "Open"}
                        <span className="visually-hidden">: {name}</span>
                      </Link>
                      {item.reviewRevisionId && (
                        <div>
                          <Link href={`/workbench/review/${item.reviewRevisionId}#source-changes`}>
                            Review page<span className="visually-hidden">: {name}</span>
                          </Link>
                        </div>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}

/** One changed quote in the queue: where, how it was re-anchored, and the words from the approved quote to now. */
function QuoteChange({ quote }: { quote: ChangedQuote }) {
  return (
    <li>
      <p className="sc-queue-source">
        {quote.article.title} <span className="meta">(revision {quote.article.revisionNumber})</span>{" "}
        <span className={`cl-anchor cl-anchor-${quote.anchorStatus}`}>
          {ANCHOR_WORDS[quote.anchorStatus]}
          {quote.anchorStatus === "fuzzy" ? ` (${Math.round(quote.confidence * 100)}% sure)` : ""}
        </span>
      </p>
      {quote.now === null ? (
        <blockquote>
          <del>
            <span className="visually-hidden">[removed: </span>
            {quote.approved.exact}
            <span className="visually-hidden">]</span>
          </del>{" "}
          <em className="meta">The quoted text is no longer in the article.</em>
        </blockquote>
      ) : quote.diff ? (
        <blockquote className="vr-pre">
          <WordDiff parts={quote.diff} />
        </blockquote>
      ) : (
        <dl className="sc-queue-compare">
          <dt>Approved</dt>
          <dd>{quote.approved.exact}</dd>
          <dt>Now</dt>
          <dd>{quote.now}</dd>
        </dl>
      )}
    </li>
  );
}
