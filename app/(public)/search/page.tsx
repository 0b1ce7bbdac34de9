import type { Metadata } from "next";
import Link from "next/link";
import { NOT_FOR_READER_CACHE } from "@/lib/publishing/reader-cache-hint";
import { searchPublishedFactChecks, type PublishedFactCheckSearchResult } from "@/lib/search/search-published-fact-checks";
import { isDomainError } from "@/lib/errors";
import { FactCheckCard } from "@/app/_components/fact-check-card";
import { ReaderSearchForm } from "@/app/_components/reader-search-form";

export const metadata: Metadata = { title: "Search fact-checks", robots: { index: false } };

type Params = { q?: string; rating?: string; language?: string; claimant?: string; cursor?: string; attempt?: string };
type Props = { searchParams: Promise<Params> };

const text = (value: unknown) => (typeof value === "string" && value.trim() ? value.trim() : undefined);

export default async function SearchPage({ searchParams }: Props) {
  const params = await searchParams;
  const filters = { q: text(params.q), rating: text(params.rating), language: text(params.language), claimant: text(params.claimant) };
  let result: PublishedFactCheckSearchResult | null = null;
  let problem: string | null = null;
  let busy = false;
  try {
    result = await searchPublishedFactChecks({ ...filters, cursor: text(params.cursor) } as Parameters<typeof searchPublishedFactChecks>[0]);
  } catch (error) {
    // A database that is away is the error page's (the front server answers it 503); a refused
    // search or a busy one is said here.
    if (!isDomainError(error)) throw error;
    problem = error.message;
    busy = error.code === "rate_limited";
  }
  const next = result?.nextCursor
    ? `/search?${new URLSearchParams({ ...Object.fromEntries(Object.entries(filters).filter(([, v]) => v)), cursor: result.nextCursor } as Record<string, string>)}`
    : null;
  return (
    <>
      <p className="kicker">Search</p>
      <h1>Find a fact-check</h1>
      <ReaderSearchForm values={filters} />
      {problem && (
        <p className="form-error" role="alert">
          {problem}
          {busy && (
            <>
              {" "}
              <Link href={`/search?${new URLSearchParams(Object.entries({ ...filters, cursor: text(params.cursor) }).filter((entry): entry is [string, string] => Boolean(entry[1])))}`}>
                Try again
              </Link>
              {/* Not kept by the reader cache: the next reader of this address gets a fresh try. */}
              <meta name={NOT_FOR_READER_CACHE.name} content={NOT_FOR_READER_CACHE.content} />
            </>
          )}
        </p>
      )}
      {result &&
        (result.items.length === 0 ? (
          <p className="empty">No published fact-check matches this search.</p>
        ) : (
          <ul className="cards" aria-label="Matching fact-checks">
            {result.items.map((hit) => (
              <FactCheckCard key={hit.slug} factCheck={{ ...hit, correctedAt: null }} />
            ))}
          </ul>
        ))}
      {next && (
        <p>
          <Link href={next}>More results</Link>
        </p>
      )}
    </>
  );
}
