import { z } from "zod";
import { getDb } from "@/lib/db";
import type { Rating, VerdictStatus } from "@/lib/generated/prisma/enums";
import { requirePermission, type Actor } from "@/lib/auth/actor";
import { notFound } from "@/lib/errors";
import { parseInput } from "@/lib/validation";

export const suggestRelatedClaimsSchema = z.object({
  claimId: z.uuid(),
  limit: z.number().int().min(1).max(30).default(8),
});

/** Statements at least this alike are "similar". */
export const SIMILAR_STATEMENT = 0.45;
/** Statements at least this alike are likely the same claim. */
export const DUPLICATE_STATEMENT = 0.6;

export type SuggestionReason =
  | { kind: "similar_statement"; similarity: number }
  | { kind: "same_claimant"; claimant: string }
  | { kind: "passage_overlap"; articleTitles: string[] };

export type ClaimSuggestion = {
  claim: {
    id: string;
    statement: string;
    claimant: string;
    language: string;
    verdictStatus: VerdictStatus | null;
    rating: Rating | null;
  };
  /** Likely the same claim (in another wording or language): offered as "same claim" first. */
  likelyDuplicate: boolean;
  reasons: SuggestionReason[];
  /** Statement likeness, 0 to 1. */
  similarity: number;
  score: number;
  /** A rationale the editor can keep or edit before linking (relateClaims requires one). */
  rationale: string;
};

/** Candidates each signal contributes at most, before scoring. */
const POOL_SIZE = 200;

/**
 * Accented lexemes are left out: the search vector also holds each one accent-folded
 * ("américain" and "americain"), so the folded one stands for both.
 */
const ACCENTED = "[àáâãäåāăąçćĉċčďđèéêëēĕėęěĝğġģĥìíîïĩīĭįıĵķĺļľŀłñńņňòóôõöøōŏőŕŗřśŝşšţťùúûüũūŭůűųŵýÿŷźżžœæß]";

type Row = {
  id: string;
  statement: string;
  claimant: string;
  language: string;
  verdictStatus: VerdictStatus | null;
  rating: Rating | null;
  similarity: number;
  sameClaimant: boolean;
  overlapTitles: string[] | null;
};

/**
 * Claims that may be linked to this one, best first, never the claim itself nor a claim already
 * linked to it (in any type or direction). Three signals:
 * - a similar statement, across languages: each statement's stemmed words in its own language
 *   (the weight-A lexemes of its search vector: "authorisation" -> "authoris", "autorisation" ->
 *   "autoris"; accented ones by their folded twin; compounds such as "etats-un" by their parts) are
 *   matched word by word (equal, one a prefix of the other, or trigram-similar) and scored as the
 *   share of matched words on both sides (Dice); the trigram similarity of the whole statements
 *   counts when it is higher;
 * - the same claimant (accent- and case-insensitive, or trigram-similar names);
 * - overlapping passages: passages of both claims in the same article revision whose ranges overlap.
 * Only a pool of candidates is scored, each signal bringing at most POOL_SIZE through an index:
 * claims sharing a word's first four letters (GIN on the search vector, best ts_rank first), the
 * same or a trigram-similar claimant, overlapping passages.
 * Likely duplicates: statements at least DUPLICATE_STATEMENT alike, or similar and anchored on
 * overlapping passages.
 */
