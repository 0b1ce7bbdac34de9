-- Readers' search (issue 11, item 10): what readers search is stored and indexed with the published
-- data, instead of being built for every published fact-check at each query.
--
-- published_search holds one row per publication: the fields a search result shows, taken from the
-- published revision and the snapshot approved with it (never from the live claim editors keep
-- working on), and their weighted text vector. A trigger on publications keeps it in step: a first
-- publication inserts the row, a correction or an update (published_revision_id moves) rewrites it,
-- in the same transaction. Revisions and snapshots are immutable, so nothing else can change a row.

-- The vector readers search: headline and claim (A) and summary (C) stemmed in the claim's language,
-- claimant (B) as written; each text also accent-folded ("etats-unis" finds "États-Unis"). The same
-- vector lib/search built at query time before this migration.
CREATE FUNCTION "claimwork_published_search_document"("language" TEXT, "headline" TEXT, "statement" TEXT, "claimant" TEXT, "summary" TEXT)
  RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT setweight(to_tsvector("claimwork_search_config"("language"), "headline" || ' ' || "claimwork_fold_accents"("headline")), 'A')
      || setweight(to_tsvector("claimwork_search_config"("language"), "statement" || ' ' || "claimwork_fold_accents"("statement")), 'A')
      || setweight(to_tsvector('simple'::regconfig, "claimant" || ' ' || "claimwork_fold_accents"("claimant")), 'B')
      || setweight(to_tsvector("claimwork_search_config"("language"), "summary" || ' ' || "claimwork_fold_accents"("summary")), 'C');
$$;

CREATE TABLE "published_search" (
  "publication_id" UUID PRIMARY KEY REFERENCES "publications"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  "revision_id" UUID NOT NULL REFERENCES "verdict_revisions"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
  "slug" TEXT NOT NULL,
  "headline" TEXT NOT NULL,
  "summary" TEXT NOT NULL,
  "rating" "Rating" NOT NULL,
  "statement" TEXT NOT NULL,
  "claimant" TEXT NOT NULL,
  "language" TEXT NOT NULL,
  "first_published_at" TIMESTAMPTZ(3) NOT NULL,
  "updated_at" TIMESTAMPTZ(3) NOT NULL,
  "document" tsvector NOT NULL
);

-- The row of one publication, as its published revision and that revision's snapshot say.
CREATE FUNCTION "claimwork_store_published_search"("pub" "publications") RETURNS void LANGUAGE sql AS $$
  INSERT INTO "published_search" ("publication_id", "revision_id", "slug", "headline", "summary", "rating",
                                  "statement", "claimant", "language", "first_published_at", "updated_at", "document")
  SELECT "pub"."id", r."id", "pub"."slug", r."headline", r."summary", r."rating", c."statement", c."claimant", c."language",
         "pub"."first_published_at", "pub"."updated_at",
         "claimwork_published_search_document"(c."language", r."headline", c."statement", c."claimant", r."summary")
    FROM "verdict_revisions" r
    JOIN "fact_check_snapshots" s ON s."verdict_revision_id" = r."id"
    CROSS JOIN LATERAL (SELECT coalesce(s."content"->'claim'->>'statement', '') AS "statement",
                               coalesce(s."content"->'claim'->>'claimant', '') AS "claimant",
                               coalesce(s."content"->'claim'->>'language', 'und') AS "language") c
   WHERE r."id" = "pub"."published_revision_id"
  ON CONFLICT ("publication_id") DO UPDATE SET
    "revision_id" = EXCLUDED."revision_id", "slug" = EXCLUDED."slug", "headline" = EXCLUDED."headline",
    "summary" = EXCLUDED."summary", "rating" = EXCLUDED."rating", "statement" = EXCLUDED."statement",
    "claimant" = EXCLUDED."claimant", "language" = EXCLUDED."language",
    "first_published_at" = EXCLUDED."first_published_at", "updated_at" = EXCLUDED."updated_at",
    "document" = EXCLUDED."document";
$$;

CREATE FUNCTION "claimwork_publication_search_row"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "claimwork_store_published_search"(NEW);
  RETURN NULL;
END;
$$;

-- After the publication checks (publications_approved_revision, BEFORE), so only a valid
-- publication is ever searchable.
CREATE TRIGGER "publications_search_row" AFTER INSERT OR UPDATE ON "publications"
  FOR EACH ROW EXECUTE FUNCTION "claimwork_publication_search_row"();

-- Backfill: every publication as it stands.
SELECT "claimwork_store_published_search"(p) FROM "publications" p;

-- Full-text matches, ranked by ts_rank over the GIN index's matches.
CREATE INDEX "published_search_document_idx" ON "published_search" USING GIN ("document");
-- Near matches when no word matched (pg_trgm's <% word similarity).
CREATE INDEX "published_search_statement_trgm_idx" ON "published_search" USING GIN ("statement" gin_trgm_ops);
CREATE INDEX "published_search_headline_trgm_idx" ON "published_search" USING GIN ("headline" gin_trgm_ops);
CREATE INDEX "published_search_claimant_trgm_idx" ON "published_search" USING GIN ("claimant" gin_trgm_ops);
-- The list without a query, newest first by keyset, alone or within one claimant.
CREATE INDEX "published_search_updated_at_id_idx" ON "published_search" ("updated_at" DESC, "publication_id" DESC);
CREATE INDEX "published_search_claimant_updated_at_idx" ON "published_search" (lower("claimant"), "updated_at" DESC, "publication_id" DESC);

-- The app role reads it and, through the trigger, writes it (default privileges already cover a new
-- table of the owner; this keeps databases whose role was created later in step too).
SELECT "claimwork_grant_app_privileges"() WHERE EXISTS (SELECT 1 FROM pg_roles WHERE "rolname" = 'claimwork_app');
