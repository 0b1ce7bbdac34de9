import type { Metadata } from "next";
import Link from "next/link";
import { getWorkbenchQueues, type QueueItem } from "@/lib/verdicts/get-workbench-queues";
import type { SourceChangeQueueItem } from "@/lib/sources/list-source-changes";
import { formatDate } from "@/app/_components/format-date";
import { requireSignedIn } from "./require-signed-in";
import { AssignmentQueues } from "./_assignments/assignment-queues";
import { QueueSection } from "./_components/queue-section";

export const metadata: Metadata = { title: "Workbench" };

/** Where an item is worked on: the review page of its revision, or the verdict editor. */
function itemHref(item: QueueItem, target: "review" | "edit"): string {
  return target === "review" && item.revisionId ? `/workbench/review/${item.revisionId}` : `/workbench/claims/${item.claimId}/verdict`;
}

function Queue({ title, items, empty, target }: { title: string; items: QueueItem[]; empty: string; target: "review" | "edit" }) {
  return (
    <QueueSection title={title} count={items.length} empty={empty}>
      {items.map((item) => (
        <li key={item.verdictId}>
          <Link href={itemHref(item, target)}>{item.headline || "Untitled verdict"}</Link>
          <div className="meta">
            “{item.statement}” · updated {formatDate(item.updatedAt)}
          </div>
        </li>
      ))}
    </QueueSection>
  );
}

/** Fact-checks whose quoted sources changed: each waits for a decision on its claim page. */
function SourceChangeQueue({ items }: { items: SourceChangeQueueItem[] }) {
  return (
    <section className="queue sc-queue" aria-label="Sources changed under fact-checks">
      <h2>
        Sources changed under fact-checks <span className="meta">({items.length})</span>
      </h2>
      {items.length === 0 ? (
        <p className="meta">No quoted article changed.</p>
      ) : (
        <ul>
          {items.map((item) => (
            <li key={item.itemId}>
              <Link href={`/workbench/claims/${item.claimId}#source-changes`}>{item.headline || "Untitled verdict"}</Link>
              <div className="meta">
                {item.articles.map((article) => `“${article.title}” (revision ${article.revisionNumber})`).join(", ")} · since {formatDate(item.raisedAt)}
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export default async function WorkbenchPage() {
  const actor = await requireSignedIn("/workbench");
  const queues = await getWorkbenchQueues(actor);
  return (
    <>
      <p className="kicker">Workbench</p>
      <h1>Good to see you, {actor.name}</h1>
      <p>
        You are signed in as <strong>{actor.email}</strong> with the role <span className="role-badge">{actor.role}</span>.
      </p>
      <div className="stats">
        <div className="stat">
          <strong>{queues.counts.articles}</strong> articles
        </div>
        <div className="stat">
          <strong>{queues.counts.claims}</strong> claims
        </div>
        <div className="stat">
          <strong>{queues.counts.published}</strong> published fact-checks
        </div>
      </div>
      <div className="queues">
        <AssignmentQueues actor={actor} />
        {queues.sourceChanges && <SourceChangeQueue items={queues.sourceChanges} />}
        {queues.awaitingMyReview && (
          <Queue title="Awaiting your review" items={queues.awaitingMyReview} empty="Nothing to review right now." target="review" />
        )}
        {queues.readyToPublish && (
          <Queue title="Approved, ready to publish" items={queues.readyToPublish} empty="Nothing waiting to be published." target="review" />
        )}
        <Queue title="Changes requested on your verdicts" items={queues.changesRequestedOnMine} empty="No verdict of yours was sent back." target="edit" />
        <Queue title="Your drafts" items={queues.myDrafts} empty="You have no draft verdicts." target="edit" />
      </div>
      {actor.role === "admin" && (
        <p>
          <Link href="/workbench/users">Manage users and roles</Link>
        </p>
      )}
    </>
  );
}
