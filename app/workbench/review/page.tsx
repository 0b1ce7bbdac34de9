import type { Metadata } from "next";
import Link from "next/link";
import { listReviewQueue, type ReviewQueueItem } from "@/lib/verdicts/list-review-queue";
import { RatingBadge } from "@/app/_components/rating-badge";
import { formatDate } from "@/app/_components/format-date";
import { requireSignedIn } from "../require-signed-in";
import { getLivePosition } from "@/lib/live/get-live-position";
import { LiveBar } from "../_live/live-bar";
import { ConsistencyWarningsSlot } from "./consistency-warnings-slot";

export const metadata: Metadata = { title: "Review queue" };

type Column = "review" | "waiting" | "publish" | "sent_back";

function QueueTable({ id, title, items, empty, column }: { id: string; title: string; items: ReviewQueueItem[]; empty: string; column: Column }) {
  return (
    <section className="vr-panel queue-section" aria-labelledby={id}>
      <h2 id={id} className="vr-panel-title">
        {title} <span className="vr-count">{items.length}</span>
      </h2>
      {items.length === 0 ? (
        <p className="meta">{empty}</p>
      ) : (
        <table className="wb-table">
          <thead>
            <tr>
              <th scope="col">Verdict</th>
              <th scope="col">Revision</th>
              <th scope="col">{column === "publish" ? "Approved" : "Submitted"}</th>
              <th scope="col">
                <span className="visually-hidden">Action</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr key={item.revisionId}>
                <td>
                  <div className="queue-headline">
                    <RatingBadge rating={item.rating} /> <strong>{item.headline}</strong>
                    {item.publicSlug && <span className="status-badge status-correction">Correction</span>}
                  </div>
                  <div className="meta">
                    {item.claimant}: “{item.claimStatement}”
                  </div>
                  <ConsistencyWarningsSlot verdictId={item.verdictId} />
                </td>
                <td>
                  {item.revisionNumber}
                  <div className="meta">by {item.authorName}</div>
                </td>
                <td>{formatDate(column === "publish" && item.decidedAt ? item.decidedAt : item.submittedAt)}</td>
                <td className="action-cell">
                  {column === "review" && (
                    <Link className="button" href={`/workbench/review/${item.revisionId}`}>
                      Review<span className="visually-hidden"> revision {item.revisionNumber}: {item.headline}</span>
                    </Link>
                  )}
                  {column === "waiting" && (
                    <>
                      <span className="meta">Waiting for another reviewer</span>{" "}
                      <Link href={`/workbench/review/${item.revisionId}`}>
                        Open<span className="visually-hidden"> revision {item.revisionNumber}: {item.headline}</span>
                      </Link>
                    </>
                  )}
                  {column === "publish" && (
                    <Link className="button" href={`/workbench/review/${item.revisionId}`}>
                      {item.publicSlug ? "Publish correction" : "Publish"}
                      <span className="visually-hidden">: {item.headline}</span>
                    </Link>
                  )}
                  {column === "sent_back" && (
                    <Link className="button" href={`/workbench/claims/${item.claimId}/verdict`}>
                      Revise<span className="visually-hidden">: {item.headline}</span>
                    </Link>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

export default async function ReviewQueuePage() {
  const actor = await requireSignedIn("/workbench/review");
  const since = await getLivePosition(actor);
  const queue = await listReviewQueue(actor);
  return (
    <>
      <p className="kicker">Review</p>
      <h1>Review queue</h1>
      <LiveBar page="queue" topics={[]} since={since} />
      <p className="meta narrow">
        Every verdict is approved by someone other than its author, on the exact revision that will be published. Revisions
        you wrote wait for another reviewer.
      </p>
      <div className="queue-stack">
        {queue.awaitingReview ? (
          <QueueTable
            id="queue-awaiting"
            title="Awaiting your review"
            items={queue.awaitingReview}
            empty="Nothing waits for your review."
            column="review"
          />
        ) : (
          <p className="vr-notice">Reviewers approve or send back revisions. Yours are listed below while they wait.</p>
        )}
        {queue.readyToPublish && (
          <QueueTable
            id="queue-publish"
            title="Approved, ready to publish"
            items={queue.readyToPublish}
            empty="No approved revision waits to be published."
            column="publish"
          />
        )}
        <QueueTable
          id="queue-waiting"
          title="Your revisions, waiting for another reviewer"
          items={queue.waitingForAnotherReviewer}
          empty="None of your revisions is in review."
          column="waiting"
        />
        <QueueTable id="queue-sent-back" title="Sent back to you" items={queue.sentBack} empty="No revision of yours was sent back." column="sent_back" />
      </div>
    </>
  );
}
