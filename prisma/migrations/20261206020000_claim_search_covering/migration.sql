-- Claim search at a million claims, part two (ADR 0017). A broad search shows its matches newest
-- first by walking the (created_at, id) index and testing each claim's words; with the words only in
-- the table, the walk fetched one heap page per claim it passed (a search matching 0.3% of the claims
-- read about 8,000 pages for one page of 25). The index now carries each claim's words, without
-- positions or weights (strip: matching needs neither), and the claim's language, so the walk reads
-- the index alone (an index-only scan). The words live in their own column because an index can
-- carry columns, not expressions; a trigger beside the search trigger keeps it. A stripped vector
-- stays far under a btree entry's limit for the longest claim the app accepts (500-character
-- statement, 200-character claimant, 20 tags of 40: about 1,700 bytes); should one ever exceed
-- 2,000 bytes it is left NULL and the search tests that claim's full vector instead.
ALTER TABLE "claims" ADD COLUMN "search_terms" tsvector;

-- What the index's words can test of a search: a stripped vector matches no phrase ('a' <-> 'b' is
-- false without positions), so phrases become "both words" (a superset: the walk tests each claim it
-- keeps on its full vector). Under a negation that would narrow the search instead ("-"a b"" would drop
-- claims holding a and b apart), so such a search gets NULL: nothing to test in the index, every claim
-- is tested on its full vector. Operators in tsquery text stand between spaces, which no lexeme holds.
CREATE FUNCTION "claimwork_search_terms_query"("query" tsquery) RETURNS tsquery
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT CASE
           WHEN "query"::text !~ ' <(-|[0-9]+)> ' THEN "query"
           WHEN "query"::text ~ '!' THEN NULL
           ELSE regexp_replace("query"::text, ' <(-|[0-9]+)> ', ' & ', 'g')::tsquery
         END;
$$;

-- Kept after the claims_search_vector trigger, which fills search_vector (triggers of one event fire
-- in the order of their names), on the same columns.
CREATE FUNCTION "claimwork_claim_search_terms"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  terms tsvector := strip(NEW."search_vector");
BEGIN
  NEW."search_terms" := CASE WHEN pg_column_size(terms) <= 2000 THEN terms END;
  RETURN NEW;
END;
$$;

CREATE TRIGGER "claims_search_vector_stripped" BEFORE INSERT OR UPDATE OF "statement", "claimant", "tags", "language" ON "claims"
  FOR EACH ROW EXECUTE FUNCTION "claimwork_claim_search_terms"();

-- The backfill changes no word of any claim: the vocabulary's trigger would only read them all again.
ALTER TABLE "claims" DISABLE TRIGGER "claims_collect_words_on_update";
UPDATE "claims" SET "search_terms" = CASE WHEN pg_column_size(strip("search_vector")) <= 2000 THEN strip("search_vector") END;
ALTER TABLE "claims" ENABLE TRIGGER "claims_collect_words_on_update";

-- Same name, same keys: listing newest first is unchanged; the included columns serve the walk.
DROP INDEX "claims_created_at_id_idx";
CREATE INDEX "claims_created_at_id_idx" ON "claims" ("created_at" DESC, "id" DESC) INCLUDE ("language", "search_terms");
