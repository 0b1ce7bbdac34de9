import { z } from "zod";
import { getDb } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { requirePermission, type Actor } from "@/lib/auth/actor";
import { parseInput, reason } from "@/lib/validation";
import { MAX_QUERY_LENGTH, cleanQuery, fullTextQuery, headline, snippetParts, type SnippetPart } from "@/lib/search/text-query";
import { EXTERNAL_ITEM_COLUMNS, EXTERNAL_ITEM_FROM, type ExternalFactCheckItem } from "./external-fact-check-item";

export const EXTERNAL_SEARCH_PAGE_SIZE = 50;

export const searchExternalFactChecksSchema = z.object({
  q: z.string().max(MAX_QUERY_LENGTH, reason("searchTooLong", { maximum: MAX_QUERY_LENGTH })).transform(cleanQuery).optional(),
});

export type ExternalSearchResult = {
  items: (ExternalFactCheckItem & { snippet?: SnippetPart[] })[];
  /** Every external fact-check that matches (or all of them, without a search). */
  total: number;
};

/**
 * Other fact-checkers' reviews for the workbench: the best EXTERNAL_SEARCH_PAGE_SIZE full-text
 * matches of the words (the claim search's tsquery: English, French and simple parses, accents
 * folded), or the newest imported first.
 */
export async function searchExternalFactChecks(actor: Actor, rawInput: z.input<typeof searchExternalFactChecksSchema>): Promise<ExternalSearchResult> {
  requirePermission(actor, "claims.read");
  const { q } = parseInput(searchExternalFactChecksSchema, rawInput);
  const db = getDb();
  if (!q) {
    const [items, [count]] = await Promise.all([
      db.$queryRaw<ExternalFactCheckItem[]>`
        SELECT ${EXTERNAL_ITEM_COLUMNS} FROM ${EXTERNAL_ITEM_FROM}
         ORDER BY e.created_at DESC, e.id DESC LIMIT ${EXTERNAL_SEARCH_PAGE_SIZE}`,
      db.$queryRaw<{ total: number }[]>`SELECT count(*)::int AS total FROM external_fact_checks`,
    ]);
    return { items, total: count?.total ?? 0 };
  }
  const query = fullTextQuery(q, null);
  const [rows, [count]] = await Promise.all([
    db.$queryRaw<(ExternalFactCheckItem & { marked: string })[]>`
      SELECT ${EXTERNAL_ITEM_COLUMNS},
             ${headline(Prisma.sql`claimwork_search_config(e.language)`, Prisma.sql`e.claim_text`, query)} AS marked
        FROM ${EXTERNAL_ITEM_FROM}
       WHERE e.search_vector @@ ${query}
       ORDER BY ts_rank(e.search_vector, ${query}) DESC, e.id DESC
       LIMIT ${EXTERNAL_SEARCH_PAGE_SIZE}`,
    db.$queryRaw<{ total: number }[]>`SELECT count(*)::int AS total FROM external_fact_checks e WHERE e.search_vector @@ ${query}`,
  ]);
  return { items: rows.map(({ marked, ...item }) => ({ ...item, snippet: snippetParts(marked) })), total: count?.total ?? 0 };
}
