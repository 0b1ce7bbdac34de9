import { z } from "zod";
import type { Tx } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { Rating } from "@/lib/generated/prisma/enums";
import { languageCode, parseInput, reason } from "@/lib/validation";
import { ratingInfo, type RatingInfo } from "@/lib/verdicts/rating-scale";
import { runReaderSearch } from "@/lib/search/bounded-search";
import { cursorField, decodeCursor, encodeCursor, searchFingerprint } from "@/lib/search/cursor";
import {
  MAX_QUERY_LENGTH,
  cleanQuery,
  correctQuery,
  fullTextQuery,
  headline,
  snippetParts,
  type SnippetPart,
} from "@/lib/search/text-query";

export const MAX_READER_PAGE_SIZE = 30;

export const searchPublishedFactChecksSchema = z.object({
  q: z
    .string()
    .max(MAX_QUERY_LENGTH, reason("searchTooLong", { maximum: MAX_QUERY_LENGTH }))
    .transform(cleanQuery)
    .optional(),
  rating: z.enum(Rating).optional(),
  /** Exact claimant, ignoring case. */
  claimant: z.string().trim().min(1).max(200).optional(),
  language: languageCode.optional(),
  /** Fact-checks first published on this day (UTC) or later. */
  publishedSince: z.iso.date().optional(),
  cursor: cursorField,
  limit: z.number().int().min(1).max(MAX_READER_PAGE_SIZE).default(20),
});
export type SearchPublishedFactChecksInput = z.input<typeof searchPublishedFactChecksSchema>;

export type PublishedFactCheckHit = {
  slug: string;
  headline: string;
  summary: string;
  rating: RatingInfo;
  claimStatement: string;
  claimant: string;
  language: string;
  /** When the claim was made, as the approved snapshot says. */
  claimedAt: Date | null;
  firstPublishedAt: Date;
  updatedAt: Date;
  /** The summary with the matched words marked; only for a text search. */
  snippet?: SnippetPart[];
};

export type PublishedFactCheckSearchResult = { items: PublishedFactCheckHit[]; nextCursor: string | null };

type Row = {
  id: string;
  slug: string;
  headline: string;
  summary: string;
  rating: Rating;
  statement: string;
  claimant: string;
  language: string;
  claimedAt: string | null;
  firstPublishedAt: Date;
  updatedAt: Date;
  updatedAtText: string;
  score: string | null;
  snippet: string | null;
};

/**
 * The readers' search: published fact-checks only. It reads `published_search`, which holds one row
 * per publication taken from its published revision and the snapshot approved with it (kept in step
 * by a trigger on publications), so drafts, revisions in review and unpublished claims cannot appear,
 * and the text searched is exactly what the fact-check page shows (headline, summary, claim
 * statement, claimant) with its text vector stored and indexed (GIN; trigram indexes for near
 * matches). Typo corrections are used to find matches but never shown: the vocabulary they come from
 * also holds words of unpublished claims. Pages by keyset: newest first without a query, (rank, id)
 * with one. Every search runs within runReaderSearch's bounds (time per statement, searches at once)
 * and past them throws a "rate_limited" DomainError that says search is busy.
 */
