import { z } from "zod";
import { getDb } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { Rating } from "@/lib/generated/prisma/enums";
import { languageCode, parseInput } from "@/lib/validation";
import { ratingInfo, type RatingInfo } from "@/lib/verdicts/rating-scale";
import { cursorField, decodeCursor, encodeCursor, searchFingerprint, type Cursor } from "@/lib/search/cursor";
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
    .max(MAX_QUERY_LENGTH, `a search is at most ${MAX_QUERY_LENGTH} characters`)
    .transform(cleanQuery)
    .optional(),
  rating: z.enum(Rating).optional(),
  /** Exact claimant, ignoring case. */
  claimant: z.string().trim().min(1).max(200).optional(),
  language: languageCode.optional(),
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
  firstPublishedAt: Date;
  updatedAt: Date;
  updatedAtText: string;
  score: string | null;
  snippet: string | null;
};

/**
 * The readers' search: published fact-checks only. Every row starts from `publications` and reads the
 * published revision, so drafts, revisions in review and unpublished claims cannot appear, and the text
 * searched is exactly what the fact-check page shows (headline, summary, claim statement, claimant).
 * Typo corrections are used to find matches but never shown: the vocabulary they come from also holds
 * words of unpublished claims. Pages by keyset: newest first without a query, (rank, id) with one.
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
  });
  const conditions: Prisma.Sql[] = [Prisma.sql`TRUE`];
  if (input.rating) conditions.push(Prisma.sql`r.rating = ${input.rating}::"Rating"`);
  if (input.claimant) conditions.push(Prisma.sql`lower(c.claimant) = lower(${input.claimant}::text)`);
  if (input.language) conditions.push(Prisma.sql`c.language = ${input.language}::text`);
  const filters = Prisma.join(conditions, " AND ");

  // Published fact-checks are few next to claims: they are gathered first (one row per publication,
  // its published revision and that revision's snapshot of the claim), and only those rows are matched and ranked.
  const published = (score: Prisma.Sql, match: Prisma.Sql) => Prisma.sql`
    WITH published AS MATERIALIZED (
      SELECT pub.id, pub.slug, pub.first_published_at, pub.updated_at, r.headline, r.summary, r.rating,
             c.statement, c.claimant, c.language
        FROM publications pub
        JOIN verdict_revisions r ON r.id = pub.published_revision_id
        JOIN fact_check_snapshots s ON s.verdict_revision_id = r.id
        -- The claim as the approved snapshot froze it: what the page shows, not the live row.
        CROSS JOIN LATERAL (SELECT s.content->'claim'->>'statement' AS statement, s.content->'claim'->>'claimant' AS claimant,
                                   s.content->'claim'->>'language' AS language) c
       WHERE ${filters}
    )
    SELECT p.*, ${score} AS score FROM published p WHERE ${match}`;

  if (!q) {
    const after = input.cursor ? decodeCursor(input.cursor, fingerprint, ["time"]) : null;
    const rows = await fetchRows(
      Prisma.sql`SELECT * FROM (${published(Prisma.sql`NULL::real`, Prisma.sql`TRUE`)}) AS hits
        ${after?.kind === "time" ? Prisma.sql`WHERE (updated_at, id) < (${after.at}::timestamptz, ${after.id}::uuid)` : Prisma.empty}
        ORDER BY updated_at DESC, id DESC
        LIMIT ${input.limit + 1}`,
      Prisma.sql`updated_at DESC`,
      null,
    );
    return toResult(rows, input.limit, fingerprint, "time");
  }

  const after = input.cursor ? decodeCursor(input.cursor, fingerprint, ["rank", "near"]) : null;
  const afterScore = after && after.kind !== "time" ? after : null;
  const corrected = afterScore?.kind === "near" ? null : await correctQuery(q);
  if (afterScore?.kind !== "near") {
    const query = fullTextQuery(q, corrected);
    // Built here rather than stored, over the published rows only.
    const document = Prisma.sql`(
         setweight(to_tsvector(claimwork_search_config(p.language), p.headline || ' ' || claimwork_fold_accents(p.headline)), 'A')
      || setweight(to_tsvector(claimwork_search_config(p.language), p.statement || ' ' || claimwork_fold_accents(p.statement)), 'A')
      || setweight(to_tsvector('simple'::regconfig, p.claimant || ' ' || claimwork_fold_accents(p.claimant)), 'B')
      || setweight(to_tsvector(claimwork_search_config(p.language), p.summary || ' ' || claimwork_fold_accents(p.summary)), 'C'))`;
    const rows = await fetchRows(
      rankedPage(published(Prisma.sql`ts_rank(${document}, ${query})`, Prisma.sql`${document} @@ ${query}`), afterScore, input.limit),
      Prisma.sql`score DESC`,
      headline(Prisma.sql`claimwork_search_config(language)`, Prisma.sql`summary`, query, "MaxWords=40, MinWords=15, MaxFragments=2"),
    );
    if (rows.length > 0 || afterScore) return toResult(rows, input.limit, fingerprint, "rank");
  }
  const rows = await fetchRows(
    rankedPage(
      published(
        Prisma.sql`greatest(word_similarity(${q}::text, p.statement), word_similarity(${q}::text, p.headline), word_similarity(${q}::text, p.claimant))`,
        Prisma.sql`(${q}::text <% p.statement OR ${q}::text <% p.headline OR ${q}::text <% p.claimant)`,
      ),
      afterScore,
      input.limit,
    ),
    Prisma.sql`score DESC`,
    null,
  );
  return toResult(rows, input.limit, fingerprint, "near");
}

function rankedPage(hits: Prisma.Sql, after: { score: string; id: string } | null, limit: number): Prisma.Sql {
  return Prisma.sql`SELECT * FROM (${hits}) AS hits
    ${after ? Prisma.sql`WHERE (score, id) < (${after.score}::real, ${after.id}::uuid)` : Prisma.empty}
    ORDER BY score DESC, id DESC
    LIMIT ${limit + 1}`;
}

function fetchRows(page: Prisma.Sql, order: Prisma.Sql, snippet: Prisma.Sql | null): Promise<Row[]> {
  return getDb().$queryRaw<Row[]>`
    SELECT id::text AS id, slug, headline, summary, rating::text AS rating, statement, claimant, language,
           first_published_at AS "firstPublishedAt", updated_at AS "updatedAt",
           to_char(updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "updatedAtText",
           score::float8::text AS score,
           ${snippet ?? Prisma.sql`NULL::text`} AS snippet
      FROM (${page}) AS page
     ORDER BY ${order}, id DESC`;
}

function toResult(rows: Row[], limit: number, fingerprint: string, kind: Cursor["kind"]): PublishedFactCheckSearchResult {
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
      firstPublishedAt: new Date(row.firstPublishedAt),
      updatedAt: new Date(row.updatedAt),
      ...(kind !== "time" ? { snippet: snippetParts(row.snippet ?? row.summary) } : {}),
    })),
    nextCursor,
  };
}
