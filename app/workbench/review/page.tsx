import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { listReviewQueue, type ReviewQueueItem } from "@/lib/verdicts/list-review-queue";
import { RatingBadge } from "@/app/_components/rating-badge";
import { requireSignedIn } from "../require-signed-in";
import { getLivePosition } from "@/lib/live/get-live-position";
import { LiveBar } from "../_live/live-bar";
import { ConsistencyWarningsSlot } from "./consistency-warnings-slot";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("workbenchReview.queue");
  return { title: t("title") };
}

type Column = "review" | "waiting" | "publish" | "sent_back";

async function QueueTable({ id, title, items, empty, column }: { id: string; title: string; items: ReviewQueueItem[]; empty: string; column: Column }) {
  const t = await getTranslations("workbenchReview.queue");
  const format = await getFormatter();
  return (
    <section className="vr-panel queue-section" aria-labelledby={id}>
      <h2 id={id} className="vr-panel-title">
        {title} <span className="vr-count">{format.number(items.length)}</span>
      </h2>
      {items.length === 0 ? (
        <p className="meta">{empty}</p>
      ) : (
        <table className="wb-table">
          <thead>
            <tr>
              <th scope="col">{t("table.verdict")}</th>
              <th scope="col">{t("table.revision")}</th>
              <th scope="col">{column === "publish" ? t("table.approved") : t("table.submitted")}</th>
              <th scope="col">
                <span className="visually-hidden">{t("table.action")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr key={item.revisionId}>
                <td>
                  <div className="queue-headline">
                    <RatingBadge rating={item.rating} /> <strong>{item.headline}</strong>
                    {item.publicSlug && <span className="status-badge status-correction">{t("correction")}</span>}
                  </div>
                  <div className="meta">
                    {t("claimLine", { claimant: item.claimant, statement: item.claimStatement })}
                  </div>
                  <ConsistencyWarningsSlot verdictId={item.verdictId} />
                </td>
                <td>
                  {item.revisionNumber}
                  <div className="meta">{t("by", { name: item.authorName })}</div>
                </td>
                <td>{format.dateTime(column === "publish" && item.decidedAt ? item.decidedAt : item.submittedAt, "day")}</td>
                <td className="action-cell">
                  {column === "review" && (
                    <Link className="button" href={`/workbench/review/${item.revisionId}`}>
                      {t("review")}
                      <span className="visually-hidden"> {t("revisionHeadline", { number: item.revisionNumber, headline: item.headline })}</span>
                    </Link>
                  )}
                  {column === "waiting" && (
                    <>
                      <span className="meta">{t("waitingForAnother")}</span>{" "}
                      <Link href={`/workbench/review/${item.revisionId}`}>
                        {t("open")}
                        <span className="visually-hidden"> {t("revisionHeadline", { number: item.revisionNumber, headline: item.headline })}</span>
                      </Link>
                    </>
                  )}
                  {column === "publish" && (
                    <Link className="button" href={`/workbench/review/${item.revisionId}`}>
                      {item.publicSlug ? t("publishCorrection") : t("publish")}
                      <span className="visually-hidden">: {item.headline}</span>
                    </Link>
                  )}
                  {column === "sent_back" && (
                    <Link className="button" href={`/workbench/claims/${item.claimId}/verdict`}>
                      {t("revise")}
                      <span className="visually-hidden">: {item.headline}</span>
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
  const t = await getTranslations("workbenchReview.queue");
  return (
    <>
      <p className="kicker">{t("kicker")}</p>
      <h1>{t("title")}</h1>
      <LiveBar page="queue" topics={[]} since={since} />
      <p className="meta narrow">
        {t("intro")}
      </p>
      <div className="queue-stack">
        {queue.awaitingReview ? (
          <QueueTable
            id="queue-awaiting"
            title={t("awaiting")}
            items={queue.awaitingReview}
            empty={t("awaitingEmpty")}
            column="review"
          />
        ) : (
          <p className="vr-notice">{t("notReviewer")}</p>
        )}
        {queue.readyToPublish && (
          <QueueTable
            id="queue-publish"
            title={t("readyToPublish")}
            items={queue.readyToPublish}
            empty={t("readyToPublishEmpty")}
            column="publish"
          />
        )}
        <QueueTable
          id="queue-waiting"
          title={t("waiting")}
          items={queue.waitingForAnotherReviewer}
          empty={t("waitingEmpty")}
          column="waiting"
        />
        <QueueTable id="queue-sent-back" title={t("sentBack")} items={queue.sentBack} empty={t("sentBackEmpty")} column="sent_back" />
      </div>
    </>
  );
}
