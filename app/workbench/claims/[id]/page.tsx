import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { Suspense, cache } from "react";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { getClaimDetail, type ClaimDetail, type ClaimPassage } from "@/lib/claims/get-claim-detail";
import { findConsistencyWarnings } from "@/lib/relations/find-consistency-warnings";
import { suggestRelatedClaims, type ClaimSuggestion } from "@/lib/relations/suggest-related-claims";
import { getMatchReasons } from "@/app/workbench/_reasons/get-match-reasons";
import { ratingInfo } from "@/lib/verdicts/rating-scale";
import type { Actor } from "@/lib/auth/actor";
import { getActor } from "@/lib/auth/get-actor";
import { RatingBadge } from "@/app/_components/rating-badge";
import { VerdictStatusBadge } from "@/app/_components/verdict-status";
import { ConsistencyWarnings } from "@/app/_components/consistency-warnings";
import { DATE_TIME } from "@/app/workbench/_components/date-format";
import { ratingName } from "@/app/workbench/_components/localized-scale";
import { languageNamer } from "@/app/workbench/_components/language-names";
import { SourceChangePanel } from "@/app/workbench/_components/source-change-panel";
import { ClaimEditor } from "./_components/claim-editor";
import { RelationsPanel, type RelationItem } from "./_components/relations-panel";
import { SuggestionList, type SuggestionItem } from "./_components/suggestion-list";
import { WorkingVersionPanel } from "./_components/working-version-panel";
import { AlreadyCheckedBy } from "./_components/already-checked-by";
import { DiscussionPanel } from "@/app/workbench/_discussion/discussion-panel";
import { AssignmentPanel } from "@/app/workbench/_assignments/assignment-panel";
import { getLivePosition } from "@/lib/live/get-live-position";
import { LiveBar } from "@/app/workbench/_live/live-bar";

type Props = { params: Promise<{ id: string }> };

