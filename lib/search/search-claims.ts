import { z } from "zod";
import { getDb } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { Rating, type VerdictStatus } from "@/lib/generated/prisma/enums";
import { requirePermission, type Actor } from "@/lib/auth/actor";
import { languageCode, parseInput, reason } from "@/lib/validation";
import { retryOnceWhenUnavailable } from "@/lib/search/bounded-search";
import { cursorField, decodeCursor, encodeCursor, searchFingerprint, type Cursor } from "@/lib/search/cursor";
import {
  MAX_QUERY_LENGTH,
  anyWordQuery,
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
    .max(MAX_QUERY_LENGTH, reason("searchTooLong", { maximum: MAX_QUERY_LENGTH }))
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
  /** More claims match than a search ranks (RANKED_MATCHES_CAP): they are shown newest first. */
  newestFirst?: true;
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
  /** The number of matches of a ranked search, counted up to RANKED_MATCHES_CAP + 1. */
  total: number | null;
  snippet: string | null;
};

/**
 * A text search ranks its matches by relevance when they are at most this many; past it, the matches
 * are shown newest first (ADR 0017). Ranking reads every match (ts_rank has no index), so its cost
 * grows with their number; newest first walks the (created_at, id) index and stops at one page.
 */
export const RANKED_MATCHES_CAP = 2_000;

/**
 * A search the planner expects to match more claims than this (its statistics of the words, from
 * ANALYZE) goes newest first at once, without counting its matches first.
 */
const SURELY_BROAD_ESTIMATE = 10 * RANKED_MATCHES_CAP;

/**
 * Claims for the workbench: a text search ranked by relevance, or the newest claims first, with
 * filters. Every mode is paged by keyset, so page 200 costs what page 1 costs and rows added
 * meanwhile never shift a page:
 * - listing (no q): (created_at, id) descending, straight from the btree indexes;
 * - text search: full-text matches (every word, websearch syntax) of the query as typed OR of its
 *   typo correction (correctQuery: spelling neighbours and trigram similarity over the vocabulary).
 *   At most RANKED_MATCHES_CAP matches are ordered by (ts_rank, id) descending (a top-N heap sort
 *   over the GIN index's matches, no OFFSET; the cursor holds the last rank exactly). A search with
 *   more matches is too broad to rank cheaply and shows them newest first (`newestFirst`), by
 *   keyset on (created_at, id), walking an index that carries the claims' words. Without filters the
 *   matches are counted from the GIN index alone first (indexMatches); with filters, the ranked query
 *   counts the first RANKED_MATCHES_CAP + 1;
 * - when the full-text search finds nothing: near matches, the claims holding any of the words
 *   (anyWordQuery), through the same GIN index and in the same two orders, without highlights.
 */
export async function searchClaims(actor: Actor, rawInput: SearchClaimsInput): Promise<ClaimSearchResult> {
  requirePermission(actor, "claims.read");
  const input = parseInput(searchClaimsSchema, rawInput);
  // A database lost mid-search (a restart) gets one more try: an answer, or an "unavailable" error
  // raised while the front server and the health check know it is away (see bounded-search.ts).
  return retryOnceWhenUnavailable(() => findClaims(input));
}

type Page = { rows: Row[]; kind: Exclude<Cursor["kind"], "serial" | "time"> };
type After = { kind: Cursor["kind"]; score?: string; at?: string; id: string } | null;

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
  const filtered = Boolean(input.claimant || input.language || input.verdictStatus || input.rating || input.articleId);

  if (!q) {
    const after = input.cursor ? decodeCursor(input.cursor, fingerprint, ["time"]) : null;
    const rows = await fetchPage(newestPage(filters, after, input.limit), Prisma.sql`page.created_at DESC`, null);
    return toResult(rows, input.limit, fingerprint, "time");
  }

  const after: After = input.cursor ? decodeCursor(input.cursor, fingerprint, ["rank", "recent", "near", "nearRecent"]) : null;
  const corrected = await correctQuery(q);
  if (!after || after.kind === "rank" || after.kind === "recent") {
    const query = fullTextQuery(q, corrected);
    const snippet = headline(Prisma.sql`claimwork_search_config(c.language)`, Prisma.sql`c.statement`, query);
    const page = await matchPage(query, filters, after, input.limit, snippet, { ranked: "rank", newest: "recent" }, filtered);
    if (page.rows.length > 0 || after) {
      return { ...toResult(page.rows, input.limit, fingerprint, page.kind), ...(corrected ? { correctedQuery: corrected } : {}) };
    }
  }
  const anyWord = anyWordQuery(q, corrected);
  if (!anyWord) return { items: [], nextCursor: null };
  const page = await matchPage(anyWord, filters, after, input.limit, null, { ranked: "near", newest: "nearRecent" }, filtered);
  return toResult(page.rows, input.limit, fingerprint, page.kind);
}

