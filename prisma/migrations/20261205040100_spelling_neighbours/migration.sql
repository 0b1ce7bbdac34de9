-- Every word one typing slip away from a token (Damerau-Levenshtein distance 1), with the slip's
-- rank: 0 two neighbouring letters swapped ("thrid" -> "third"), 1 a letter missing or one too many,
-- 2 a wrong letter. Letters a-z only: the vocabulary also holds every word accent-folded. Typo
-- correction (lib/search/text-query.ts) looks these up in claimwork_search.words by primary key,
-- because trigram similarity misses a swap in a short word ("thrid" and "third" share 2 trigrams of 10).
CREATE FUNCTION "claimwork_spelling_neighbours"("token" TEXT) RETURNS TABLE ("word" TEXT, "rank" INTEGER)
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  WITH letters AS (SELECT chr(c) AS letter FROM generate_series(97, 122) AS c),
       at AS (SELECT i FROM generate_series(0, char_length("token")) AS i)
  SELECT left("token", i - 1) || substr("token", i + 1, 1) || substr("token", i, 1) || substr("token", i + 2), 0
    FROM at WHERE i BETWEEN 1 AND char_length("token") - 1
  UNION ALL
  SELECT left("token", i - 1) || substr("token", i + 1), 1
    FROM at WHERE i >= 1
  UNION ALL
  SELECT left("token", i) || letter || substr("token", i + 1), 1
    FROM at, letters
  UNION ALL
  SELECT left("token", i - 1) || letter || substr("token", i + 1), 2
    FROM at, letters WHERE i >= 1 AND letter <> substr("token", i, 1);
$$;