// One read of the session and of the claim per request, shared by the metadata and the page.
const currentActor = cache(getActor);
const readClaim = cache(async (id: string): Promise<ClaimDetail | null> => {
  const actor = await currentActor();
  return actor ? getClaimDetail(actor, id) : null;
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  const claim = await readClaim(id);
  const t = await getTranslations("workbenchClaim");
  if (!claim) return { title: t("title") };
  const statement = claim.statement.length > 60 ? `${claim.statement.slice(0, 59)}…` : claim.statement;
  return { title: t("metaTitle", { claimant: claim.claimant, statement }) };
}

function passageHref(passage: { id: string; articleId: string; revisionNumber: number; isCurrentRevision: boolean }): string {
  return passage.isCurrentRevision
    ? `/workbench/articles/${passage.articleId}?passage=${passage.id}`
    : `/workbench/articles/${passage.articleId}?revision=${passage.revisionNumber}&passage=${passage.id}`;
}


export default async function ClaimPage({ params }: Props) {
  const { id } = await params;
  const actor = await currentActor();
  // Navigation only: every use case below checks the permission again.
  if (!actor) redirect(`/signin?callbackUrl=${encodeURIComponent(`/workbench/claims/${id}`)}`);
  const since = await getLivePosition(actor);
  const claim = await readClaim(id);
  if (!claim) notFound();
  const warnings = await findConsistencyWarnings(actor, { claimId: claim.id });
  const verdictHref = `/workbench/claims/${claim.id}/verdict`;
  const sameAs = claim.claimantSameAs && /^https?:\/\//i.test(claim.claimantSameAs) ? claim.claimantSameAs : null;
  const lang = claim.language !== "und" ? claim.language : undefined;
  const t = await getTranslations("workbenchClaim");
  const format = await getFormatter();
  const locale = await getLocale();
  const languageName = languageNamer(locale, t("undeterminedLanguage"));
  const when = (date: Date) => format.dateTime(date, DATE_TIME);

  const relations: RelationItem[] = claim.relations.map((relation) => ({
    id: relation.id,
    type: relation.type,
    direction: relation.direction,
    other: {
      id: relation.other.id,
      statement: relation.other.statement,
      claimant: relation.other.claimant,
      language: relation.other.language,
      rating: relation.other.rating,
      ratingLabel: relation.other.rating ? ratingName(relation.other.rating, locale) : null,
    },
    rationale: relation.rationale,
    createdBy: relation.createdByName,
    createdOn: format.dateTime(relation.createdAt, "day"),
    passages: relation.passages.map((passage) => ({
      id: passage.id,
      exact: passage.exact,
      articleTitle: passage.articleTitle,
      href: passageHref(passage),
      ofThisClaim: passage.claimId === claim.id,
    })),
  }));

  return (
    <>
      <nav aria-label={t("breadcrumb")} className="vr-breadcrumb">
        <Link href="/workbench/claims">{t("claims")}</Link> <span aria-hidden="true">›</span> <span aria-current="page">{t("title")}</span>
      </nav>
      <p className="kicker">{t("title")}</p>
      <h1 className="claim-title">
        <span lang={lang}>{t("quoted", { text: claim.statement })}</span>
      </h1>
      <LiveBar page={`claim:${claim.id}`} topics={[]} since={since} what="claim" />
      <p className="cl-claim-meta">
        <span>
          {t.rich("claimedBy", { claimant: claim.claimant, strong: (chunks) => <strong>{chunks}</strong> })}
          {sameAs && (
            <>
              {" "}
              (
              <a href={sameAs} rel="nofollow noopener noreferrer" target="_blank">
                {t("identity")}
                <span className="visually-hidden"> {t("identityHidden", { claimant: claim.claimant })}</span>
              </a>
              )
            </>
          )}
        </span>
        {claim.claimedAt && <span>{format.dateTime(claim.claimedAt, "day")}</span>}
        <span>{languageName(claim.language)}</span>
        {claim.tags.length > 0 && (
          <span className="cl-tags">
            <span className="visually-hidden">{t("tags")} </span>
            {claim.tags.map((tag) => (
              <Link key={tag} className="cl-tag" href={`/workbench/claims?q=${encodeURIComponent(tag)}`}>
                {tag}
              </Link>
            ))}
          </span>
        )}
      </p>
      {claim.permissions.canEdit && (
        <ClaimEditor
          workingVersionOnly={claim.permissions.workingVersionOnly}
          claim={{
            id: claim.id,
            version: claim.version,
            statement: claim.statement,
            claimant: claim.claimant,
            claimantSameAs: claim.claimantSameAs ?? "",
            claimedAt: claim.claimedAt ? claim.claimedAt.toISOString().slice(0, 10) : "",
            language: claim.language,
            tags: claim.tags.join(", "),
          }}
        />
      )}

      <ConsistencyWarnings warnings={warnings} currentClaimId={claim.id} />
      <WorkingVersionPanel actor={actor} claimId={claim.id} />
      <SourceChangePanel claimId={claim.id} />
      <AlreadyCheckedBy actor={actor} claimId={claim.id} />

      <div className="editor-grid cl-claim-grid">
        <div className="cl-main">
          <section className="vr-panel" aria-labelledby="passages-title">
            <h2 id="passages-title" className="vr-panel-title">
              {t("passages")} <span className="meta">({claim.passages.length})</span>
            </h2>
            {claim.passages.length === 0 ? (
              <p className="meta">{t("noPassages")}</p>
            ) : (
              <ol className="cl-passages">
                {claim.passages.map((passage) => (
                  <PassageQuote key={passage.id} passage={passage} />
                ))}
              </ol>
            )}
            {claim.earlierRevisionPassageCount > 0 && (
              <p className="meta">
                {t("earlierPassages", { count: claim.earlierRevisionPassageCount })}
              </p>
            )}
          </section>

          <section className="vr-panel" aria-labelledby="links-title">
            <h2 id="links-title" className="vr-panel-title">
              {t("links")} <span className="meta">({claim.relations.length})</span>
            </h2>
            <RelationsPanel
              claimId={claim.id}
              relations={relations}
              canRelate={claim.permissions.canRelate}
              ownPassages={claim.passages
                .filter((passage) => passage.status !== "orphaned")
                .map((passage) => ({ id: passage.id, exact: passage.exact, articleTitle: passage.article.title }))}
            />
          </section>

          <section className="vr-panel" aria-labelledby="suggestions-title">
            <h2 id="suggestions-title" className="vr-panel-title">
              {t("suggestionsTitle")}
            </h2>
            <p className="meta cl-suggestions-intro">{t("suggestionsIntro")}</p>
            <Suspense fallback={<p className="meta">{t("suggestionsLoading")}</p>}>
              <Suggestions actor={actor} claimId={claim.id} canRelate={claim.permissions.canRelate} />
            </Suspense>
          </section>
          <DiscussionPanel actor={actor} on={{ claimId: claim.id }} />
        </div>

        <aside className="vr-side" aria-label={t("sideLabel")}>
          <VerdictPanel claim={claim} verdictHref={verdictHref} />
          <AssignmentPanel actor={actor} claimId={claim.id} />
          <section className="vr-panel" aria-labelledby="record-title">
            <h2 id="record-title" className="vr-panel-title">
              {t("record.title")}
            </h2>
            <dl className="cl-record">
              <div>
                <dt>{t("record.created")}</dt>
                <dd>{t("record.createdBy", { date: when(claim.createdAt), name: claim.createdByName })}</dd>
              </div>
              <div>
                <dt>{t("record.lastChange")}</dt>
                <dd>{t("record.version", { date: when(claim.updatedAt), version: claim.version })}</dd>
              </div>
            </dl>
            <p className="meta">
              <Link href={`/workbench/graph?claimant=${encodeURIComponent(claim.claimant)}`}>{t("record.graph", { claimant: claim.claimant })}</Link>
            </p>
          </section>
        </aside>
      </div>
    </>
  );
}

async function PassageQuote({ passage }: { passage: ClaimPassage }) {
  const t = await getTranslations("workbenchClaim");
  const format = await getFormatter();
  const lang = passage.article.language !== "und" ? passage.article.language : undefined;
  const href = `/workbench/articles/${passage.article.id}?passage=${passage.id}`;
  return (
    <li className="cl-passage">
      <blockquote lang={lang}>
        {passage.prefix && <span className="cl-context">…{passage.prefix}</span>}
        <mark>{passage.exact}</mark>
        {passage.suffix && <span className="cl-context">{passage.suffix}…</span>}
      </blockquote>
      <div className="cl-passage-source">
        <span className="cl-passage-article">{passage.article.title}</span>
        <span className="meta">
          {[
            passage.article.outlet,
            passage.article.publishedAt ? format.dateTime(passage.article.publishedAt, "day") : null,
            t("articleRevision", { number: passage.article.revisionNumber }),
          ]
            .filter(Boolean)
            .join(" · ")}
        </span>
        {passage.status !== "anchored" && (
          <span className={`cl-anchor cl-anchor-${passage.status}`}>
            {t(`passageStatus.${passage.status}`)}
            {passage.status === "fuzzy" ? ` ${t("sure", { confidence: passage.confidence })}` : ""}
          </span>
        )}
        <Link className="cl-open-passage" href={href}>
          {passage.status === "orphaned" ? t("decideInArticle") : t("showInArticle")}
          <span className="visually-hidden">: {passage.article.title}</span>
        </Link>
      </div>
    </li>
  );
}

async function VerdictPanel({ claim, verdictHref }: { claim: ClaimDetail; verdictHref: string }) {
  const t = await getTranslations("workbenchClaim.verdict");
  const format = await getFormatter();
  const locale = await getLocale();
  const verdict = claim.verdict;
  return (
    <section className="vr-panel vr-panel-action" aria-labelledby="verdict-title">
      <h2 id="verdict-title" className="vr-panel-title">
        {t("title")}
      </h2>
      {!verdict ? (
        <>
          <p className="cl-verdict-line">
            <VerdictStatusBadge status={null} />
          </p>
          {claim.permissions.canDraftVerdict ? (
            <Link className="button" href={verdictHref}>
              {t("draft")}
            </Link>
          ) : (
            <p className="meta">{t("editorDrafts")}</p>
          )}
        </>
      ) : (
        <>
          <p className="cl-verdict-line">
            <VerdictStatusBadge status={verdict.status} />
            {verdict.current && <RatingBadge rating={ratingInfo(verdict.current.rating)} />}
          </p>
          {verdict.current ? (
            <p className="cl-verdict-headline">{verdict.current.headline}</p>
          ) : (
            <p className="cl-verdict-headline">
              {verdict.draftHeadline || t("untitledDraft")} <span className="meta">{t("notSubmitted")}</span>
            </p>
          )}
          {verdict.publication && (
            <p className="meta">
              {t("readersSee", { number: verdict.publication.publishedRevisionNumber })}{" "}
              <Link href={`/fact-checks/${verdict.publication.slug}`}>/fact-checks/{verdict.publication.slug}</Link>
            </p>
          )}
          <Link className="button" href={verdictHref}>
            {t("open")}
          </Link>
          <h3 className="cl-history-title">{t("history")}</h3>
          {verdict.history.length === 0 ? (
            <p className="meta">{t("nothingSubmitted")}</p>
          ) : (
            <ol className="cl-history" reversed>
              {verdict.history.map((revision) => (
                <li key={revision.id}>
                  <div className="cl-history-head">
                    <Link href={`/workbench/review/${revision.id}`}>{t("revision", { number: revision.number })}</Link>
                    <span className={`cl-mini-rating rating-${revision.rating}`}>{ratingName(revision.rating, locale)}</span>
                    {revision.isPublic && <span className="status-badge status-published">{t("public")}</span>}
                  </div>
                  <div className="meta">
                    {revision.lastDecision === "approve"
                      ? t("approved")
                      : revision.lastDecision === "request_changes"
                        ? t("sentBack")
                        : verdict.current?.id === revision.id && verdict.status === "in_review"
                          ? t("inReview")
                          : t("notReviewed")}{" "}
                    · {t("by", { name: revision.authorName, date: format.dateTime(revision.createdAt, "day") })}
                  </div>
                </li>
              ))}
            </ol>
          )}
        </>
      )}
    </section>
  );
}

async function Suggestions({ actor, claimId, canRelate }: { actor: Actor; claimId: string; canRelate: boolean }) {
  const suggestions = await suggestRelatedClaims(actor, { claimId });
  const locale = await getLocale();
  const reasons = await getMatchReasons();
  return <SuggestionList claimId={claimId} suggestions={suggestions.map((suggestion) => toItem(suggestion, locale, reasons))} canRelate={canRelate} />;
}

function toItem(suggestion: ClaimSuggestion, locale: string, words: Awaited<ReturnType<typeof getMatchReasons>>): SuggestionItem {
  return {
    id: suggestion.claim.id,
    statement: suggestion.claim.statement,
    claimant: suggestion.claim.claimant,
    language: suggestion.claim.language,
    rating: suggestion.claim.rating,
    ratingLabel: suggestion.claim.rating ? ratingName(suggestion.claim.rating, locale) : null,
    match: suggestion.match,
    reasons: suggestion.reasons.map((reason) => ({ text: words.describe(reason), against: reason.weight < 0 })),
    rationale: words.rationale(suggestion.match, suggestion.reasons),
  };
}
