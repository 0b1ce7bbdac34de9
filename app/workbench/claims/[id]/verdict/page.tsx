import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getVerdictForEditing, type RevisionHistoryEntry, type VerdictEditingView } from "@/lib/verdicts/get-verdict-for-editing";
import { RATING_SCALE, ratingInfo } from "@/lib/verdicts/rating-scale";
import { RatingBadge } from "@/app/_components/rating-badge";
import { VerdictStatusBadge } from "@/app/_components/verdict-status";
import { Paragraphs } from "@/app/_components/paragraphs";
import { formatDate } from "@/app/_components/format-date";
import { requireSignedIn } from "../../../require-signed-in";
import { VerdictEditor } from "./verdict-editor";
import { getLivePosition } from "@/lib/live/get-live-position";
import { LiveBar } from "@/app/workbench/_live/live-bar";
import { LiveUpdateBar } from "@/app/workbench/_live/live-update-bar";

export const metadata: Metadata = { title: "Verdict" };

type Props = { params: Promise<{ id: string }> };

const dateTime = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
const when = (date: Date) => `${dateTime.format(date)} UTC`;

export default async function VerdictPage({ params }: Props) {
  const { id } = await params;
  const actor = await requireSignedIn(`/workbench/claims/${encodeURIComponent(id)}/verdict`);
  const since = await getLivePosition(actor);
  const view = await getVerdictForEditing(actor, id);
  if (!view) notFound();
  const { claim, verdict, permissions } = view;
  const status = verdict?.status ?? null;
  const liveTopic = verdict ? `verdict:${verdict.id}` : `claim:${claim.id}`;

  return (
    <>
      <nav aria-label="Breadcrumb" className="vr-breadcrumb">
        <Link href="/workbench/claims">Claims</Link> <span aria-hidden="true">›</span>{" "}
        <Link href={`/workbench/claims/${claim.id}`}>Claim</Link> <span aria-hidden="true">›</span> <span aria-current="page">Verdict</span>
      </nav>
      <p className="kicker">Verdict</p>
      <h1 className="claim-title">
        <span lang={claim.language !== "und" ? claim.language : undefined}>“{claim.statement}”</span>
      </h1>
      <LiveBar page={liveTopic} topics={[`claim:${claim.id}`]} since={since} what="verdict" />
      <p className="meta">
        Claimed by <strong>{claim.claimant}</strong>
        {claim.claimedAt ? `, ${formatDate(claim.claimedAt)}` : ""}
      </p>

      <div className="vr-status-line">
        <VerdictStatusBadge status={status} />
        {verdict?.currentRevision && <span className="meta">Latest revision: {verdict.currentRevision.number}</span>}
        {verdict?.publication && (
          <span className="meta">
            Public as revision {verdict.publication.publishedRevisionNumber}:{" "}
            <Link href={`/fact-checks/${verdict.publication.slug}`}>/fact-checks/{verdict.publication.slug}</Link>
          </span>
        )}
      </div>

      <StatusNotice view={view} />

      <div className="editor-grid">
        <section aria-labelledby="draft-title" className="vr-panel">
          <h2 id="draft-title" className="vr-panel-title">
            {permissions.canEdit ? (verdict ? "Working draft" : "Draft a verdict") : "Working draft (read only)"}
          </h2>
          {permissions.canEdit ? (
            <LiveUpdateBar topic={liveTopic} viewerId={actor.id} verdictId={verdict?.id ?? null}>
              <VerdictEditor
                claimId={claim.id}
                verdictId={verdict?.id ?? null}
                version={verdict?.version ?? null}
                initial={verdict?.draft ?? { rating: null, headline: "", summary: "", explanation: "" }}
                scale={RATING_SCALE}
                canSubmit={permissions.canSubmit}
                editStartsNewDraft={status === "approved" || status === "published"}
                passages={claim.passages
                  .filter((passage) => passage.status !== "orphaned")
                  .map((passage) => ({
                    id: passage.id,
                    exact: passage.exact,
                    source: [passage.article.title, passage.article.outlet, passage.article.publishedAt ? formatDate(passage.article.publishedAt) : null]
                      .filter(Boolean)
                      .join(", "),
                  }))}
              />
            </LiveUpdateBar>
          ) : (
            <ReadOnlyDraft view={view} />
          )}
        </section>

        <aside className="vr-side">
          <section aria-labelledby="passages-title" className="vr-panel">
            <h2 id="passages-title" className="vr-panel-title">
              Passages <span className="meta">({claim.passages.length})</span>
            </h2>
            {claim.passages.length === 0 ? (
              <p className="meta">No passage quotes this claim yet. Anchor one in an article to cite it.</p>
            ) : (
              <ul className="passage-list">
                {claim.passages.map((passage) => (
                  <li key={passage.id}>
                    <q>{passage.exact}</q>
                    <div className="meta">
                      {passage.article.title}
                      {passage.article.outlet ? ` · ${passage.article.outlet}` : ""}
                      {passage.status !== "anchored" ? ` · ${passage.status}` : ""}
                    </div>
                  </li>
                ))}
              </ul>
            )}
          </section>
          <RevisionHistory revisions={view.revisions} />
        </aside>
      </div>
    </>
  );
}

