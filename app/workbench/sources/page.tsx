import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { listSourceChanges } from "@/lib/sources/list-source-changes";
import { getSourceChangesForVerdict, type ChangedQuote } from "@/lib/sources/get-source-changes-for-verdict";
import { can } from "@/lib/auth/permissions";
import { VerdictStatusBadge } from "@/app/_components/verdict-status";
import { WordDiff } from "@/app/_components/word-diff";
import { anchorKey } from "@/app/workbench/_components/source-change-panel";
import { requireSignedIn } from "../require-signed-in";
import "./sources.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("workbenchSources.page");
  return { title: t("kicker") };
}

export default async function SourceChangesPage() {
  const actor = await requireSignedIn("/workbench/sources");
  const items = await listSourceChanges(actor);
  // What each open item's quotes said and say now, so the queue shows what changed at a glance.
  const details = await Promise.all(items.map((item) => getSourceChangesForVerdict(actor, { verdictId: item.verdictId })));
  const t = await getTranslations("workbenchSources.page");
  const format = await getFormatter();
  const day = (date: Date) => format.dateTime(date, "day");
  return (
    <>
      <p className="kicker">{t("kicker")}</p>
      <h1>{t("title")}</h1>
      <p>
        {t("intro")} {can(actor, "verdicts.review") ? t("introReviewer") : t("introEditor")}
      </p>
      <section className="vr-panel queue-section" aria-labelledby="open-title">
        <h2 id="open-title" className="vr-panel-title">
          {t("open")} <span className="vr-count">{format.number(items.length)}</span>
        </h2>
        {items.length === 0 ? (
          <p className="meta">{t("empty")}</p>
        ) : (
          <table className="wb-table sc-queue">
            <thead>
              <tr>
                <th scope="col">{t("table.factCheck")}</th>
                <th scope="col">
                  {t("table.whatChanged")}{" "}
                  <span className="vr-legend" aria-hidden="true">
                    <del>{t("table.removed")}</del> <ins>{t("table.added")}</ins>
                  </span>
                </th>
                <th scope="col">{t("table.raised")}</th>
                <th scope="col">
                  <span className="visually-hidden">{t("table.action")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((item, index) => {
                const open = details[index]?.open ?? null;
                const canResolve = details[index]?.canResolve ?? false;
                const name = item.headline || item.statement;
                return (
                  <tr key={item.itemId}>
                    <td>
                      <div className="queue-headline">
                        <VerdictStatusBadge status={item.verdictStatus} /> <strong>{item.headline || t("untitled")}</strong>
                      </div>
                      <div className="meta">{t("quoted", { text: item.statement })}</div>
                    </td>
                    <td>
                      {open && open.quotes.length > 0 ? (
                        <ul className="sc-queue-quotes">
                          {open.quotes.map((quote) => (
                            <QuoteChange key={quote.key} quote={quote} />
                          ))}
                        </ul>
                      ) : (
                        <ul className="sc-articles">
                          {item.articles.map((article) => (
                            <li key={`${article.title}-${article.revisionNumber}`}>
                              {article.title} <span className="meta">{t("revision", { number: article.revisionNumber })}</span>
                            </li>
                          ))}
                        </ul>
                      )}
                    </td>
                    <td>
                      {day(item.raisedAt)}
                      {day(item.updatedAt) !== day(item.raisedAt) && <div className="meta">{t("lastChange", { date: day(item.updatedAt) })}</div>}
                    </td>
                    <td className="action-cell">
                      <Link className="button" href={`/workbench/claims/${item.claimId}#source-changes`}>
                        {canResolve ? t("decide") : t("openItem")}
                        <span className="visually-hidden">: {name}</span>
                      </Link>
                      {item.reviewRevisionId && (
                        <div>
                          <Link href={`/workbench/review/${item.reviewRevisionId}#source-changes`}>
                            {t("reviewPage")}
                            <span className="visually-hidden">: {name}</span>
                          </Link>
                        </div>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}

/** One changed quote in the queue: where, how it was re-anchored, and the words from the approved quote to now. */
async function QuoteChange({ quote }: { quote: ChangedQuote }) {
  const t = await getTranslations("workbenchSources");
  return (
    <li>
      <p className="sc-queue-source">
        {quote.article.title} <span className="meta">{t("page.revision", { number: quote.article.revisionNumber })}</span>{" "}
        <span className={`cl-anchor cl-anchor-${quote.anchorStatus}`}>
          {t(`anchor.${anchorKey(quote.anchorStatus)}`)}
          {quote.anchorStatus === "fuzzy" ? ` ${t("sure", { confidence: quote.confidence })}` : ""}
        </span>
      </p>
      {quote.now === null ? (
        <blockquote>
          <del>
            <span className="visually-hidden">[{t("page.removedHidden")} </span>
            {quote.approved.exact}
            <span className="visually-hidden">]</span>
          </del>{" "}
          <em className="meta">{t("panel.gone")}</em>
        </blockquote>
      ) : quote.diff ? (
        <blockquote className="vr-pre">
          <WordDiff parts={quote.diff} />
        </blockquote>
      ) : (
        <dl className="sc-queue-compare">
          <dt>{t("page.approved")}</dt>
          <dd>{quote.approved.exact}</dd>
          <dt>{t("page.now")}</dt>
          <dd>{quote.now}</dd>
        </dl>
      )}
    </li>
  );
}
