-- How many claims hold the words of a search, read from the full-text GIN index alone (ADR 0017).
-- lib/search/search-claims.ts ranks a search with at most 2,000 matches and shows a broader one newest
-- first. The planner's estimate cannot tell them apart where it matters: it multiplies the
-- frequencies of words as if they were independent, and a speaker's first and last names always come
-- together ("Diosdado Cabello": estimated 700, 63,000 in fact). Counting by reading the matches costs
-- one heap page each, while the bitmap that the GIN index builds already holds them all, counted.
-- So this runs the search's index scan with EXPLAIN ANALYZE, which fetches one row (LIMIT 1) after the
-- index has built its whole bitmap (VOLATILE: PostgreSQL allows EXPLAIN in no other function), and
-- returns the bitmap's number of entries: the number of claims holding the words, exact for a query
-- without phrases, an upper bound for one with phrases (the index knows no positions). A search the
-- planner already expects to match more than "broad" claims (its statistics know frequent words well)
-- returns that estimate, not exact, without running. The SET clauses keep the planner on the bitmap
-- scan, only for this call. matches is NULL when the plan has no such scan. (PostgreSQL 18, the
-- embedded database, writes row counts with decimals: they are read as numeric.)
CREATE FUNCTION "claimwork_count_index_matches"("query" tsquery, "broad" BIGINT) RETURNS TABLE ("matches" BIGINT, "exact" BOOLEAN)
  LANGUAGE plpgsql VOLATILE
  SET "enable_seqscan" = off SET "enable_indexscan" = off SET "enable_indexonlyscan" = off AS $$
DECLARE
  statement TEXT := 'SELECT 1 FROM claims WHERE search_vector @@ $1 LIMIT 1';
  plan jsonb;
  estimate BIGINT;
BEGIN
  EXECUTE 'EXPLAIN (FORMAT JSON) ' || statement INTO plan USING "query";
  estimate := (jsonb_path_query_first(plan, '$.** ? (@."Node Type" == "Bitmap Index Scan")."Plan Rows"'))::text::numeric::bigint;
  IF estimate > "broad" THEN
    RETURN QUERY SELECT estimate, false;
    RETURN;
  END IF;
  EXECUTE 'EXPLAIN (ANALYZE, TIMING OFF, SUMMARY OFF, FORMAT JSON) ' || statement INTO plan USING "query";
  RETURN QUERY SELECT (jsonb_path_query_first(plan, '$.** ? (@."Node Type" == "Bitmap Index Scan")."Actual Rows"'))::text::numeric::bigint,
                      "query"::text !~ ' <(-|[0-9]+)> ';
END;
$$;
