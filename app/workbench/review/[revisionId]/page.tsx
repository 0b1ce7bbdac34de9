import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { localeOf } from "@/lib/i18n/locales";
import { ratingWords } from "@/lib/verdicts/rating-scale";
import { getReviewItem, type ReviewItem } from "@/lib/verdicts/get-review-item";
import { RatingBadge } from "@/app/_components/rating-badge";
import { VerdictStatusBadge } from "@/app/_components/verdict-status";
import { WordDiff } from "@/app/_components/word-diff";
import { Paragraphs } from "@/app/_components/paragraphs";
import { DATE_TIME } from "@/app/workbench/_components/date-format";
import { requireSignedIn } from "../../require-signed-in";
import { getLivePosition } from "@/lib/live/get-live-position";
import { LiveBar } from "@/app/workbench/_live/live-bar";
import { SnapshotDiffView } from "../../_components/snapshot-diff-view";
import { ConsistencyWarningsSlot } from "../consistency-warnings-slot";
import { SourceChangePanel } from "@/app/workbench/_components/source-change-panel";
import { PublishForm, ReviewDecisionForm } from "./review-forms";
import { DiscussionPanel } from "@/app/workbench/_discussion/discussion-panel";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("workbenchReview.page");
  return { title: t("title") };
}

type Props = { params: Promise<{ revisionId: string }> };


