import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { NOT_FOR_READER_CACHE } from "@/lib/publishing/reader-cache-hint";
import { searchPublishedFactChecks, type PublishedFactCheckSearchResult } from "@/lib/search/search-published-fact-checks";
import { isDomainError } from "@/lib/errors";
import { FactCheckCard } from "@/app/_components/fact-check-card";
import { ReaderSearchForm } from "@/app/_components/reader-search-form";
import { ErrorMessage } from "@/app/_components/error-message";
import { localeAlternates, readerLocale } from "./alternates";

type Params = { q?: string; rating?: string; language?: string; claimant?: string; cursor?: string; attempt?: string };
type Props = { searchParams: Promise<Params> };

const text = (value: unknown) => (typeof value === "string" && value.trim() ? value.trim() : undefined);
const FILTERS = ["q", "rating", "language", "claimant"] as const;

/** The search's own parameters, as a query string (its address in any language). */
function queryOf(params: Params, extra: Record<string, string | undefined> = {}): string {
  const entries = [...FILTERS.map((name) => [name, text(params[name])] as const), ...Object.entries(extra)];
  return new URLSearchParams(entries.filter((entry): entry is [string, string] => Boolean(entry[1]))).toString();
}

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const locale = await readerLocale();
  const t = await getTranslations("reader.search");
  return { title: t("title"), robots: { index: false }, alternates: localeAlternates(locale, "/search", queryOf(await searchParams)) };
}

export default async function SearchPage({ searchParams }: Props) {
  const locale = await readerLocale();
  const t = await getTranslations("reader.search");
  const params = await searchParams;
  const filters = { q: text(params.q), rating: text(params.rating), language: text(params.language), claimant: text(params.claimant) };
  let result: PublishedFactCheckSearchResult | null = null;
  let problem: unknown = null;
  let busy = false;
  try {
    result = await searchPublishedFactChecks({ ...filters, cursor: text(params.cursor) } as Parameters<typeof searchPublishedFactChecks>[0]);
  } catch (error) {
    // A database that is away is the error page's (the front server answers it 503); a refused
    // search or a busy one is said here.
    if (!isDomainError(error)) throw error;
    problem = error;
    busy = error.code === "rate_limited";
  }
  const next = result?.nextCursor ? `/${locale}/search?${queryOf(params, { cursor: result.nextCursor })}` : null;
  return (
    <>
      <p className="kicker">{t("kicker")}</p>
      <h1>{t("heading")}</h1>
      <ReaderSearchForm values={filters} />
      {problem !== null && (
        <p className="form-error" role="alert">
          <ErrorMessage error={problem} />
          {busy && (
            <>
              {" "}
              <Link href={`/${locale}/search?${queryOf(params, { cursor: text(params.cursor) })}`}>{t("tryAgain")}</Link>
              {/* Not kept by the reader cache: the next reader of this address gets a fresh try. */}
              <meta name={NOT_FOR_READER_CACHE.name} content={NOT_FOR_READER_CACHE.content} />
            </>
          )}
        </p>
      )}
      {result &&
        (result.items.length === 0 ? (
          <p className="empty">{t("empty")}</p>
        ) : (
          <ul className="cards" aria-label={t("listLabel")}>
            {result.items.map((hit) => (
              <FactCheckCard key={hit.slug} factCheck={{ ...hit, correctedAt: null }} />
            ))}
          </ul>
        ))}
      {next && (
        <p>
          <Link href={next}>{t("more")}</Link>
        </p>
      )}
    </>
  );
}
