import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getReviewItem, type ReviewItem } from "@/lib/verdicts/get-review-item";
import { RatingBadge } from "@/app/_components/rating-badge";
import { VerdictStatusBadge } from "@/app/_components/verdict-status";
import { WordDiff } from "@/app/_components/word-diff";
import { Paragraphs } from "@/app/_components/paragraphs";
import { formatDate } from "@/app/_components/format-date";
import { RELATION_WORDS } from "@/lib/relations/relation-words";
import { requireSignedIn } from "../../require-signed-in";
import { getLivePosition } from "@/lib/live/get-live-position";
import { LiveBar } from "@/app/workbench/_live/live-bar";
import { SnapshotDiffView } from "../../_components/snapshot-diff-view";
import { ConsistencyWarningsSlot } from "../consistency-warnings-slot";
import { SourceChangePanel } from "@/app/workbench/_components/source-change-panel";
import { PublishForm, ReviewDecisionForm } from "./review-forms";
import { DiscussionPanel } from "@/app/workbench/_discussion/discussion-panel";

export const metadata: Metadata = { title: "Review" };

type Props = { params: Promise<{ revisionId: string }> };

const dateTime = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
const when = (date: Date) => `${dateTime.format(date)} UTC`;
const NAMES = new Intl.ListFormat("en", { type: "conjunction" });

