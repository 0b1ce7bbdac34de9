import { z } from "zod";
import { getDb } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { Rating, type VerdictStatus } from "@/lib/generated/prisma/enums";
import { requirePermission, type Actor } from "@/lib/auth/actor";
import { languageCode, parseInput } from "@/lib/validation";
import { retryOnceWhenUnavailable } from "@/lib/search/bounded-search";
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

export const VERDICT_STATUS_FILTERS = ["none", "draft", "in_review", "changes_requested", "approved", "published"] as const;
export type VerdictStatusFilter = (typeof VERDICT_STATUS_FILTERS)[number];

export const MAX_PAGE_SIZE = 50;

export const searchClaimsSchema = z.object({
  /** Free text, websearch syntax; empty means "list, newest first". */
  q: z
    .string()
    .max(MAX_QUERY_LENGTH, `a search is at most ${MAX_QUERY_LENGTH} characters`)
    .transform(cleanQuery)
    .optional(),
  /** Exact claimant, ignoring case. */
  claimant: z.string().trim().min(1).max(200).optional(),
  language: languageCode.optional(),
  /** "none": claims without a verdict. */
  verdictStatus: z.enum(VERDICT_STATUS_FILTERS).optional(),
  /** Rating of the verdict's current (submitted) revision. */
  rating: z.enum(Rating).optional(),
  /** Claims with a passage in this article. */
  articleId: z.uuid().optional(),
  cursor: cursorField,
  limit: z.number().int().min(1).max(MAX_PAGE_SIZE).default(20),
});
export type SearchClaimsInput = z.input<typeof searchClaimsSchema>;

export type ClaimSearchItem = {
  id: string;
  statement: string;
  claimant: string;
  language: string;
  claimedAt: Date | null;
  tags: string[];
  verdictStatus: VerdictStatus | null;
  rating: Rating | null;
  passageCount: number;
  /** The statement with the matched words marked; only for a text search. */
  snippet?: SnippetPart[];
};

export type ClaimSearchResult = {
  items: ClaimSearchItem[];
  nextCursor: string | null;
  /** The query with its typos corrected, when the results include matches of the correction. */
  correctedQuery?: string;
};

type Row = {
  id: string;
  statement: string;
  claimant: string;
  language: string;
  claimedAt: string | null;
  tags: string[];
  verdictStatus: VerdictStatus | null;
  rating: Rating | null;
  passageCount: number;
  createdAt: string;
  score: string | null;
  snippet: string | null;
};

/**
 * Claims for the workbench: a text search ranked by relevance, or the newest claims first, with
 * filters. Every mode is paged by keyset, so page 200 costs what page 1 costs and rows added
 * meanwhile never shift a page:
 * - listing (no q): (created_at, id) descending, straight from the btree indexes;
 * - text search: full-text matches (every word, websearch syntax) of the query as typed OR of its
 *   typo correction (correctQuery), ordered by (ts_rank, id) descending; the cursor holds the last
 *   rank exactly. Each page ranks the matching rows again (a top-N heap sort over the GIN index's
 *   matches, no OFFSET), so its cost grows with the number of matches, not with the page number;
 * - when the full-text search finds nothing: near matches by trigram word similarity of the whole
 *   query to the statement or the claimant (pg_trgm's `<%`, GIN indexes), ordered by (similarity, id).
 */
export async function searchClaims(actor: Actor, rawInput: SearchClaimsInput): Promise<ClaimSearchResult> {
  requirePermission(actor, "claims.read");
  const input = parseInput(searchClaimsSchema, rawInput);
  // A database lost mid-search (a restart) gets one more try: an answer, or an "unavailable" error
  // raised while the front server and the health check know it is away (see bounded-search.ts).
  return retryOnceWhenUnavailable(() => findClaims(input));
}

async function findClaims(input: z.output<typeof searchClaimsSchema>): Promise<ClaimSearchResult> {
  const q = input.q || undefined;
  const fingerprint = searchFingerprint({
    q: q ?? null,
    claimant: input.claimant?.toLowerCase() ?? null,
    language: input.language ?? null,
    verdictStatus: input.verdictStatus ?? null,
    rating: input.rating ?? null,
    articleId: input.articleId ?? null,
  });
  const filters = filterConditions(input);

  if (!q) {
    const after = input.cursor ? decodeCursor(input.cursor, fingerprint, ["time"]) : null;
    const rows = await fetchPage(
      Prisma.sql`
        SELECT c.id, c.created_at, NULL::real AS score
          FROM claims c
         WHERE ${filters}
           ${after?.kind === "time" ? Prisma.sql`AND (c.created_at, c.id) < (${after.at}::timestamptz, ${after.id}::uuid)` : Prisma.empty}
         ORDER BY c.created_at DESC, c.id DESC
         LIMIT ${input.limit + 1}`,
      Prisma.sql`page.created_at DESC`,
      null,
    );
    return toResult(rows, input.limit, fingerprint, "time");
  }

  const afterScore = input.cursor ? decodeCursor(input.cursor, fingerprint, ["rank", "near"]) : null;
  const corrected = afterScore?.kind === "near" ? null : await correctQuery(q);
  if (afterScore?.kind !== "near") {
    const query = fullTextQuery(q, corrected);
    const rows = await fetchPage(
      rankedPage(
        Prisma.sql`ts_rank(c.search_vector, ${query})`,
        Prisma.sql`c.search_vector @@ ${query}`,
        filters,
        afterScore,
        input.limit,
      ),
      Prisma.sql`page.score DESC`,
      headline(Prisma.sql`claimwork_search_config(c.language)`, Prisma.sql`c.statement`, query),
    );
    if (rows.length > 0 || afterScore) {
      return { ...toResult(rows, input.limit, fingerprint, "rank"), ...(corrected ? { correctedQuery: corrected } : {}) };
    }
  }
  const rows = await fetchPage(
    rankedPage(
      Prisma.sql`greatest(word_similarity(${q}::text, c.statement), word_similarity(${q}::text, c.claimant))`,
      Prisma.sql`(${q}::text <% c.statement OR ${q}::text <% c.claimant)`,
      filters,
      afterScore,
      input.limit,
    ),
    Prisma.sql`page.score DESC`,
    null,
  );
  return toResult(rows, input.limit, fingerprint, "near");
}

