import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { getWorkbenchQueues, type QueueItem } from "@/lib/verdicts/get-workbench-queues";
import type { SourceChangeQueueItem } from "@/lib/sources/list-source-changes";
import { requireSignedIn } from "./require-signed-in";
import { AssignmentQueues } from "./_assignments/assignment-queues";
import { QueueSection } from "./_components/queue-section";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("workbenchHome");
  return { title: t("title") };
}

/** Where an item is worked on: the review page of its revision, or the verdict editor. */
function itemHref(item: QueueItem, target: "review" | "edit"): string {
  return target === "review" && item.revisionId ? `/workbench/review/${item.revisionId}` : `/workbench/claims/${item.claimId}/verdict`;
}

async function Queue({ title, items, empty, target }: { title: string; items: QueueItem[]; empty: string; target: "review" | "edit" }) {
  const t = await getTranslations("workbenchHome");
  const format = await getFormatter();
  return (
    <QueueSection title={title} count={items.length} empty={empty}>
      {items.map((item) => (
        <li key={item.verdictId}>
          <Link href={itemHref(item, target)}>{item.headline || t("untitledVerdict")}</Link>
          <div className="meta">{t("queueItemMeta", { statement: item.statement, date: format.dateTime(item.updatedAt, "day") })}</div>
        </li>
      ))}
    </QueueSection>
  );
}

/** Fact-checks whose quoted sources changed: each waits for a decision on its claim page. */
async function SourceChangeQueue({ items }: { items: SourceChangeQueueItem[] }) {
  const t = await getTranslations("workbenchHome");
  const format = await getFormatter();
  return (
    <section className="queue sc-queue" aria-label={t("sourceChanges.title")}>
      <h2>
        {t("sourceChanges.title")} <span className="meta">({items.length})</span>
      </h2>
      {items.length === 0 ? (
        <p className="meta">{t("sourceChanges.empty")}</p>
      ) : (
        <ul>
          {items.map((item) => (
            <li key={item.itemId}>
              <Link href={`/workbench/claims/${item.claimId}#source-changes`}>{item.headline || t("untitledVerdict")}</Link>
              <div className="meta">
                {t("sourceChanges.meta", {
                  articles: format.list(item.articles.map((article) => t("sourceChanges.article", { title: article.title, revision: article.revisionNumber }))),
                  date: format.dateTime(item.raisedAt, "day"),
                })}
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
  const t = await getTranslations("workbenchHome");
  const nav = await getTranslations("workbenchNav");
  return (
    <>
      <p className="kicker">{t("kicker")}</p>
      <h1>{t("greeting", { name: actor.name })}</h1>
      <p>
        {t.rich("signedInAs", {
          email: actor.email,
          strong: (chunks) => <strong>{chunks}</strong>,
          role: () => <span className="role-badge">{nav(`roles.${actor.role}`)}</span>,
        })}
      </p>
      <div className="stats">
        <div className="stat">{t.rich("stats.articles", { count: queues.counts.articles, strong: (chunks) => <strong>{chunks}</strong> })}</div>
        <div className="stat">{t.rich("stats.claims", { count: queues.counts.claims, strong: (chunks) => <strong>{chunks}</strong> })}</div>
        <div className="stat">{t.rich("stats.published", { count: queues.counts.published, strong: (chunks) => <strong>{chunks}</strong> })}</div>
      </div>
      <div className="queues">
        <AssignmentQueues actor={actor} />
        {queues.sourceChanges && <SourceChangeQueue items={queues.sourceChanges} />}
        {queues.awaitingMyReview && <Queue title={t("queues.awaitingReview")} items={queues.awaitingMyReview} empty={t("queues.awaitingReviewEmpty")} target="review" />}
        {queues.readyToPublish && <Queue title={t("queues.readyToPublish")} items={queues.readyToPublish} empty={t("queues.readyToPublishEmpty")} target="review" />}
        <Queue title={t("queues.changesRequested")} items={queues.changesRequestedOnMine} empty={t("queues.changesRequestedEmpty")} target="edit" />
        <Queue title={t("queues.drafts")} items={queues.myDrafts} empty={t("queues.draftsEmpty")} target="edit" />
      </div>
      {actor.role === "admin" && (
        <p>
          <Link href="/workbench/users">{t("manageUsers")}</Link>
        </p>
      )}
    </>
  );
}
