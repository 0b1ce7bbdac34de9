import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { Suspense, cache } from "react";
import { getClaimDetail, type ClaimDetail, type ClaimPassage } from "@/lib/claims/get-claim-detail";
import { findConsistencyWarnings } from "@/lib/relations/find-consistency-warnings";
import { suggestRelatedClaims, type ClaimSuggestion } from "@/lib/relations/suggest-related-claims";
import { describeReason } from "@/lib/relations/suggestion-reasons";
import { ratingInfo } from "@/lib/verdicts/rating-scale";
import type { Actor } from "@/lib/auth/actor";
import { getActor } from "@/lib/auth/get-actor";
import { RatingBadge } from "@/app/_components/rating-badge";
import { VerdictStatusBadge } from "@/app/_components/verdict-status";
import { ConsistencyWarnings } from "@/app/_components/consistency-warnings";
import { formatDate } from "@/app/_components/format-date";
import { SourceChangePanel } from "@/app/workbench/_components/source-change-panel";
import { ClaimEditor } from "./_components/claim-editor";
import { RelationsPanel, type RelationItem } from "./_components/relations-panel";
import { SuggestionList, type SuggestionItem } from "./_components/suggestion-list";
import { WorkingVersionPanel } from "./_components/working-version-panel";
import { AlreadyCheckedBy } from "./_components/already-checked-by";
import { PASSAGE_STATUS_LABELS } from "@/lib/anchoring/passage-status";
import { DiscussionPanel } from "@/app/workbench/_discussion/discussion-panel";
import { AssignmentPanel } from "@/app/workbench/_assignments/assignment-panel";
import { getLivePosition } from "@/lib/live/get-live-position";
import { LiveBar } from "@/app/workbench/_live/live-bar";

type Props = { params: Promise<{ id: string }> };

const LANGUAGE_NAMES: Record<string, string> = { en: "English", fr: "French", es: "Spanish", de: "German", und: "Undetermined language" };

const dateTime = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
const when = (date: Date) => `${dateTime.format(date)} UTC`;

// One read of the session and of the claim per request, shared by the metadata and the page.
const currentActor = cache(getActor);
const readClaim = cache(async (id: string): Promise<ClaimDetail | null> => {
  const actor = await currentActor();
  return actor ? getClaimDetail(actor, id) : null;
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  const claim = await readClaim(id);
  if (!claim) return { title: "Claim" };
  const statement = claim.statement.length > 60 ? `${claim.statement.slice(0, 59)}…` : claim.statement;
  return { title: `${claim.claimant}: ${statement}` };
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
      ratingLabel: relation.other.rating ? ratingInfo(relation.other.rating).label : null,
    },
    rationale: relation.rationale,
    createdBy: relation.createdByName,
    createdOn: formatDate(relation.createdAt),
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
      <nav aria-label="Breadcrumb" className="vr-breadcrumb">
        <Link href="/workbench/claims">Claims</Link> <span aria-hidden="true">›</span> <span aria-current="page">Claim</span>
      </nav>
      <p className="kicker">Claim</p>
      <h1 className="claim-title">
        <span lang={lang}>“{claim.statement}”</span>
      </h1>
      <LiveBar page={`claim:${claim.id}`} topics={[]} since={since} what="claim" />
      <p className="cl-claim-meta">
        <span>
          Claimed by <strong>{claim.claimant}</strong>
          {sameAs && (
            <>
              {" "}
              (
              <a href={sameAs} rel="nofollow noopener noreferrer" target="_blank">
                identity<span className="visually-hidden"> of {claim.claimant}, opens in a new tab</span>
              </a>
              )
            </>
          )}
        </span>
        {claim.claimedAt && <span>{formatDate(claim.claimedAt)}</span>}
        <span>{LANGUAGE_NAMES[claim.language] ?? claim.language.toUpperCase()}</span>
        {claim.tags.length > 0 && (
          <span className="cl-tags">
            <span className="visually-hidden">Tags: </span>
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
              Passages <span className="meta">({claim.passages.length})</span>
            </h2>
            {claim.passages.length === 0 ? (
              <p className="meta">No article quotes this claim yet. Select its words in an article to anchor it.</p>
            ) : (
              <ol className="cl-passages">
                {claim.passages.map((passage) => (
                  <PassageQuote key={passage.id} passage={passage} />
                ))}
              </ol>
            )}
            {claim.earlierRevisionPassageCount > 0 && (
              <p className="meta">
                {claim.earlierRevisionPassageCount} more passage{claim.earlierRevisionPassageCount === 1 ? " is" : "s are"} kept with
                earlier revisions of these articles.
              </p>
            )}
          </section>

          <section className="vr-panel" aria-labelledby="links-title">
            <h2 id="links-title" className="vr-panel-title">
              Links to other claims <span className="meta">({claim.relations.length})</span>
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
              Suggestions
            </h2>
            <p className="meta cl-suggestions-intro">
              Claims not linked yet that share numbers, dates, names, meaning or claimant across English and French, or are
              anchored on overlapping passages. Each reason is shown; a negated twin is offered as a contradiction.
            </p>
            <Suspense fallback={<p className="meta">Looking for related claims…</p>}>
              <Suggestions actor={actor} claimId={claim.id} canRelate={claim.permissions.canRelate} />
            </Suspense>
          </section>
          <DiscussionPanel actor={actor} on={{ claimId: claim.id }} />
        </div>

        <aside className="vr-side" aria-label="Verdict and record">
          <VerdictPanel claim={claim} verdictHref={verdictHref} />
          <AssignmentPanel actor={actor} claimId={claim.id} />
          <section className="vr-panel" aria-labelledby="record-title">
            <h2 id="record-title" className="vr-panel-title">
              Record
            </h2>
            <dl className="cl-record">
              <div>
                <dt>Created</dt>
                <dd>
                  {when(claim.createdAt)} by {claim.createdByName}
                </dd>
              </div>
              <div>
                <dt>Last change</dt>
                <dd>
                  {when(claim.updatedAt)} (version {claim.version})
                </dd>
              </div>
            </dl>
            <p className="meta">
              <Link href={`/workbench/graph?claimant=${encodeURIComponent(claim.claimant)}`}>See {claim.claimant}’s claims in the graph</Link>
            </p>
          </section>
        </aside>
      </div>
    </>
  );
}

function PassageQuote({ passage }: { passage: ClaimPassage }) {
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
          {[passage.article.outlet, passage.article.publishedAt ? formatDate(passage.article.publishedAt) : null, `revision ${passage.article.revisionNumber}`]
            .filter(Boolean)
            .join(" · ")}
        </span>
        {passage.status !== "anchored" && (
          <span className={`cl-anchor cl-anchor-${passage.status}`}>
            {PASSAGE_STATUS_LABELS[passage.status]}
            {passage.status === "fuzzy" ? ` (${Math.round(passage.confidence * 100)}% sure)` : ""}
          </span>
        )}
        <Link className="cl-open-passage" href={href}>
          {passage.status === "orphaned" ? "Decide in the article" : "Show in the article"}
          <span className="visually-hidden">: {passage.article.title}</span>
        </Link>
      </div>
    </li>
  );
}