/**
 * One page of the claims matching a tsquery: ranked when the matches are at most
 * RANKED_MATCHES_CAP, else newest first. Later pages keep the order their cursor names.
 */
async function matchPage(
  query: Prisma.Sql,
  filters: Prisma.Sql,
  after: After,
  limit: number,
  snippet: Prisma.Sql | null,
  kinds: { ranked: Page["kind"]; newest: Page["kind"] },
  filtered: boolean,
): Promise<Page> {
  const match = Prisma.sql`c.search_vector @@ ${query}`;
  const newest = async (position: After) => ({
    rows: await fetchPage(newestMatchesPage(query, filters, position, limit), Prisma.sql`page.created_at DESC`, snippet),
    kind: kinds.newest,
  });
  if (after?.kind === kinds.newest) return newest(after);
  if (!after && !filtered) {
    // The claims holding the words, counted by the GIN index alone: no claim's row is read to learn
    // that a search is too broad to rank.
    const { matches, exact } = await indexMatches(query);
    if ((matches ?? 0) > SURELY_BROAD_ESTIMATE || (exact && (matches ?? 0) > RANKED_MATCHES_CAP)) return newest(null);
    if (exact && matches === 0) return { rows: [], kind: kinds.ranked };
  }
  if (!after && filtered && (await estimatedMatches(match, filters)) > SURELY_BROAD_ESTIMATE) return newest(null);
  const rows = await fetchPage(
    rankedPage(Prisma.sql`ts_rank(c.search_vector, ${query})`, match, filters, after, limit),
    Prisma.sql`page.score DESC`,
    snippet,
  );
  // Too many matches to rank: the first page is the newest matches instead (a later page of a ranked
  // search goes on ranking the same first matches, should claims have been added meanwhile).
  if (!after && (rows[0]?.total ?? 0) > RANKED_MATCHES_CAP) return newest(null);
  return { rows, kind: kinds.ranked };
}

/**
 * How many claims hold the words of a search, from the GIN index's bitmap (claimwork_count_index_matches,
 * migration 20261206020300_count_matches): exact without phrases, an upper bound with them; the
 * planner's estimate (not exact) when it already expects more than SURELY_BROAD_ESTIMATE.
 */
async function indexMatches(query: Prisma.Sql): Promise<{ matches: number | null; exact: boolean }> {
  const [row] = await getDb().$queryRaw<{ matches: bigint | null; exact: boolean }[]>`
    SELECT matches, exact FROM claimwork_count_index_matches(${query}, ${SURELY_BROAD_ESTIMATE}::bigint)`;
  return { matches: row?.matches == null ? null : Number(row.matches), exact: row?.exact ?? false };
}

/**
 * How many claims the planner expects to match a filtered search (EXPLAIN, nothing run). Its statistics of a tsvector
 * column know the frequent words well, which are what makes a search broad; a rarer word it
 * overestimates only up to its statistics' floor, well under SURELY_BROAD_ESTIMATE.
 */
async function estimatedMatches(match: Prisma.Sql, filters: Prisma.Sql): Promise<number> {
  const [row] = await getDb().$queryRaw<{ "QUERY PLAN": [{ Plan: { "Plan Rows": number } }] }[]>`
    EXPLAIN (FORMAT JSON) SELECT 1 FROM claims c WHERE ${match} AND ${filters}`;
  return row?.["QUERY PLAN"][0]?.Plan["Plan Rows"] ?? 0;
}