function StatusNotice({ view }: { view: VerdictEditingView }) {
  const verdict = view.verdict;
  if (!verdict) {
    return (
      <p className="vr-notice">
        This claim has no verdict yet. Choose a rating, write the headline, summary and explanation, save the draft, then submit it for review.
      </p>
    );
  }
  const revision = verdict.currentRevision;
  const reviewLink = revision ? <Link href={`/workbench/review/${revision.id}`}>revision {revision.number}</Link> : null;
  switch (verdict.status) {
    case "in_review":
      return (
        <p className="vr-notice vr-notice-info">
          In review: {reviewLink} waits for a reviewer, who cannot be its author. You can edit the draft again once a reviewer has decided.
        </p>
      );
    case "changes_requested":
    case "draft":
      if (verdict.changesRequested) {
        const request = verdict.changesRequested;
        return (
          <div className="vr-notice vr-notice-warn" role="note">
            <strong>
              Changes requested on revision {request.revisionNumber} by {request.reviewerName}, {when(request.createdAt)}:
            </strong>
            <Paragraphs text={request.comment} className="vr-comment" />
            <span className="meta">Revise the draft and submit it again.</span>
          </div>
        );
      }
      return verdict.publication ? (
        <p className="vr-notice vr-notice-warn">
          A correction is being drafted. Readers keep seeing revision {verdict.publication.publishedRevisionNumber} until the new revision is reviewed and published with a correction note.
        </p>
      ) : null;
    case "approved":
      return (
        <p className="vr-notice vr-notice-ok">
          Approved: {reviewLink} is ready to publish. Saving changes makes a new draft: an approval covers exactly the revision it names.
        </p>
      );
    case "published":
      return (
        <p className="vr-notice vr-notice-ok">
          Published. Saving changes starts a correction: readers keep seeing revision {verdict.publication?.publishedRevisionNumber} until the new
          revision is reviewed and published with a correction note.
        </p>
      );
  }
}

function ReadOnlyDraft({ view }: { view: VerdictEditingView }) {
  const draft = view.verdict?.draft;
  if (!draft) return <p className="meta">No verdict has been drafted.</p>;
  return (
    <div className="vr-read-only">
      <p>{draft.rating ? <RatingBadge rating={ratingInfo(draft.rating)} /> : <span className="meta">No rating chosen</span>}</p>
      <h3>{draft.headline || "Untitled"}</h3>
      <p className="lede">{draft.summary}</p>
      <Paragraphs text={draft.explanation} className="explanation" />
    </div>
  );
}

function RevisionHistory({ revisions }: { revisions: RevisionHistoryEntry[] }) {
  return (
    <section aria-labelledby="history-title" className="vr-panel">
      <h2 id="history-title" className="vr-panel-title">
        Revision history
      </h2>
      {revisions.length === 0 ? (
        <p className="meta">Nothing submitted yet. Each submission becomes a revision that cannot change.</p>
      ) : (
        <ol className="vr-history" reversed>
          {revisions.map((revision) => (
            <li key={revision.id}>
              <div className="vr-history-head">
                <Link href={`/workbench/review/${revision.id}`}>Revision {revision.number}</Link>
                <RatingBadge rating={revision.rating} />
                {revision.isPublic && <span className="status-badge status-published">Public</span>}
                {!revision.isPublic && revision.publication && <span className="status-badge status-none">Was public</span>}
              </div>
              <div className="meta">
                by {revision.authorName}, {when(revision.createdAt)}
              </div>
              <div className="vr-history-headline">{revision.headline}</div>
              {revision.reviews.length === 0 ? (
                <div className="meta">Not reviewed</div>
              ) : (
                <ul className="vr-reviews">
                  {revision.reviews.map((review, index) => (
                    <li key={index} className={review.decision === "approve" ? "vr-review-approve" : "vr-review-changes"}>
                      <strong>{review.decision === "approve" ? "Approved" : "Changes requested"}</strong> by {review.reviewerName},{" "}
                      {when(review.createdAt)}
                      {review.comment && <Paragraphs text={review.comment} className="vr-comment" />}
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