function VerdictPanel({ claim, verdictHref }: { claim: ClaimDetail; verdictHref: string }) {
  const verdict = claim.verdict;
  return (
    <section className="vr-panel vr-panel-action" aria-labelledby="verdict-title">
      <h2 id="verdict-title" className="vr-panel-title">
        Verdict
      </h2>
      {!verdict ? (
        <>
          <p className="cl-verdict-line">
            <VerdictStatusBadge status={null} />
          </p>
          {claim.permissions.canDraftVerdict ? (
            <Link className="button" href={verdictHref}>
              Draft a verdict
            </Link>
          ) : (
            <p className="meta">An editor drafts the verdict.</p>
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
              {verdict.draftHeadline || "Untitled draft"} <span className="meta">(draft, not submitted)</span>
            </p>
          )}
          {verdict.publication && (
            <p className="meta">
              Readers see revision {verdict.publication.publishedRevisionNumber} at{" "}
              <Link href={`/fact-checks/${verdict.publication.slug}`}>/fact-checks/{verdict.publication.slug}</Link>
            </p>
          )}
          <Link className="button" href={verdictHref}>
            Open the verdict
          </Link>
          <h3 className="cl-history-title">History</h3>
          {verdict.history.length === 0 ? (
            <p className="meta">Nothing submitted yet.</p>
          ) : (
            <ol className="cl-history" reversed>
              {verdict.history.map((revision) => (
                <li key={revision.id}>
                  <div className="cl-history-head">
                    <Link href={`/workbench/review/${revision.id}`}>Revision {revision.number}</Link>
                    <span className={`cl-mini-rating rating-${revision.rating}`}>{ratingInfo(revision.rating).label}</span>
                    {revision.isPublic && <span className="status-badge status-published">Public</span>}
                  </div>
                  <div className="meta">
                    {revision.lastDecision === "approve"
                      ? "Approved"
                      : revision.lastDecision === "request_changes"
                        ? "Sent back"
                        : verdict.current?.id === revision.id && verdict.status === "in_review"
                          ? "In review"
                          : "Not reviewed"}{" "}
                    · by {revision.authorName}, {formatDate(revision.createdAt)}
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
  return <SuggestionList claimId={claimId} suggestions={suggestions.map(toItem)} canRelate={canRelate} />;
}

function toItem(suggestion: ClaimSuggestion): SuggestionItem {
  return {
    id: suggestion.claim.id,
    statement: suggestion.claim.statement,
    claimant: suggestion.claim.claimant,
    language: suggestion.claim.language,
    rating: suggestion.claim.rating,
    ratingLabel: suggestion.claim.rating ? ratingInfo(suggestion.claim.rating).label : null,
    match: suggestion.match,
    reasons: suggestion.reasons.map((reason) => ({ text: describeReason(reason), against: reason.weight < 0 })),
    rationale: suggestion.rationale,
  };
}