export async function searchPublishedFactChecks(
  rawInput: SearchPublishedFactChecksInput,
): Promise<PublishedFactCheckSearchResult> {
  const input = parseInput(searchPublishedFactChecksSchema, rawInput);
  const q = input.q || undefined;
  const fingerprint = searchFingerprint({
    reader: true,
    q: q ?? null,
    rating: input.rating ?? null,
    claimant: input.claimant?.toLowerCase() ?? null,
    language: input.language ?? null,
    publishedSince: input.publishedSince ?? null,
  });
  const conditions: Prisma.Sql[] = [Prisma.sql`TRUE`];
  if (input.rating) conditions.push(Prisma.sql`p.rating = ${input.rating}::"Rating"`);
  if (input.claimant) conditions.push(Prisma.sql`lower(p.claimant) = lower(${input.claimant}::text)`);
  if (input.language) conditions.push(Prisma.sql`p.language = ${input.language}::text`);
  if (input.publishedSince) conditions.push(Prisma.sql`p.first_published_at >= ${input.publishedSince}::date::timestamptz`);
  const filters = Prisma.join(conditions, " AND ");
  // Cursors are checked before any database work.
  const after = input.cursor ? decodeCursor(input.cursor, fingerprint, q ? ["rank", "near"] : ["time"]) : null;

  return runReaderSearch(async (tx) => {
    if (!q) {
      const rows = await fetchRows(
        tx,
        Prisma.sql`SELECT ${COLUMNS}, NULL::real AS score FROM published_search p
          WHERE ${filters}
          ${after?.kind === "time" ? Prisma.sql`AND (p.updated_at, p.publication_id) < (${after.at}::timestamptz, ${after.id}::uuid)` : Prisma.empty}
          ORDER BY p.updated_at DESC, p.publication_id DESC
          LIMIT ${input.limit + 1}`,
        Prisma.sql`updated_at DESC`,
        null,
      );
      return toResult(rows, input.limit, fingerprint, "time");
    }

    const afterScore = after && after.kind !== "time" ? after : null;
    const corrected = afterScore?.kind === "near" ? null : await correctQuery(q, tx);
    if (afterScore?.kind !== "near") {
      const query = fullTextQuery(q, corrected);
      const rows = await fetchRows(
        tx,
        rankedPage(Prisma.sql`ts_rank(p.document, ${query})`, Prisma.sql`p.document @@ ${query}`, filters, afterScore, input.limit),
        Prisma.sql`score DESC`,
        headline(Prisma.sql`claimwork_search_config(language)`, Prisma.sql`summary`, query, "MaxWords=40, MinWords=15, MaxFragments=2"),
      );
      if (rows.length > 0 || afterScore) return toResult(rows, input.limit, fingerprint, "rank");
    }
    const rows = await fetchRows(
      tx,
      rankedPage(
        Prisma.sql`greatest(word_similarity(${q}::text, p.statement), word_similarity(${q}::text, p.headline), word_similarity(${q}::text, p.claimant))`,
        Prisma.sql`(${q}::text <% p.statement OR ${q}::text <% p.headline OR ${q}::text <% p.claimant)`,
        filters,
        afterScore,
        input.limit,
      ),
      Prisma.sql`score DESC`,
      null,
    );
    return toResult(rows, input.limit, fingerprint, "near");
  });
}

/** What a result shows, from published_search (never its vector). */
const COLUMNS = Prisma.sql`p.publication_id AS id, p.revision_id, p.slug, p.headline, p.summary, p.rating, p.statement, p.claimant, p.language,
  p.first_published_at, p.updated_at`;

function rankedPage(score: Prisma.Sql, match: Prisma.Sql, filters: Prisma.Sql, after: { score: string; id: string } | null, limit: number): Prisma.Sql {
  return Prisma.sql`SELECT * FROM (
      SELECT ${COLUMNS}, ${score} AS score FROM published_search p WHERE ${match} AND ${filters}
    ) AS hits
    ${after ? Prisma.sql`WHERE (score, id) < (${after.score}::real, ${after.id}::uuid)` : Prisma.empty}
    ORDER BY score DESC, id DESC
    LIMIT ${limit + 1}`;
}

function fetchRows(tx: Tx, page: Prisma.Sql, order: Prisma.Sql, snippet: Prisma.Sql | null): Promise<Row[]> {
  return tx.$queryRaw<Row[]>`
    SELECT id::text AS id, slug, headline, summary, rating::text AS rating, statement, claimant, language,
           (SELECT s.content->'claim'->>'claimedAt' FROM fact_check_snapshots s WHERE s.verdict_revision_id = page.revision_id) AS "claimedAt",
           first_published_at AS "firstPublishedAt", updated_at AS "updatedAt",
           to_char(updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "updatedAtText",
           score::float8::text AS score,
           ${snippet ?? Prisma.sql`NULL::text`} AS snippet
      FROM (${page}) AS page
     ORDER BY ${order}, id DESC`;
}

function toResult(rows: Row[], limit: number, fingerprint: string, kind: "time" | "rank" | "near"): PublishedFactCheckSearchResult {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  let nextCursor: string | null = null;
  if (rows.length > limit && last) {
    nextCursor = encodeCursor(
      fingerprint,
      kind === "time" ? { kind, at: last.updatedAtText, id: last.id } : { kind, score: last.score ?? "0", id: last.id },
    );
  }
  return {
    items: items.map((row) => ({
      slug: row.slug,
      headline: row.headline,
      summary: row.summary,
      rating: ratingInfo(row.rating),
      claimStatement: row.statement,
      claimant: row.claimant,
      language: row.language,
      claimedAt: row.claimedAt ? new Date(`${row.claimedAt}T00:00:00Z`) : null,
      firstPublishedAt: new Date(row.firstPublishedAt),
      updatedAt: new Date(row.updatedAt),
      ...(kind !== "time" ? { snippet: snippetParts(row.snippet ?? row.summary) } : {}),
    })),
    nextCursor,
  };
}