export default async function ReviewPage({ params }: Props) {
  const { revisionId } = await params;
  const actor = await requireSignedIn(`/workbench/review/${encodeURIComponent(revisionId)}`);
  const since = await getLivePosition(actor);
  const item = await getReviewItem(actor, revisionId);
  if (!item) notFound();
  const { revision, claim } = item;

  return (
    <>
      <nav aria-label="Breadcrumb" className="vr-breadcrumb">
        <Link href="/workbench/review">Review queue</Link> <span aria-hidden="true">›</span>{" "}
        <span aria-current="page">Revision {revision.number}</span>
      </nav>
      <p className="kicker">{item.publication ? "Review of a correction" : "Review"}</p>
      <h1>{revision.headline}</h1>
      <LiveBar page={`verdict:${item.verdictId}`} topics={[]} since={since} what="verdict" />
      <div className="vr-status-line">
        <VerdictStatusBadge status={item.verdictStatus} />
        <span className="meta">
          Revision {revision.number} by {NAMES.format(revision.authorNames)}, submitted by {revision.submitterName} {when(revision.createdAt)}
        </span>
        <Link href={`/workbench/claims/${claim.id}/verdict`}>Open the verdict</Link>
      </div>

      <StateNotice item={item} />
      <SourceChangePanel verdictId={item.verdictId} />

      <div className="review-grid">
        <div>
          <section className="claim-box" aria-label="The claim">
            <blockquote lang={claim.language !== "und" ? claim.language : undefined}>“{claim.statement}”</blockquote>
            <div className="meta">
              Claimed by <strong>{claim.claimant}</strong>
              {claim.claimedAt ? `, ${formatDate(claim.claimedAt)}` : ""}
              {claim.claimantSameAs && (
                <>
                  {" "}
                  ·{" "}
                  <a href={claim.claimantSameAs} rel="nofollow noopener noreferrer">
                    identity link
                  </a>
                </>
              )}
            </div>
            <p className="meta">As this revision will show it to readers: the claim, the passages and the links were frozen when it was submitted.</p>
          </section>

          <section aria-labelledby="revision-title" className="vr-panel">
            <h2 id="revision-title" className="vr-panel-title">
              Revision {revision.number}
            </h2>
            <div className="verdict-row">
              <RatingBadge rating={revision.rating} size="large" />
            </div>
            <h3 className="revision-headline">{revision.headline}</h3>
            <p className="lede">{revision.summary}</p>
            <Paragraphs text={revision.explanation} className="explanation" />
          </section>

          <section aria-labelledby="diff-title" className="vr-panel">
            <h2 id="diff-title" className="vr-panel-title">
              {item.comparedWith ? `Changes since revision ${item.comparedWith.number}` : "Changes"}
            </h2>
            <DiffView item={item} />
          </section>
          <DiscussionPanel actor={actor} on={{ verdictRevisionId: revision.id }} />
        </div>

        <aside className="vr-side">
          <ConsistencyWarningsSlot verdictId={item.verdictId} placement={item.permissions.canPublish ? "publish" : "review"} />
          {item.permissions.canReview && (
            <section aria-labelledby="decision-title" className="vr-panel vr-panel-action">
              <h2 id="decision-title" className="vr-panel-title">
                Your decision
              </h2>
              <ReviewDecisionForm verdictId={item.verdictId} revisionId={revision.id} revisionNumber={revision.number} />
            </section>
          )}
          {item.permissions.canPublish && (
            <section aria-labelledby="publish-title" className="vr-panel vr-panel-action">
              <h2 id="publish-title" className="vr-panel-title">
                {item.publication ? "Publish correction" : "Publish"}
              </h2>
              <PublishForm
                verdictId={item.verdictId}
                revisionId={revision.id}
                revisionNumber={revision.number}
                publicSlug={item.publication?.slug ?? null}
                publishedRevisionNumber={item.publication?.publishedRevisionNumber ?? null}
              />
            </section>
          )}
          <section aria-labelledby="passages-title" className="vr-panel">
            <h2 id="passages-title" className="vr-panel-title">
              Passages readers will see
            </h2>
            {claim.passages.length === 0 ? (
              <p className="meta">No passage quotes this claim.</p>
            ) : (
              <ul className="passage-list">
                {claim.passages.map((passage) => (
                  <li key={passage.id}>
                    <q>{passage.exact}</q>
                    <div className="meta">
                      {passage.article.url ? (
                        <a href={passage.article.url} rel="nofollow noopener noreferrer">
                          {passage.article.title}
                        </a>
                      ) : (
                        passage.article.title
                      )}
                      {passage.article.outlet ? ` · ${passage.article.outlet}` : ""}
                      {` · article revision ${passage.article.revisionNumber}`}
                    </div>
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section aria-labelledby="related-title" className="vr-panel">
            <h2 id="related-title" className="vr-panel-title">
              Related fact-checks listed
            </h2>
            {claim.related.length === 0 ? (
              <p className="meta">None: no published fact-check is linked to this claim.</p>
            ) : (
              <ul className="passage-list">
                {claim.related.map((related) => (
                  <li key={`${related.type}-${related.direction}-${related.claimId}`}>
                    {RELATION_WORDS[related.type][related.direction]}: <Link href={`/fact-checks/${related.slug}`}>“{related.statement}”</Link>
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section aria-labelledby="history-title" className="vr-panel">
            <h2 id="history-title" className="vr-panel-title">
              History
            </h2>
            <ol className="vr-history" reversed>
              {item.history.map((entry) => (
                <li key={entry.id} aria-current={entry.id === revision.id ? "true" : undefined}>
                  <div className="vr-history-head">
                    {entry.id === revision.id ? <strong>Revision {entry.number} (this one)</strong> : <Link href={`/workbench/review/${entry.id}`}>Revision {entry.number}</Link>}
                  </div>
                  <div className="meta">
                    by {NAMES.format(entry.authorNames)}, {when(entry.createdAt)}
                  </div>
                  {entry.reviews.length > 0 && (
                    <ul className="vr-reviews">
                      {entry.reviews.map((review, index) => (
                        <li key={index} className={review.decision === "approve" ? "vr-review-approve" : "vr-review-changes"}>
                          <strong>{review.decision === "approve" ? "Approved" : "Changes requested"}</strong> by {review.reviewerName}, {when(review.createdAt)}
                          {review.comment && <Paragraphs text={review.comment} className="vr-comment" />}
                        </li>
                      ))}
                    </ul>
                  )}
                </li>
              ))}
            </ol>
          </section>
        </aside>
      </div>
    </>
  );
}

function StateNotice({ item }: { item: ReviewItem }) {
  const current = item.current;
  const currentLink = current && current.id !== item.revision.id ? <Link href={`/workbench/review/${current.id}`}>revision {current.number}</Link> : null;
  switch (item.state) {
    case "review":
      return (
        <p className="vr-notice vr-notice-info">
          Read the revision and the changes, then approve it or send it back with a comment. Your decision covers revision {item.revision.number} and no other.
        </p>
      );
    case "own":
      return (
        <p className="vr-notice vr-notice-warn" role="note">
          You wrote or edited this revision, so you cannot approve it or send it back. It is waiting for another reviewer.
        </p>
      );
    case "not_reviewer":
      return <p className="vr-notice vr-notice-info">Waiting for a reviewer. Only reviewers approve or send back revisions.</p>;
    case "approved":
      return (
        <p className="vr-notice vr-notice-ok">
          Approved{item.revision.reviews.at(-1) ? ` by ${item.revision.reviews.at(-1)!.reviewerName}` : ""}.{" "}
          {item.permissions.canPublish ? "It can be published." : "A reviewer publishes it."}
        </p>
      );
    case "sent_back":
      return <p className="vr-notice vr-notice-warn">Sent back to its author with a comment; a new revision will come back to this queue.</p>;
    case "published":
      return item.publication ? (
        <p className="vr-notice vr-notice-ok">
          Public at <Link href={`/fact-checks/${item.publication.slug}`}>/fact-checks/{item.publication.slug}</Link>.
        </p>
      ) : null;
    case "superseded":
      return (
        <p className="vr-notice">
          This revision is no longer the current one{currentLink ? <>: see {currentLink}</> : "; the verdict is being edited again"}. It is kept as it was.
        </p>
      );
  }
}

function DiffView({ item }: { item: ReviewItem }) {
  if (!item.comparedWith || !item.diff) {
    return <p className="meta">This is the first revision anyone reviews: there is nothing to compare it with.</p>;
  }
  const { diff, comparedWith } = item;
  const described =
    comparedWith.lastDecision === "approve"
      ? comparedWith.wasPublic
        ? "published"
        : "approved"
      : comparedWith.lastDecision === "request_changes"
        ? "sent back"
        : "reviewed";
  return (
    <>
      <p className="meta">
        Compared with revision {comparedWith.number}, the last reviewed one ({described}).{" "}
        <span className="vr-legend">
          <del>removed</del> <ins>added</ins>
        </span>
      </p>
      {!diff.changed && !diff.page.changed && <p>No change from revision {comparedWith.number}.</p>}
      <dl className="diff-list">
        <div className={diff.rating.changed ? "diff-changed" : "diff-same"}>
          <dt>Rating</dt>
          <dd>
            {diff.rating.changed ? (
              <>
                <del>{diff.rating.before}</del> <span aria-hidden="true">→</span>
                <span className="visually-hidden"> changed to </span> <ins>{diff.rating.after}</ins>
              </>
            ) : (
              <span>{diff.rating.after} (unchanged)</span>
            )}
          </dd>
        </div>
        {diff.fields.map((field) => (
          <div key={field.field} className={field.changed ? "diff-changed" : "diff-same"}>
            <dt>
              {field.label}
              {!field.changed && <span className="meta"> (unchanged)</span>}
            </dt>
            <dd className="vr-pre">
              {field.parts ? (
                <WordDiff parts={field.parts} />
              ) : (
                <>
                  <p className="meta">Too different to compare word by word. Before:</p>
                  <del className="vr-block">{field.before}</del>
                  <p className="meta">After:</p>
                  <ins className="vr-block">{field.after}</ins>
                </>
              )}
            </dd>
          </div>
        ))}
      </dl>
      {diff.page.changed && (
        <>
          <h3 className="vr-subtitle">Claim, passages and links</h3>
          <SnapshotDiffView diff={diff.page} />
        </>
      )}
    </>
  );
}
