import type { Metadata } from "next";
import type { ReactNode } from "react";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { getVerdictForEditing, type RevisionHistoryEntry, type VerdictEditingView } from "@/lib/verdicts/get-verdict-for-editing";
import { ratingInfo } from "@/lib/verdicts/rating-scale";
import { localizedScale } from "@/app/workbench/_components/localized-scale";
import { RatingBadge } from "@/app/_components/rating-badge";
import { VerdictStatusBadge } from "@/app/_components/verdict-status";
import { Paragraphs } from "@/app/_components/paragraphs";
import { DATE_TIME } from "@/app/workbench/_components/date-format";
import { requireSignedIn } from "../../../require-signed-in";
import { VerdictEditor } from "./verdict-editor";
import { getLivePosition } from "@/lib/live/get-live-position";
import { LiveBar } from "@/app/workbench/_live/live-bar";
import { LiveUpdateBar } from "@/app/workbench/_live/live-update-bar";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("workbenchVerdicts.page");
  return { title: t("title") };
}

type Props = { params: Promise<{ id: string }> };


export default async function VerdictPage({ params }: Props) {
  const { id } = await params;
  const actor = await requireSignedIn(`/workbench/claims/${encodeURIComponent(id)}/verdict`);
  const since = await getLivePosition(actor);
  const view = await getVerdictForEditing(actor, id);
  if (!view) notFound();
  const { claim, verdict, permissions } = view;
  const status = verdict?.status ?? null;
  const liveTopic = verdict ? `verdict:${verdict.id}` : `claim:${claim.id}`;
  const t = await getTranslations("workbenchVerdicts.page");
  const format = await getFormatter();

  return (
    <>
      <nav aria-label={t("breadcrumb")} className="vr-breadcrumb">
        <Link href="/workbench/claims">{t("claims")}</Link> <span aria-hidden="true">›</span>{" "}
        <Link href={`/workbench/claims/${claim.id}`}>{t("claim")}</Link> <span aria-hidden="true">›</span> <span aria-current="page">{t("title")}</span>
      </nav>
      <p className="kicker">{t("title")}</p>
      <h1 className="claim-title">
        <span lang={claim.language !== "und" ? claim.language : undefined}>{t("quoted", { text: claim.statement })}</span>
      </h1>
      <LiveBar page={liveTopic} topics={[`claim:${claim.id}`]} since={since} what="verdict" />
      <p className="meta">
        {t.rich("claimedBy", { claimant: claim.claimant, strong: (chunks) => <strong>{chunks}</strong> })}
        {claim.claimedAt ? `, ${format.dateTime(claim.claimedAt, "day")}` : ""}
      </p>

      <div className="vr-status-line">
        <VerdictStatusBadge status={status} />
        {verdict?.currentRevision && <span className="meta">{t("latestRevision", { number: verdict.currentRevision.number })}</span>}
        {verdict?.publication && (
          <span className="meta">
            {t("publicAs", { number: verdict.publication.publishedRevisionNumber })}{" "}
            <Link href={`/fact-checks/${verdict.publication.slug}`}>/fact-checks/{verdict.publication.slug}</Link>
          </span>
        )}
      </div>

      <StatusNotice view={view} />

      <div className="editor-grid">
        <section aria-labelledby="draft-title" className="vr-panel">
          <h2 id="draft-title" className="vr-panel-title">
            {permissions.canEdit ? (verdict ? t("workingDraft") : t("draftAVerdict")) : t("workingDraftReadOnly")}
          </h2>
          {permissions.canEdit ? (
            <LiveUpdateBar topic={liveTopic} viewerId={actor.id} verdictId={verdict?.id ?? null}>
              <VerdictEditor
                claimId={claim.id}
                verdictId={verdict?.id ?? null}
                version={verdict?.version ?? null}
                initial={verdict?.draft ?? { rating: null, headline: "", summary: "", explanation: "" }}
                scale={localizedScale(await getLocale())}
                canSubmit={permissions.canSubmit}
                editStartsNewDraft={status === "approved" || status === "published"}
                passages={claim.passages
                  .filter((passage) => passage.status !== "orphaned")
                  .map((passage) => ({
                    id: passage.id,
                    exact: passage.exact,
                    source: [passage.article.title, passage.article.outlet, passage.article.publishedAt ? format.dateTime(passage.article.publishedAt, "day") : null]
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
              {t("passages")} <span className="meta">({claim.passages.length})</span>
            </h2>
            {claim.passages.length === 0 ? (
              <p className="meta">{t("noPassages")}</p>
            ) : (
              <ul className="passage-list">
                {claim.passages.map((passage) => (
                  <li key={passage.id}>
                    <q>{passage.exact}</q>
                    <div className="meta">
                      {passage.article.title}
                      {passage.article.outlet ? ` · ${passage.article.outlet}` : ""}
                      {passage.status !== "anchored" ? ` · ${t(`passageStatus.${passage.status}`)}` : ""}
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

async function StatusNotice({ view }: { view: VerdictEditingView }) {
  const t = await getTranslations("workbenchVerdicts.page");
  const format = await getFormatter();
  const verdict = view.verdict;
  if (!verdict) {
    return <p className="vr-notice">{t("notice.none")}</p>;
  }
  const revision = verdict.currentRevision;
  const reviewLink = (chunks: ReactNode) => (revision ? <Link href={`/workbench/review/${revision.id}`}>{chunks}</Link> : chunks);
  const number = revision?.number ?? 0;
  switch (verdict.status) {
    case "in_review":
      return (
        <p className="vr-notice vr-notice-info">{t.rich("notice.inReview", { number, link: reviewLink })}</p>
      );
    case "changes_requested":
    case "draft":
      if (verdict.changesRequested) {
        const request = verdict.changesRequested;
        return (
          <div className="vr-notice vr-notice-warn" role="note">
            <strong>
              {t("notice.changesRequested", { number: request.revisionNumber, reviewer: request.reviewerName, date: format.dateTime(request.createdAt, DATE_TIME) })}
            </strong>
            <Paragraphs text={request.comment} className="vr-comment" />
            <span className="meta">{t("notice.reviseAndSubmit")}</span>
          </div>
        );
      }
      return verdict.publication ? (
        <p className="vr-notice vr-notice-warn">{t("notice.correctionDrafted", { number: verdict.publication.publishedRevisionNumber })}</p>
      ) : null;
    case "approved":
      return (
        <p className="vr-notice vr-notice-ok">{t.rich("notice.approved", { number, link: reviewLink })}</p>
      );
    case "published":
      return (
        <p className="vr-notice vr-notice-ok">{t("notice.published", { number: verdict.publication?.publishedRevisionNumber ?? 0 })}</p>
      );
  }
}

async function ReadOnlyDraft({ view }: { view: VerdictEditingView }) {
  const t = await getTranslations("workbenchVerdicts.page");
  const draft = view.verdict?.draft;
  if (!draft) return <p className="meta">{t("noDraft")}</p>;
  return (
    <div className="vr-read-only">
      <p>{draft.rating ? <RatingBadge rating={ratingInfo(draft.rating)} /> : <span className="meta">{t("noRating")}</span>}</p>
      <h3>{draft.headline || t("untitled")}</h3>
      <p className="lede">{draft.summary}</p>
      <Paragraphs text={draft.explanation} className="explanation" />
    </div>
  );
}

async function RevisionHistory({ revisions }: { revisions: RevisionHistoryEntry[] }) {
  const t = await getTranslations("workbenchVerdicts.page");
  const format = await getFormatter();
  return (
    <section aria-labelledby="history-title" className="vr-panel">
      <h2 id="history-title" className="vr-panel-title">
        {t("history.title")}
      </h2>
      {revisions.length === 0 ? (
        <p className="meta">{t("history.empty")}</p>
      ) : (
        <ol className="vr-history" reversed>
          {revisions.map((revision) => (
            <li key={revision.id}>
              <div className="vr-history-head">
                <Link href={`/workbench/review/${revision.id}`}>{t("history.revision", { number: revision.number })}</Link>
                <RatingBadge rating={revision.rating} />
                {revision.isPublic && <span className="status-badge status-published">{t("history.public")}</span>}
                {!revision.isPublic && revision.publication && <span className="status-badge status-none">{t("history.wasPublic")}</span>}
              </div>
              <div className="meta">
                {t("history.by", { name: revision.authorName, date: format.dateTime(revision.createdAt, DATE_TIME) })}
              </div>
              <div className="vr-history-headline">{revision.headline}</div>
              {revision.reviews.length === 0 ? (
                <div className="meta">{t("history.notReviewed")}</div>
              ) : (
                <ul className="vr-reviews">
                  {revision.reviews.map((review, index) => (
                    <li key={index} className={review.decision === "approve" ? "vr-review-approve" : "vr-review-changes"}>
                      {t.rich("history.review", {
                        decision: review.decision,
                        reviewer: review.reviewerName,
                        date: format.dateTime(review.createdAt, DATE_TIME),
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
      )}
    </section>
  );
}