/** The ids of one page of the claims newest first, (created_at, id) descending after the cursor's position. */
function newestPage(filters: Prisma.Sql, after: After, limit: number) {
  return Prisma.sql`
    SELECT c.id, c.created_at, NULL::real AS score, NULL::int AS total
      FROM claims c
     WHERE ${filters}
       ${after?.at ? Prisma.sql`AND (c.created_at, c.id) < (${after.at}::timestamptz, ${after.id}::uuid)` : Prisma.empty}
     ORDER BY c.created_at DESC, c.id DESC
     LIMIT ${limit + 1}`;
}

/**
 * The ids of one page of the claims matching a tsquery, newest first: a walk of the (created_at, id)
 * index that tests the words the index carries (search_terms, migration
 * 20261206020000_claim_search_covering) and reads no table row, so its cost is the index entries
 * passed, not one heap page each. Those words hold no positions: a search with a phrase ("covid-19",
 * "quoted words") is tested there as its words (claimwork_search_terms_query), and only the claims that
 * pass are tested again on their full vector, as is a claim too long to have the words in the index
 * (NULL). The planner folds the test of the query to a constant, so a search without phrases reads no
 * table row at all. search_terms has no GIN index on purpose: the planner must walk the btree, not
 * collect every match and sort them. As one CASE the condition gets the planner's default selectivity;
 * written as two conditions, its estimate of the walk's length made the plan costly enough for JIT
 * compilation, which took half a second.
 */
function newestMatchesPage(query: Prisma.Sql, filters: Prisma.Sql, after: After, limit: number) {
  const terms = Prisma.sql`claimwork_search_terms_query(${query})`;
  const fullVector = Prisma.sql`(SELECT m.search_vector FROM claims m WHERE m.id = c.id) @@ ${query}`;
  return Prisma.sql`
    SELECT c.id, c.created_at, NULL::real AS score, NULL::int AS total
      FROM claims c
     WHERE CASE WHEN c.search_terms IS NULL THEN ${fullVector}
                WHEN NOT coalesce(c.search_terms @@ ${terms}, true) THEN false
                WHEN ${terms} = ${query} THEN true
                ELSE ${fullVector}
           END
       AND ${filters}
       ${after?.at ? Prisma.sql`AND (c.created_at, c.id) < (${after.at}::timestamptz, ${after.id}::uuid)` : Prisma.empty}
     ORDER BY c.created_at DESC, c.id DESC
     LIMIT ${limit + 1}`;
}

/**
 * The ids of one page of a ranked search: (score, id) descending after the cursor's position, among
 * the first RANKED_MATCHES_CAP + 1 matches (all of them, unless there are too many to rank), with
 * their number.
 */
function rankedPage(score: Prisma.Sql, match: Prisma.Sql, filters: Prisma.Sql, after: After, limit: number) {
  return Prisma.sql`
    SELECT id, created_at, score, total FROM (
      SELECT id, created_at, score, count(*) OVER ()::int AS total FROM (
        SELECT c.id, c.created_at, ${score} AS score FROM claims c WHERE ${match} AND ${filters} LIMIT ${RANKED_MATCHES_CAP + 1}
      ) AS capped
    ) AS matches
    ${after?.score ? Prisma.sql`WHERE (score, id) < (${after.score}::real, ${after.id}::uuid)` : Prisma.empty}
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
           page.score::float8::text AS score, page.total,
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
  const byTime = kind === "time" || kind === "recent" || kind === "nearRecent";
  if (rows.length > limit && last) {
    nextCursor = encodeCursor(fingerprint, byTime ? { kind, at: last.createdAt, id: last.id } : { kind, score: last.score ?? "0", id: last.id });
  }
  return {
    items: items.map((row) => toItem(row, kind !== "time")),
    nextCursor,
    ...(kind === "recent" || kind === "nearRecent" ? { newestFirst: true as const } : {}),
  };
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
