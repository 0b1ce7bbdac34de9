import Link from "next/link";
import { getActor } from "@/lib/auth/get-actor";
import { getSourceChangesForVerdict, type ChangedQuote, type SourceChangeView } from "@/lib/sources/get-source-changes-for-verdict";
import { WordDiff } from "@/app/_components/word-diff";
import { formatDate } from "@/app/_components/format-date";
import { SourceChangeForm } from "./source-change-form";
import { PASSAGE_STATUS_LABELS } from "@/lib/anchoring/passage-status";
import "@/app/workbench/sources/sources.css";

const dateTime = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
const when = (date: Date) => `${dateTime.format(date)} UTC`;

/** A changed quote's passage in the new text; "kept" there means its place, with new words. */
export const ANCHOR_WORDS: Record<ChangedQuote["anchorStatus"], string> = { ...PASSAGE_STATUS_LABELS, anchored: "Same place, new words" };

/**
 * The source changes of one fact-check, on its claim page and its review page: what the approved
 * snapshot quotes, what the article says there now, and, for reviewers who wrote none of it, the
 * decision that nothing needs to change. Renders nothing when no source ever changed.
 */
export async function SourceChangePanel(props: { claimId: string } | { verdictId: string }) {
  const actor = await getActor();
  if (!actor) return null;
  const changes = await getSourceChangesForVerdict(actor, props);
  if (!changes || (!changes.open && changes.closed.length === 0)) return null;
  const { open } = changes;
  return (
    <section id="source-changes" className={`vr-panel sc-panel${open ? " sc-panel-open" : ""}`} aria-labelledby="source-changes-title">
      <h2 id="source-changes-title" className="vr-panel-title">
        {open ? "Source changed: a decision is needed" : "Source changes"}
      </h2>
      {open && (
        <>
          <p className="vr-notice vr-notice-warn" role="note">
            An article this fact-check quotes has a new revision that changed, moved or lost a quoted passage (raised {when(open.raisedAt)}
            {open.version > 1 ? `, last added to ${when(open.updatedAt)}` : ""}). Until a reviewer decides, no revision quoting the old text can be
            approved.
          </p>
          <ChangedQuotes item={open} />
          {changes.canResolve ? (
            <SourceChangeForm itemId={open.id} version={open.version} />
          ) : (
            <p className="meta">
              A reviewer who wrote none of this fact-check confirms that nothing needs to change; otherwise its editor{" "}
              <Link href={`/workbench/claims/${changes.claimId}/verdict`}>resubmits the verdict</Link> quoting the new text.
            </p>
          )}
        </>
      )}
      {changes.closed.length > 0 && (
        <details className="sc-history">
          <summary>Earlier decisions ({changes.closed.length})</summary>
          <ul>
            {changes.closed.map((item) => (
              <li key={item.id}>
                <Decision item={item} />
                <ChangedQuotes item={item} />
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}

function Decision({ item }: { item: SourceChangeView }) {
  if (!item.resolution) return null;
  const { byName, at, note, revisionNumber } = item.resolution;
  return (
    <p>
      <strong>{item.status === "confirmed" ? "Nothing needed to change" : `Revised: revision ${revisionNumber} quotes the new text`}</strong>, decided by {byName},{" "}
      {when(at)}
      {note && <span className="sc-note">“{note}”</span>}
    </p>
  );
}

function ChangedQuotes({ item }: { item: SourceChangeView }) {
  return (
    <ol className="sc-quotes" aria-label="Changed quotes">
      {item.quotes.map((quote) => (
        <li key={quote.key} className="sc-quote">
          <p className="cl-passage-source">
            <span className="cl-passage-article">{quote.article.title}</span>
            <span className="meta">
              revision {quote.article.revisionNumber}, {formatDate(quote.article.revisionCreatedAt)}
            </span>
            <span className={`cl-anchor cl-anchor-${quote.anchorStatus}`}>
              {ANCHOR_WORDS[quote.anchorStatus]}
              {quote.anchorStatus === "fuzzy" ? ` (${Math.round(quote.confidence * 100)}% sure)` : ""}
            </span>
          </p>
          <dl className="sc-compare">
            <div>
              <dt>Approved quote</dt>
              <dd>
                <blockquote>
                  {quote.approved.prefix && <span className="cl-context">…{quote.approved.prefix}</span>}
                  <mark>{quote.approved.exact}</mark>
                  {quote.approved.suffix && <span className="cl-context">{quote.approved.suffix}…</span>}
                </blockquote>
              </dd>
            </div>
            <div>
              <dt>What the article says now</dt>
              <dd>{quote.now === null ? <em>The quoted text is no longer in the article.</em> : <blockquote>{quote.now}</blockquote>}</dd>
            </div>
            {quote.diff && (
              <div>
                <dt>
                  Word diff{" "}
                  <span className="vr-legend">
                    <del>removed</del> <ins>added</ins>
                  </span>
                </dt>
                <dd className="vr-pre">
                  <WordDiff parts={quote.diff} />
                </dd>
              </div>
            )}
          </dl>
          <Link href={`/workbench/articles/${quote.article.id}?revision=${quote.article.revisionNumber}${quote.currentPassageId ? `&passage=${quote.currentPassageId}` : ""}`}>
            {quote.anchorStatus === "fuzzy" || quote.anchorStatus === "orphaned" ? "Check the passage in the article" : "Open the article"}
            <span className="visually-hidden">: {quote.article.title}, revision {quote.article.revisionNumber}</span>
          </Link>
        </li>
      ))}
    </ol>
  );
}
