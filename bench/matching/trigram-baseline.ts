// The related-claim suggestions this matcher replaced (lib/relations/suggest-related-claims.ts before
// issue 14), kept here as the benchmark's baseline: stemmed-word and trigram overlap of the statements
// in SQL, plus the same claimant and overlapping passages (the benchmark's claims have none);
// "likely the same claim" at 0.6 statement likeness. Same query, same thresholds, same pool sizes.
import { getDb } from "@/lib/db";

const SIMILAR_STATEMENT = 0.45;
const DUPLICATE_STATEMENT = 0.6;
const POOL_SIZE = 200;

const ACCENTED = "[àáâãäåāăąçćĉċčďđèéêëēĕėęěĝğġģĥìíîïĩīĭįıĵķĺļľŀłñńņňòóôõöøōŏőŕŗřśŝşšţťùúûüũūŭůűųŵýÿŷźżžœæß]";

type Row = { id: string; similarity: number; sameClaimant: boolean };

/** The baseline's suggestions for one claim, best first: ids and whether each was flagged likely the same. */
export async function trigramSuggestions(claimId: string, limit: number): Promise<{ id: string; likelySame: boolean }[]> {
  const rows = await getDb().$queryRaw<Row[]>`
    WITH target AS (
      SELECT t.id, t.statement, t.claimant,
             ARRAY(SELECT DISTINCT w FROM unnest(tsvector_to_array(ts_filter(t.search_vector, '{a}'))) AS w
                    WHERE char_length(w) >= 3 AND w ~ '^[[:alnum:]]+$' AND w !~ ${ACCENTED}) AS words
        FROM claims t
       WHERE t.id = ${claimId}::uuid
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
       WHERE mine.claim_id = ${claimId}::uuid
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
                WHERE (r.from_claim_id = ${claimId}::uuid AND r.to_claim_id = c.id)
                   OR (r.to_claim_id = ${claimId}::uuid AND r.from_claim_id = c.id))
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
     LIMIT ${limit}`;

  return rows.map((row) => ({ id: row.id, likelySame: row.similarity >= DUPLICATE_STATEMENT }));
}