export default async function ReviewPage({ params }: Props) {
  const { revisionId } = await params;
  const actor = await requireSignedIn(`/workbench/review/${encodeURIComponent(revisionId)}`);
  const since = await getLivePosition(actor);
  const item = await getReviewItem(actor, revisionId);
  if (!item) notFound();
  const { revision, claim } = item;
  const t = await getTranslations("workbenchReview.page");
  const shared = await getTranslations("workbenchShared");
  const format = await getFormatter();
  const when = (date: Date) => format.dateTime(date, DATE_TIME);

  return (
    <>
      <nav aria-label={t("breadcrumb")} className="vr-breadcrumb">
        <Link href="/workbench/review">{t("queue")}</Link> <span aria-hidden="true">›</span>{" "}
        <span aria-current="page">{t("revision", { number: revision.number })}</span>
      </nav>
      <p className="kicker">{item.publication ? t("kickerCorrection") : t("title")}</p>
      <h1>{revision.headline}</h1>
      <LiveBar page={`verdict:${item.verdictId}`} topics={[]} since={since} what="verdict" />
      <div className="vr-status-line">
        <VerdictStatusBadge status={item.verdictStatus} />
        <span className="meta">
          {t("byline", { number: revision.number, authors: format.list(revision.authorNames), submitter: revision.submitterName, date: when(revision.createdAt) })}
        </span>
        <Link href={`/workbench/claims/${claim.id}/verdict`}>{t("openVerdict")}</Link>
      </div>

      <StateNotice item={item} />
      <SourceChangePanel verdictId={item.verdictId} />

      <div className="review-grid">
        <div>
          <section className="claim-box" aria-label={t("theClaim")}>
            <blockquote lang={claim.language !== "und" ? claim.language : undefined}>{t("quoted", { text: claim.statement })}</blockquote>
            <div className="meta">
              {t.rich("claimedBy", { claimant: claim.claimant, strong: (chunks) => <strong>{chunks}</strong> })}
              {claim.claimedAt ? `, ${format.dateTime(claim.claimedAt, "day")}` : ""}
              {claim.claimantSameAs && (
                <>
                  {" "}
                  ·{" "}
                  <a href={claim.claimantSameAs} rel="nofollow noopener noreferrer">
                    {t("identityLink")}
                  </a>
                </>
              )}
            </div>
            <p className="meta">{t("frozen")}</p>
          </section>

          <section aria-labelledby="revision-title" className="vr-panel">
            <h2 id="revision-title" className="vr-panel-title">
              {t("revision", { number: revision.number })}
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
              {item.comparedWith ? t("changesSince", { number: item.comparedWith.number }) : t("changes")}
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
                {t("yourDecision")}
              </h2>
              <ReviewDecisionForm verdictId={item.verdictId} revisionId={revision.id} revisionNumber={revision.number} />
            </section>
          )}
          {item.permissions.canPublish && (
            <section aria-labelledby="publish-title" className="vr-panel vr-panel-action">
              <h2 id="publish-title" className="vr-panel-title">
                {item.publication ? t("publishCorrection") : t("publish")}
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
              {t("passages")}
            </h2>
            {claim.passages.length === 0 ? (
              <p className="meta">{t("noPassages")}</p>
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
                      {` · ${t("articleRevision", { number: passage.article.revisionNumber })}`}
                    </div>
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section aria-labelledby="related-title" className="vr-panel">
            <h2 id="related-title" className="vr-panel-title">
              {t("related")}
            </h2>
            {claim.related.length === 0 ? (
              <p className="meta">{t("noRelated")}</p>
            ) : (
              <ul className="passage-list">
                {claim.related.map((related) => (
                  <li key={`${related.type}-${related.direction}-${related.claimId}`}>
                    {shared(`relation.${related.type}.${related.direction}`)}
                    {t("colon")}
                    <Link href={`/fact-checks/${related.slug}`}>{t("quoted", { text: related.statement })}</Link>
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section aria-labelledby="history-title" className="vr-panel">
            <h2 id="history-title" className="vr-panel-title">
              {t("history")}
            </h2>
            <ol className="vr-history" reversed>
              {item.history.map((entry) => (
                <li key={entry.id} aria-current={entry.id === revision.id ? "true" : undefined}>
                  <div className="vr-history-head">
                    {entry.id === revision.id ? (
                      <strong>{t("thisRevision", { number: entry.number })}</strong>
                    ) : (
                      <Link href={`/workbench/review/${entry.id}`}>{t("revision", { number: entry.number })}</Link>
                    )}
                  </div>
                  <div className="meta">
                    {t("by", { names: format.list(entry.authorNames), date: when(entry.createdAt) })}
                  </div>
                  {entry.reviews.length > 0 && (
                    <ul className="vr-reviews">
                      {entry.reviews.map((review, index) => (
                        <li key={index} className={review.decision === "approve" ? "vr-review-approve" : "vr-review-changes"}>
                          {t.rich("review", {
                            decision: review.decision,
                            reviewer: review.reviewerName,
                            date: when(review.createdAt),
                            strong: (chunks) => <strong>{chunks}</strong>,
                          })}
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

async function StateNotice({ item }: { item: ReviewItem }) {
  const t = await getTranslations("workbenchReview.page.state");
  const current = item.current;
  const hasCurrentLink = Boolean(current && current.id !== item.revision.id);
  switch (item.state) {
    case "review":
      return (
        <p className="vr-notice vr-notice-info">{t("review", { number: item.revision.number })}</p>
      );
    case "own":
      return (
        <p className="vr-notice vr-notice-warn" role="note">
          {t("own")}
        </p>
      );
    case "not_reviewer":
      return <p className="vr-notice vr-notice-info">{t("notReviewer")}</p>;
    case "approved":
      return (
        <p className="vr-notice vr-notice-ok">
          {item.revision.reviews.at(-1) ? t("approvedBy", { name: item.revision.reviews.at(-1)!.reviewerName }) : t("approved")}{" "}
          {item.permissions.canPublish ? t("canPublish") : t("reviewerPublishes")}
        </p>
      );
    case "sent_back":
      return <p className="vr-notice vr-notice-warn">{t("sentBack")}</p>;
    case "published":
      return item.publication ? (
        <p className="vr-notice vr-notice-ok">
          {t.rich("published", { link: () => <Link href={`/fact-checks/${item.publication!.slug}`}>/fact-checks/{item.publication!.slug}</Link> })}
        </p>
      ) : null;
    case "superseded":
      return (
        <p className="vr-notice">
          {hasCurrentLink && current
            ? t.rich("superseded", { number: current.number, link: (chunks) => <Link href={`/workbench/review/${current.id}`}>{chunks}</Link> })
            : t("supersededEditing")}
        </p>
      );
  }
}

async function DiffView({ item }: { item: ReviewItem }) {
  const t = await getTranslations("workbenchReview.page.diff");
  const locale = localeOf(await getLocale());
  if (!item.comparedWith || !item.diff) {
    return <p className="meta">{t("first")}</p>;
  }
  const { diff, comparedWith } = item;
  const described =
    comparedWith.lastDecision === "approve"
      ? comparedWith.wasPublic
        ? "published"
        : "approved"
      : comparedWith.lastDecision === "request_changes"
        ? "sent_back"
        : "reviewed";
  return (
    <>
      <p className="meta">
        {t("comparedWith", { number: comparedWith.number, described })}{" "}
        <span className="vr-legend">
          <del>{t("removed")}</del> <ins>{t("added")}</ins>
        </span>
      </p>
      {!diff.changed && !diff.page.changed && <p>{t("noChange", { number: comparedWith.number })}</p>}
      <dl className="diff-list">
        <div className={diff.rating.changed ? "diff-changed" : "diff-same"}>
          <dt>{t("rating")}</dt>
          <dd>
            {diff.rating.changed ? (
              <>
                <del>{ratingWords(diff.rating.before, locale).name}</del> <span aria-hidden="true">→</span>
                <span className="visually-hidden"> {t("changedTo")} </span> <ins>{ratingWords(diff.rating.after, locale).name}</ins>
              </>
            ) : (
              <span>
                {ratingWords(diff.rating.after, locale).name} {t("unchanged")}
              </span>
            )}
          </dd>
        </div>
        {diff.fields.map((field) => (
          <div key={field.field} className={field.changed ? "diff-changed" : "diff-same"}>
            <dt>
              {t(`fields.${field.field}`)}
              {!field.changed && <span className="meta"> {t("unchanged")}</span>}
            </dt>
            <dd className="vr-pre">
              {field.parts ? (
                <WordDiff parts={field.parts} />
              ) : (
                <>
                  <p className="meta">{t("tooDifferent")}</p>
                  <del className="vr-block">{field.before}</del>
                  <p className="meta">{t("after")}</p>
                  <ins className="vr-block">{field.after}</ins>
                </>
              )}
            </dd>
          </div>
        ))}
      </dl>
      {diff.page.changed && (
        <>
          <h3 className="vr-subtitle">{t("page")}</h3>
          <SnapshotDiffView diff={diff.page} />
        </>
      )}
    </>
  );
}
