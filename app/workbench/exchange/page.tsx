import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { can } from "@/lib/auth/permissions";
import { searchExternalFactChecks, type ExternalSearchResult } from "@/lib/exchange/search-external-fact-checks";
import { requireSignedIn } from "../require-signed-in";
import { listOrExplain, readFilterParams } from "../read-filter-params";
import { Snippet } from "../claims/_components/snippet";
import { ExternalRating, formatDay } from "./_components/external-rating";
import "./exchange.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("workbenchExchange.list");
  return { title: t("title") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ExchangePage({ searchParams }: Props) {
  const values = readFilterParams(await searchParams, ["q"] as const);
  const actor = await requireSignedIn(`/workbench/exchange${values.q ? `?q=${encodeURIComponent(values.q)}` : ""}`);
  const { result, problem } = await listOrExplain<ExternalSearchResult>(() => searchExternalFactChecks(actor, { q: values.q }), { items: [], total: 0 });
  const t = await getTranslations("workbenchExchange.list");
  const format = await getFormatter();

  return (
    <>
      <p className="kicker">{t("kicker")}</p>
      <h1>{t("title")}</h1>
      <p className="meta ex-intro">{t("intro")}</p>
      <p className="ex-actions">
        {can(actor, "exchange.import") && (
          <Link className="button" href="/workbench/exchange/import">
            {t("import")}
          </Link>
        )}
        <Link href="/workbench/exchange/ratings">{t("ratings")}</Link>
      </p>
      <form className="cl-filters" method="get" action="/workbench/exchange" role="search" aria-label={t("searchLabel")}>
        <div className="cl-field cl-field-wide">
          <label htmlFor="exchange-q">{t("search")}</label>
          <input id="exchange-q" name="q" type="search" defaultValue={values.q ?? ""} maxLength={200} placeholder={t("placeholder")} />
        </div>
        <div className="cl-filter-actions">
          <button type="submit">{t("search")}</button>
          {values.q && <Link href="/workbench/exchange">{t("clear")}</Link>}
        </div>
      </form>
      {problem && (
        <p className="vr-notice vr-notice-warn" role="alert">
          {problem}
        </p>
      )}
      {!problem && result.items.length === 0 ? (
        <p className="empty">{values.q ? t("emptyFiltered") : t("empty")}</p>
      ) : (
        result.items.length > 0 && (
          <>
            <p className="meta" role="status">
              {t("count", {
                total: result.total,
                shown: result.items.length,
                filtered: values.q ? "yes" : "no",
                partial: result.total > result.items.length ? "yes" : "no",
              })}
            </p>
            <table className="wb-table cl-table ex-table">
              <caption className="visually-hidden">{values.q ? t("captionMatching", { q: values.q }) : t("caption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("table.claim")}</th>
                  <th scope="col">{t("table.checkedBy")}</th>
                  <th scope="col">{t("table.rating")}</th>
                </tr>
              </thead>
              <tbody>
                {result.items.map((item) => (
                  <tr key={item.id}>
                    <td>
                      <span lang={item.language !== "und" ? item.language : undefined}>
                        {item.snippet ? <Snippet parts={item.snippet} /> : item.claimText}
                      </span>
                      <div className="cl-row-meta">
                        {item.claimant && <span>{item.claimant}</span>}
                        {item.claimedAt && <span className="meta">{formatDay(format, item.claimedAt)}</span>}
                      </div>
                    </td>
                    <td>
                      <a href={item.reviewUrl} rel="noopener noreferrer nofollow" target="_blank">
                        {item.publisherName}
                        <span className="visually-hidden">{t("theirFactCheck")}</span>
                      </a>
                      {item.reviewedAt && <div className="meta">{formatDay(format, item.reviewedAt)}</div>}
                    </td>
                    <td>
                      <ExternalRating ratingText={item.ratingText} rating={item.rating} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )
      )}
    </>
  );
}
