// The one place that decides which external fact-checks check the same claim as ours. For now:
// trigram similarity of their claim text to our statement (pg_trgm, GIN index), which finds the
// same claim worded closely in the same language. The EN/FR matcher being built in lib/matching
// replaces the body of this function; its callers keep their shape.
import { getDb } from "@/lib/db";
import { EXTERNAL_ITEM_COLUMNS, EXTERNAL_ITEM_FROM, type ExternalFactCheckItem } from "./external-fact-check-item";

/** Least similarity to show a review as "already checked" (a close rewording scores about 0.5 to 0.8). */
export const MIN_STATEMENT_SIMILARITY = 0.45;
const MAX_MATCHES = 5;

export type ExternalMatch = ExternalFactCheckItem & { similarity: number };

export async function matchExternalFactChecks(claim: { statement: string; language: string }): Promise<ExternalMatch[]> {
  return getDb().$queryRaw<ExternalMatch[]>`
    SELECT ${EXTERNAL_ITEM_COLUMNS}, similarity(e.claim_text, ${claim.statement}) AS similarity
      FROM ${EXTERNAL_ITEM_FROM}
     WHERE e.claim_text % ${claim.statement}
       AND similarity(e.claim_text, ${claim.statement}) >= ${MIN_STATEMENT_SIMILARITY}::real
     ORDER BY similarity DESC, e.reviewed_at DESC NULLS LAST, e.id
     LIMIT ${MAX_MATCHES}`;
}