/** The ids of one page of a ranked search: (score, id) descending after the cursor's position. */
function rankedPage(score: Prisma.Sql, match: Prisma.Sql, filters: Prisma.Sql, after: { score: string; id: string } | null, limit: number) {
  return Prisma.sql`
    SELECT id, created_at, score FROM (
      SELECT c.id, c.created_at, ${score} AS score FROM claims c WHERE ${match} AND ${filters}
    ) AS matches
    ${after ? Prisma.sql`WHERE (score, id) < (${after.score}::real, ${after.id}::uuid)` : Prisma.empty}
    ORDER BY score DESC, id DESC
    LIMIT ${limit + 1}`;
}

/** One page of claims with their verdict, rating, passage count and (for a text search) snippet. */
function fetchPage(page: Prisma.Sql, order: Prisma.Sql, snippet: Prisma.Sql | null): Promise<Row[]> {
  return getDb().$queryRaw<Row[]>`
    WITH page AS MATERIALIZED (${page})
    SELECT c.id::text AS id, c.statement, c.claimant, c.language, c.claimed_at::text AS "claimedAt", c.tags,
           v.status::text AS "verdictStatus", r.rating::text AS rating,
           (SELECT count(*)::int FROM passages p WHERE p.claim_id = c.id) AS "passageCount",
           to_char(page.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "createdAt",
           page.score::float8::text AS score,
           ${snippet ?? Prisma.sql`NULL::text`} AS snippet
      FROM page
      JOIN claims c ON c.id = page.id
      LEFT JOIN verdicts v ON v.claim_id = c.id
      LEFT JOIN verdict_revisions r ON r.id = v.current_revision_id
     ORDER BY ${order}, page.id DESC`;
}

function toResult(rows: Row[], limit: number, fingerprint: string, kind: Exclude<Cursor["kind"], "serial">): ClaimSearchResult {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  let nextCursor: string | null = null;
  if (rows.length > limit && last) {
    nextCursor = encodeCursor(
      fingerprint,
      kind === "time" ? { kind, at: last.createdAt, id: last.id } : { kind, score: last.score ?? "0", id: last.id },
    );
  }
  return { items: items.map((row) => toItem(row, kind !== "time")), nextCursor };
}

function filterConditions(input: z.output<typeof searchClaimsSchema>): Prisma.Sql {
  const conditions: Prisma.Sql[] = [Prisma.sql`TRUE`];
  if (input.claimant) conditions.push(Prisma.sql`lower(c.claimant) = lower(${input.claimant}::text)`);
  if (input.language) conditions.push(Prisma.sql`c.language = ${input.language}::text`);
  if (input.verdictStatus === "none") {
    conditions.push(Prisma.sql`NOT EXISTS (SELECT 1 FROM verdicts v WHERE v.claim_id = c.id)`);
  } else if (input.verdictStatus) {
    conditions.push(
      Prisma.sql`EXISTS (SELECT 1 FROM verdicts v WHERE v.claim_id = c.id AND v.status = ${input.verdictStatus}::"VerdictStatus")`,
    );
  }
  if (input.rating) {
    conditions.push(Prisma.sql`EXISTS (SELECT 1 FROM verdicts v JOIN verdict_revisions r ON r.id = v.current_revision_id
                                        WHERE v.claim_id = c.id AND r.rating = ${input.rating}::"Rating")`);
  }
  if (input.articleId) {
    conditions.push(Prisma.sql`EXISTS (SELECT 1 FROM passages p WHERE p.claim_id = c.id AND p.article_id = ${input.articleId}::uuid)`);
  }
  return Prisma.join(conditions, " AND ");
}

function toItem(row: Row, withSnippet: boolean): ClaimSearchItem {
  return {
    id: row.id,
    statement: row.statement,
    claimant: row.claimant,
    language: row.language,
    claimedAt: row.claimedAt ? new Date(`${row.claimedAt}T00:00:00Z`) : null,
    tags: row.tags,
    verdictStatus: row.verdictStatus,
    rating: row.rating,
    passageCount: row.passageCount,
    ...(withSnippet ? { snippet: snippetParts(row.snippet ?? row.statement) } : {}),
  };
}