export async function suggestRelatedClaims(actor: Actor, rawInput: z.input<typeof suggestRelatedClaimsSchema>): Promise<ClaimSuggestion[]> {
  requirePermission(actor, "claims.read");
  const input = parseInput(suggestRelatedClaimsSchema, rawInput);
  const db = getDb();
  const exists = await db.claim.findUnique({ where: { id: input.claimId }, select: { id: true } });
  if (!exists) throw notFound("The claim");

  const rows = await db.$queryRaw<Row[]>`
    WITH target AS (
      SELECT t.id, t.statement, t.claimant,
             ARRAY(SELECT DISTINCT w FROM unnest(tsvector_to_array(ts_filter(t.search_vector, '{a}'))) AS w
                    WHERE char_length(w) >= 3 AND w ~ '^[[:alnum:]]+$' AND w !~ ${ACCENTED}) AS words
        FROM claims t
       WHERE t.id = ${input.claimId}::uuid
    ),
    probe AS (
      SELECT target.*,
             CASE WHEN cardinality(words) > 0
                  THEN array_to_string(ARRAY(SELECT left(w, 4) || ':*' FROM unnest(words) AS w), ' | ')::tsquery
             END AS query
        FROM target
    ),
    by_words AS (
      SELECT c.id FROM claims c, probe
       WHERE probe.query IS NOT NULL AND c.search_vector @@ probe.query AND c.id <> probe.id
       ORDER BY ts_rank(c.search_vector, probe.query) DESC, c.id
       LIMIT ${POOL_SIZE}
    ),
    by_claimant AS (
      SELECT c.id FROM claims c, probe
       WHERE (lower(c.claimant) = lower(probe.claimant) OR c.claimant % probe.claimant) AND c.id <> probe.id
       ORDER BY c.created_at DESC, c.id
       LIMIT ${POOL_SIZE}
    ),
    overlapping AS (
      SELECT other.claim_id AS id, array_agg(DISTINCT a.title ORDER BY a.title) AS titles
        FROM passages mine
        JOIN passages other
          ON other.article_revision_id = mine.article_revision_id
         AND other.claim_id <> mine.claim_id
         AND other.start < mine."end" AND mine.start < other."end"
        JOIN articles a ON a.id = other.article_id AND a.deleted_at IS NULL
       WHERE mine.claim_id = ${input.claimId}::uuid
       GROUP BY other.claim_id
    ),
    pool AS (
      SELECT id FROM by_words UNION SELECT id FROM by_claimant UNION SELECT id FROM overlapping
    ),
    candidates AS (
      SELECT c.id, c.statement, c.claimant, c.language, o.titles,
             ARRAY(SELECT DISTINCT w FROM unnest(tsvector_to_array(ts_filter(c.search_vector, '{a}'))) AS w
                    WHERE char_length(w) >= 3 AND w ~ '^[[:alnum:]]+$' AND w !~ ${ACCENTED}) AS words
        FROM pool
        JOIN claims c ON c.id = pool.id
        LEFT JOIN overlapping o ON o.id = c.id
       WHERE NOT EXISTS (
               SELECT 1 FROM claim_relations r
                WHERE (r.from_claim_id = ${input.claimId}::uuid AND r.to_claim_id = c.id)
                   OR (r.to_claim_id = ${input.claimId}::uuid AND r.from_claim_id = c.id))
    ),
    scored AS (
      SELECT c.*,
             greatest(
               similarity(c.statement, t.statement),
               CASE WHEN cardinality(c.words) + cardinality(t.words) = 0 THEN 0 ELSE
                 ((SELECT count(*) FROM unnest(t.words) AS a
                    WHERE EXISTS (SELECT 1 FROM unnest(c.words) AS b
                                   WHERE a = b
                                      OR (least(char_length(a), char_length(b)) >= 4 AND (starts_with(a, b) OR starts_with(b, a)))
                                      OR similarity(a, b) >= 0.5))
                + (SELECT count(*) FROM unnest(c.words) AS b
                    WHERE EXISTS (SELECT 1 FROM unnest(t.words) AS a
                                   WHERE a = b
                                      OR (least(char_length(a), char_length(b)) >= 4 AND (starts_with(a, b) OR starts_with(b, a)))
                                      OR similarity(a, b) >= 0.5)))::real
                 / (cardinality(c.words) + cardinality(t.words))
               END
             )::float8 AS similarity,
             (lower(claimwork_fold_accents(btrim(c.claimant))) = lower(claimwork_fold_accents(btrim(t.claimant)))
               OR similarity(c.claimant, t.claimant) >= 0.75) AS same_claimant
        FROM candidates c CROSS JOIN target t
    )
    SELECT s.id::text AS id, s.statement, s.claimant, s.language,
           v.status::text AS "verdictStatus", r.rating::text AS rating,
           s.similarity, s.same_claimant AS "sameClaimant", s.titles AS "overlapTitles"
      FROM scored s
      LEFT JOIN verdicts v ON v.claim_id = s.id
      LEFT JOIN verdict_revisions r ON r.id = v.current_revision_id
     WHERE s.similarity >= ${SIMILAR_STATEMENT} OR s.same_claimant OR s.titles IS NOT NULL
     ORDER BY (s.similarity
               + CASE WHEN s.same_claimant THEN 0.25 ELSE 0 END
               + CASE WHEN s.titles IS NOT NULL THEN 0.5 ELSE 0 END) DESC,
              s.similarity DESC, s.id
     LIMIT ${input.limit}`;

  return rows.map(toSuggestion);
}

function toSuggestion(row: Row): ClaimSuggestion {
  const similarity = Math.round(row.similarity * 100) / 100;
  const reasons: SuggestionReason[] = [];
  if (similarity >= SIMILAR_STATEMENT) reasons.push({ kind: "similar_statement", similarity });
  if (row.sameClaimant) reasons.push({ kind: "same_claimant", claimant: row.claimant });
  if (row.overlapTitles) reasons.push({ kind: "passage_overlap", articleTitles: row.overlapTitles });
  const likelyDuplicate = similarity >= DUPLICATE_STATEMENT || (similarity >= SIMILAR_STATEMENT && row.overlapTitles !== null);
  const score = similarity + (row.sameClaimant ? 0.25 : 0) + (row.overlapTitles ? 0.5 : 0);
  return {
    claim: {
      id: row.id,
      statement: row.statement,
      claimant: row.claimant,
      language: row.language,
      verdictStatus: row.verdictStatus,
      rating: row.rating,
    },
    likelyDuplicate,
    reasons,
    similarity,
    score: Math.round(score * 100) / 100,
    rationale: suggestedRationale(reasons),
  };
}

/** "Suggested: similar statement (72% alike); same claimant; passages overlap in “Title”." */
export function suggestedRationale(reasons: SuggestionReason[]): string {
  const parts = reasons.map((reason) => {
    switch (reason.kind) {
      case "similar_statement":
        return `similar statement (${Math.round(reason.similarity * 100)}% alike)`;
      case "same_claimant":
        return `same claimant (${reason.claimant})`;
      case "passage_overlap":
        return `passages overlap in ${reason.articleTitles.map((title) => `“${title}”`).join(", ")}`;
    }
  });
  return `Suggested: ${parts.join("; ")}.`.slice(0, 2000);
}
