import type { Metadata } from "next";
import Link from "next/link";
import { can } from "@/lib/auth/permissions";
import { searchExternalFactChecks, type ExternalSearchResult } from "@/lib/exchange/search-external-fact-checks";
import { requireSignedIn } from "../require-signed-in";
import { listOrExplain, readFilterParams } from "../read-filter-params";
import { Snippet } from "../claims/_components/snippet";
import { ExternalRating, formatDay } from "./_components/external-rating";
import "./exchange.css";

export const metadata: Metadata = { title: "Other fact-checkers" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ExchangePage({ searchParams }: Props) {
  const values = readFilterParams(await searchParams, ["q"] as const);
  const actor = await requireSignedIn(`/workbench/exchange${values.q ? `?q=${encodeURIComponent(values.q)}` : ""}`);
  const { result, problem } = await listOrExplain<ExternalSearchResult>(() => searchExternalFactChecks(actor, { q: values.q }), { items: [], total: 0 });

  return (
    <>
      <p className="kicker">Workbench</p>
      <h1>Other fact-checkers</h1>
      <p className="meta ex-intro">
        Fact-checks published by other newsrooms, imported from their pages, feeds or spreadsheets. They are not ours and never
        appear on our reader pages; a claim’s page shows those that check the same claim.
      </p>
      <p className="ex-actions">
        {can(actor, "exchange.import") && (
          <Link className="button" href="/workbench/exchange/import">
            Import fact-checks
          </Link>
        )}
        <Link href="/workbench/exchange/ratings">Their ratings on our scale</Link>
      </p>
      <form className="cl-filters" method="get" action="/workbench/exchange" role="search" aria-label="Search other fact-checkers’ work">
        <div className="cl-field cl-field-wide">
          <label htmlFor="exchange-q">Search</label>
          <input id="exchange-q" name="q" type="search" defaultValue={values.q ?? ""} maxLength={200} placeholder="Words of the claim, the claimant or the publisher" />
        </div>
        <div className="cl-filter-actions">
          <button type="submit">Search</button>
          {values.q && <Link href="/workbench/exchange">Clear</Link>}
        </div>
      </form>
      {problem && (
        <p className="vr-notice vr-notice-warn" role="alert">
          {problem}
        </p>
      )}
      {!problem && result.items.length === 0 ? (
        <p className="empty">{values.q ? "No external fact-check matches this search." : "Nothing imported yet."}</p>
      ) : (
        result.items.length > 0 && (
          <>
            <p className="meta" role="status">
              {result.total.toLocaleString("en")} {values.q ? "matching" : "imported"}
              {result.total > result.items.length ? `, the first ${result.items.length} shown${values.q ? " (best matches first)" : " (newest first)"}` : ""}.
            </p>
            <table className="wb-table cl-table ex-table">
              <caption className="visually-hidden">External fact-checks{values.q ? ` matching “${values.q}”` : ", newest first"}</caption>
              <thead>
                <tr>
                  <th scope="col">Claim</th>
                  <th scope="col">Checked by</th>
                  <th scope="col">Rating</th>
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
                        {item.claimedAt && <span className="meta">{formatDay(item.claimedAt)}</span>}
                      </div>
                    </td>
                    <td>
                      <a href={item.reviewUrl} rel="noopener noreferrer nofollow" target="_blank">
                        {item.publisherName}
                        <span className="visually-hidden">: their fact-check, opens in a new tab</span>
                      </a>
                      {item.reviewedAt && <div className="meta">{formatDay(item.reviewedAt)}</div>}
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
