import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { getActor } from "@/lib/auth/get-actor";
import { getSourceChangesForVerdict, type ChangedQuote, type SourceChangeView } from "@/lib/sources/get-source-changes-for-verdict";
import { WordDiff } from "@/app/_components/word-diff";
import { SourceChangeForm } from "./source-change-form";
import { DATE_TIME } from "./date-format";
import "@/app/workbench/sources/sources.css";

/**
 * A changed quote's passage in the new text, as the key of its words in workbenchSources.anchor;
 * "anchored" there means its place, with new words.
 */
export const anchorKey = (status: ChangedQuote["anchorStatus"]) => status;

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
  const t = await getTranslations("workbenchSources.panel");
  const format = await getFormatter();
  const when = (date: Date) => format.dateTime(date, DATE_TIME);
  return (
    <section id="source-changes" className={`vr-panel sc-panel${open ? " sc-panel-open" : ""}`} aria-labelledby="source-changes-title">
      <h2 id="source-changes-title" className="vr-panel-title">
        {open ? t("titleOpen") : t("title")}
      </h2>
      {open && (
        <>
          <p className="vr-notice vr-notice-warn" role="note">
            {open.version > 1
              ? t("noticeUpdated", { raised: when(open.raisedAt), updated: when(open.updatedAt) })
              : t("notice", { raised: when(open.raisedAt) })}
          </p>
          <ChangedQuotes item={open} />
          {changes.canResolve ? (
            <SourceChangeForm itemId={open.id} version={open.version} />
          ) : (
            <p className="meta">
              {t.rich("whoDecides", { link: (chunks) => <Link href={`/workbench/claims/${changes.claimId}/verdict`}>{chunks}</Link> })}
            </p>
          )}
        </>
      )}
      {changes.closed.length > 0 && (
        <details className="sc-history">
          <summary>{t("earlier", { count: changes.closed.length })}</summary>
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

async function Decision({ item }: { item: SourceChangeView }) {
  if (!item.resolution) return null;
  const t = await getTranslations("workbenchSources.panel");
  const format = await getFormatter();
  const { byName, at, note, revisionNumber } = item.resolution;
  return (
    <p>
      {t.rich("decision", {
        status: item.status === "confirmed" ? "confirmed" : "revised",
        number: revisionNumber ?? 0,
        name: byName,
        date: format.dateTime(at, DATE_TIME),
        strong: (chunks) => <strong>{chunks}</strong>,
      })}
      {note && <span className="sc-note">{t("quoted", { text: note })}</span>}
    </p>
  );
}

async function ChangedQuotes({ item }: { item: SourceChangeView }) {
  const t = await getTranslations("workbenchSources");
  const format = await getFormatter();
  return (
    <ol className="sc-quotes" aria-label={t("panel.changedQuotes")}>
      {item.quotes.map((quote) => (
        <li key={quote.key} className="sc-quote">
          <p className="cl-passage-source">
            <span className="cl-passage-article">{quote.article.title}</span>
            <span className="meta">
              {t("panel.revisionOn", { number: quote.article.revisionNumber, date: format.dateTime(quote.article.revisionCreatedAt, "day") })}
            </span>
            <span className={`cl-anchor cl-anchor-${quote.anchorStatus}`}>
              {t(`anchor.${anchorKey(quote.anchorStatus)}`)}
              {quote.anchorStatus === "fuzzy" ? ` ${t("sure", { confidence: quote.confidence })}` : ""}
            </span>
          </p>
          <dl className="sc-compare">
            <div>
              <dt>{t("panel.approvedQuote")}</dt>
              <dd>
                <blockquote>
                  {quote.approved.prefix && <span className="cl-context">…{quote.approved.prefix}</span>}
                  <mark>{quote.approved.exact}</mark>
                  {quote.approved.suffix && <span className="cl-context">{quote.approved.suffix}…</span>}
                </blockquote>
              </dd>
            </div>
            <div>
              <dt>{t("panel.now")}</dt>
              <dd>{quote.now === null ? <em>{t("panel.gone")}</em> : <blockquote>{quote.now}</blockquote>}</dd>
            </div>
            {quote.diff && (
              <div>
                <dt>
                  {t("panel.wordDiff")}{" "}
                  <span className="vr-legend">
                    <del>{t("panel.removed")}</del> <ins>{t("panel.added")}</ins>
                  </span>
                </dt>
                <dd className="vr-pre">
                  <WordDiff parts={quote.diff} />
                </dd>
              </div>
            )}
          </dl>
          <Link href={`/workbench/articles/${quote.article.id}?revision=${quote.article.revisionNumber}${quote.currentPassageId ? `&passage=${quote.currentPassageId}` : ""}`}>
            {quote.anchorStatus === "fuzzy" || quote.anchorStatus === "orphaned" ? t("panel.checkPassage") : t("panel.openArticle")}
            <span className="visually-hidden">{t("panel.articleHidden", { title: quote.article.title, number: quote.article.revisionNumber })}</span>
          </Link>
        </li>
      ))}
    </ol>
  );
}
