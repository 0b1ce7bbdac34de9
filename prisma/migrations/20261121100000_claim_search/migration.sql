-- Claim search (lib/search): a weighted tsvector per claim kept by a trigger, a vocabulary of claim words
-- for typo correction, trigram indexes for near matches, and the btree indexes behind the filters and
-- the keyset pagination.

CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- The text search configuration of a claim's own language: stemming where PostgreSQL has it.
CREATE FUNCTION "claimwork_search_config"("language" TEXT) RETURNS regconfig
  LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE "language"
           WHEN 'en' THEN 'english'::regconfig
           WHEN 'fr' THEN 'french'::regconfig
           ELSE 'simple'::regconfig
         END;
$$;

-- Accent folding without the unaccent extension (the embedded PostgreSQL loads only pg_trgm):
-- "États-Unis" -> "Etats-Unis", "Nicolás" -> "Nicolas", "œuvre" -> "oeuvre".
CREATE FUNCTION "claimwork_fold_accents"("input" TEXT) RETURNS TEXT
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT replace(replace(replace(replace(replace(
           translate("input",
             'àáâãäåāăąÀÁÂÃÄÅĀĂĄçćĉċčÇĆĈĊČďđĎĐèéêëēĕėęěÈÉÊËĒĔĖĘĚĝğġģĜĞĠĢĥĤìíîïĩīĭįıÌÍÎÏĨĪĬĮİĵĴķĶĺļľŀłĹĻĽĿŁñńņňÑŃŅŇòóôõöøōŏőÒÓÔÕÖØŌŎŐŕŗřŔŖŘśŝşšŚŜŞŠţťŢŤùúûüũūŭůűųÙÚÛÜŨŪŬŮŰŲŵŴýÿŷÝŸŶźżžŹŻŽ’‘',
             'aaaaaaaaaAAAAAAAAAcccccCCCCCddDDeeeeeeeeeEEEEEEEEEggggGGGGhHiiiiiiiiiIIIIIIIIIjJkKlllllLLLLLnnnnNNNNoooooooooOOOOOOOOOrrrRRRssssSSSSttTTuuuuuuuuuuUUUUUUUUUUwWyyyYYYzzzZZZ'''''),
           'œ', 'oe'), 'Œ', 'OE'), 'æ', 'ae'), 'Æ', 'AE'), 'ß', 'ss');
$$;

-- Statement (A, in the claim's language), claimant (B, simple) and tags (C, simple). Words with accents
-- are also indexed folded (only the lexemes folding adds), so "etats-unis" finds "États-Unis".
CREATE FUNCTION "claimwork_claim_search_vector"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  config regconfig := "claimwork_search_config"(NEW."language");
  statement_vector tsvector := setweight(to_tsvector(config, NEW."statement"), 'A');
  claimant_vector tsvector := setweight(to_tsvector('simple'::regconfig, NEW."claimant"), 'B');
BEGIN
  NEW."search_vector" :=
       statement_vector
    || ts_delete(setweight(to_tsvector(config, "claimwork_fold_accents"(NEW."statement")), 'A'), tsvector_to_array(statement_vector))
    || claimant_vector
    || ts_delete(setweight(to_tsvector('simple'::regconfig, "claimwork_fold_accents"(NEW."claimant")), 'B'), tsvector_to_array(claimant_vector))
    || setweight(to_tsvector('simple'::regconfig, array_to_string(NEW."tags", ' ')), 'C');
  RETURN NEW;
END;
$$;

-- A search as one tsquery: each text parsed in websearch syntax ("quoted phrase", or, -word) with the
-- english, french and simple configurations, as typed and accent-folded, the distinct parses OR'ed.
-- A claim's vector holds its statement stemmed in its own language, so whichever parse fits matches.
-- NULL when no text has a searchable word. IMMUTABLE: the planner folds it to a constant.
CREATE FUNCTION "claimwork_search_query"(VARIADIC "texts" TEXT[]) RETURNS tsquery
  LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
  result tsquery;
  seen TEXT[] := ARRAY[]::TEXT[];
  input TEXT;
  variant TEXT;
  config regconfig;
  part tsquery;
BEGIN
  FOREACH input IN ARRAY "texts" LOOP
    CONTINUE WHEN input IS NULL;
    FOREACH config IN ARRAY ARRAY['english', 'french', 'simple']::regconfig[] LOOP
      FOREACH variant IN ARRAY ARRAY[input, "claimwork_fold_accents"(input)] LOOP
        part := websearch_to_tsquery(config, variant);
        CONTINUE WHEN numnode(part) = 0 OR part::text = ANY (seen);
        seen := seen || part::text;
        result := CASE WHEN result IS NULL THEN part ELSE result || part END;
      END LOOP;
    END LOOP;
  END LOOP;
  RETURN result;
END;
$$;

ALTER TABLE "claims" ADD COLUMN "search_vector" tsvector;

CREATE TRIGGER "claims_search_vector" BEFORE INSERT OR UPDATE OF "statement", "claimant", "tags", "language" ON "claims"
  FOR EACH ROW EXECUTE FUNCTION "claimwork_claim_search_vector"();

-- Backfill: naming the column fires the trigger; nothing else about the rows changes.
UPDATE "claims" SET "statement" = "statement";

-- The vocabulary of claims (every word of statements, claimants and tags, as written and folded), for
-- typo correction: a query word found nowhere is matched by trigram similarity against these words
-- ("Madurro" -> "maduro"), which stays fast however many claims hold the word. It is derived data, kept
-- out of the domain tables in a schema of its own; words are only ever added (an unused word costs
-- nothing but a row).
CREATE SCHEMA IF NOT EXISTS "claimwork_search";
CREATE TABLE "claimwork_search"."words" (
    "word" TEXT NOT NULL,
    CONSTRAINT "words_pkey" PRIMARY KEY ("word")
);
CREATE INDEX "words_word_trgm_idx" ON "claimwork_search"."words" USING GIN ("word" gin_trgm_ops);

CREATE FUNCTION "claimwork_claim_words"("statement" TEXT, "claimant" TEXT, "tags" TEXT[]) RETURNS SETOF TEXT
  LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT DISTINCT word
    FROM unnest(tsvector_to_array(to_tsvector('simple'::regconfig,
           concat_ws(' ', "statement", "claimant", array_to_string("tags", ' '),
                     "claimwork_fold_accents"(concat_ws(' ', "statement", "claimant")))))) AS word
   WHERE char_length(word) BETWEEN 3 AND 40 AND word ~ '[[:alpha:]]';
$$;

-- Statement-level, over the transition table, so a bulk insert adds its words in one statement; sorted,
-- so two transactions adding the same new words wait for each other instead of deadlocking.
CREATE FUNCTION "claimwork_collect_claim_words"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "claimwork_search"."words" ("word")
  SELECT DISTINCT w.word
    FROM "changed_claims" c, "claimwork_claim_words"(c."statement", c."claimant", c."tags") AS w(word)
   ORDER BY w.word
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END;
$$;

INSERT INTO "claimwork_search"."words" ("word")
SELECT DISTINCT w.word FROM "claims" c, "claimwork_claim_words"(c."statement", c."claimant", c."tags") AS w(word)
ON CONFLICT DO NOTHING;

CREATE TRIGGER "claims_collect_words_on_insert" AFTER INSERT ON "claims"
  REFERENCING NEW TABLE AS "changed_claims" FOR EACH STATEMENT EXECUTE FUNCTION "claimwork_collect_claim_words"();
CREATE TRIGGER "claims_collect_words_on_update" AFTER UPDATE ON "claims"
  REFERENCING NEW TABLE AS "changed_claims" FOR EACH STATEMENT EXECUTE FUNCTION "claimwork_collect_claim_words"();

-- Full text and near matches.
CREATE INDEX "claims_search_vector_idx" ON "claims" USING GIN ("search_vector");
CREATE INDEX "claims_statement_trgm_idx" ON "claims" USING GIN ("statement" gin_trgm_ops);
CREATE INDEX "claims_claimant_trgm_idx" ON "claims" USING GIN ("claimant" gin_trgm_ops);

-- Listing newest first, by keyset (created_at, id), alone or within one claimant or one language.
CREATE INDEX "claims_created_at_id_idx" ON "claims" ("created_at" DESC, "id" DESC);
CREATE INDEX "claims_claimant_lower_created_at_idx" ON "claims" (lower("claimant"), "created_at" DESC, "id" DESC);
CREATE INDEX "claims_language_created_at_idx" ON "claims" ("language", "created_at" DESC, "id" DESC);

-- Filters by verdict status and by article.
CREATE INDEX "verdicts_status_idx" ON "verdicts" ("status");
CREATE INDEX "passages_article_id_claim_id_idx" ON "passages" ("article_id", "claim_id");

-- Readers' list of published fact-checks, newest first.
CREATE INDEX "publications_updated_at_id_idx" ON "publications" ("updated_at" DESC, "id" DESC);
