-- Typo correction in one call (lib/search/text-query.ts correctQuery, ADR 0017): the words of a query
-- found in no claim, each replaced by its likeliest spelling neighbour in the vocabulary
-- (claimwork_spelling_neighbours, the likelier slip first) or, only for a word with none, by the most
-- similar vocabulary word by trigrams. As one SQL statement the planner ran the trigram search for
-- every unknown word before discarding those a neighbour had corrected (a third of a second for a
-- long word at a million claims); here the second step sees only the words still uncorrected.
-- The trigram index prunes its candidates by pg_trgm.similarity_threshold: it is set to the least
-- similarity accepted for the duration of the call (the SET clause restores it afterwards), so the
-- index hands over only words that can qualify instead of every word sharing 30% of the trigrams.
CREATE FUNCTION "claimwork_correct_words"("tokens" TEXT[], "max_edited_length" INTEGER, "min_similarity" REAL)
  RETURNS TABLE ("token" TEXT, "word" TEXT)
  LANGUAGE plpgsql STABLE SET "pg_trgm.similarity_threshold" = 0.3 AS $$
#variable_conflict use_column
DECLARE
  unknown TEXT[];
  corrected TEXT[];
  replacements TEXT[];
BEGIN
  PERFORM set_config('pg_trgm.similarity_threshold', "min_similarity"::text, true);
  SELECT array_agg(t.token) INTO unknown
    FROM unnest("tokens") AS t(token)
   WHERE NOT EXISTS (SELECT 1 FROM "claimwork_search"."words" known WHERE known."word" = t.token);
  IF unknown IS NULL THEN
    RETURN;
  END IF;
  SELECT array_agg(n.token), array_agg(n.word) INTO corrected, replacements FROM (
    SELECT DISTINCT ON (u.token) u.token, w."word"
      FROM unnest(unknown) AS u(token)
      JOIN "claimwork_search"."words" w
        ON w."word" = ANY (ARRAY(SELECT e."word" FROM "claimwork_spelling_neighbours"(u.token) AS e))
     WHERE char_length(u.token) <= "max_edited_length"
     ORDER BY u.token, (SELECT min(e."rank") FROM "claimwork_spelling_neighbours"(u.token) AS e WHERE e."word" = w."word"),
              similarity(w."word", u.token) DESC, w."word"
  ) AS n;
  RETURN QUERY SELECT c.token, c.word FROM unnest(corrected, replacements) AS c(token, word) WHERE c.token IS NOT NULL;
  RETURN QUERY
    SELECT u.token, best."word"
      FROM unnest(unknown) AS u(token)
      CROSS JOIN LATERAL (
        SELECT w."word" FROM "claimwork_search"."words" w
         WHERE w."word" % u.token AND similarity(w."word", u.token) >= "min_similarity"
         ORDER BY similarity(w."word", u.token) DESC, w."word"
         LIMIT 1
      ) AS best
     WHERE u.token <> ALL (coalesce(corrected, ARRAY[]::TEXT[]));
END;
$$;
