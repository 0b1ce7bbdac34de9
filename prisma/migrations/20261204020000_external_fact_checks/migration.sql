-- Other fact-checkers' work (lib/exchange): ClaimReviews imported from their pages, DataFeeds,
-- Google Fact Check Tools answers or spreadsheets. They are never our publications: no reader page
-- reads these tables. Their rating text is mapped onto our scale through rating_mappings, read at
-- display time, so that changing a mapping applies to every imported row at once.

CREATE TYPE "ExchangeFormat" AS ENUM ('html', 'data_feed', 'claims_search', 'csv');

-- One row per confirmed import: what came in and who brought it (the audit row names it).
CREATE TABLE "exchange_imports" (
  "id"             UUID PRIMARY KEY,
  "format"         "ExchangeFormat" NOT NULL,
  "file_name"      TEXT NOT NULL,
  "item_count"     INTEGER NOT NULL CHECK ("item_count" >= 0),
  "imported_count" INTEGER NOT NULL CHECK ("imported_count" >= 0),
  "skipped_count"  INTEGER NOT NULL CHECK ("skipped_count" >= 0),
  "refused_count"  INTEGER NOT NULL CHECK ("refused_count" >= 0),
  "imported_by_id" UUID NOT NULL REFERENCES "users" ("id"),
  "created_at"     TIMESTAMPTZ(3) NOT NULL DEFAULT now()
);

CREATE TABLE "external_fact_checks" (
  "id"             UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  -- sha256 of (publisher name, review address, claim text), each normalised (lib/exchange/external-review.ts):
  -- the same review imported again, from any format, is recognised and not stored twice.
  "dedupe_key"     TEXT NOT NULL UNIQUE,
  "publisher_name" TEXT NOT NULL CHECK (length("publisher_name") BETWEEN 1 AND 300),
  "publisher_site" TEXT,
  "review_url"     TEXT NOT NULL CHECK ("review_url" ~* '^https?://'),
  "headline"       TEXT,
  "reviewed_at"    DATE,
  "claim_text"     TEXT NOT NULL CHECK (length("claim_text") BETWEEN 1 AND 5000),
  "claimant"       TEXT,
  "claimed_at"     DATE,
  -- Their rating as they wrote it, and its normalised form, the key into rating_mappings.
  "rating_text"    TEXT NOT NULL CHECK (length("rating_text") BETWEEN 1 AND 200),
  "rating_key"     TEXT NOT NULL,
  "rating_value"   DOUBLE PRECISION,
  "best_rating"    DOUBLE PRECISION,
  "worst_rating"   DOUBLE PRECISION,
  "language"       TEXT NOT NULL DEFAULT 'und' CHECK ("language" ~ '^([a-z]{2}|und)$'),
  "import_id"      UUID NOT NULL REFERENCES "exchange_imports" ("id") DEFERRABLE INITIALLY DEFERRED,
  "created_at"     TIMESTAMPTZ(3) NOT NULL DEFAULT now(),
  -- Claim (A, stemmed in its language, and accent-folded), publisher and claimant (B), headline and rating (C).
  "search_vector"  tsvector GENERATED ALWAYS AS (
      setweight(to_tsvector("claimwork_search_config"("language"), "claim_text"), 'A')
   || setweight(to_tsvector('simple'::regconfig, "claimwork_fold_accents"("claim_text")), 'A')
   || setweight(to_tsvector('simple'::regconfig, "publisher_name" || ' ' || coalesce("claimant", '')), 'B')
   || setweight(to_tsvector("claimwork_search_config"("language"), coalesce("headline", '') || ' ' || "rating_text"), 'C')
  ) STORED
);

CREATE INDEX "external_fact_checks_search_idx" ON "external_fact_checks" USING GIN ("search_vector");
-- "Already checked by": trigram similarity of a claim's statement to their claim text.
CREATE INDEX "external_fact_checks_claim_trgm_idx" ON "external_fact_checks" USING GIN ("claim_text" gin_trgm_ops);
CREATE INDEX "external_fact_checks_rating_key_idx" ON "external_fact_checks" ("rating_key");
CREATE INDEX "external_fact_checks_recent_idx" ON "external_fact_checks" ("created_at" DESC, "id" DESC);
CREATE INDEX "external_fact_checks_import_idx" ON "external_fact_checks" ("import_id");

-- Their rating text (normalised) -> our rating. No row: unmapped, and shown as such.
CREATE TABLE "rating_mappings" (
  "rating_key"    TEXT PRIMARY KEY CHECK (length("rating_key") BETWEEN 1 AND 200),
  "rating_text"   TEXT NOT NULL,
  "rating"        "Rating" NOT NULL,
  "version"       INTEGER NOT NULL DEFAULT 1,
  -- NULL for the defaults below, which no person chose.
  "updated_by_id" UUID REFERENCES "users" ("id"),
  "updated_at"    TIMESTAMPTZ(3) NOT NULL DEFAULT now()
);

-- Defaults for the words the field uses most, in English and French; the newsroom edits them.
INSERT INTO "rating_mappings" ("rating_key", "rating_text", "rating") VALUES
  ('false', 'False', 'false'),
  ('faux', 'Faux', 'false'),
  ('fausse', 'Fausse', 'false'),
  ('pants on fire', 'Pants on Fire', 'false'),
  ('fake', 'Fake', 'false'),
  ('incorrect', 'Incorrect', 'false'),
  ('four pinocchios', 'Four Pinocchios', 'false'),
  ('mostly false', 'Mostly false', 'mostly_false'),
  ('plutôt faux', 'Plutôt faux', 'mostly_false'),
  ('misleading', 'Misleading', 'mostly_false'),
  ('trompeur', 'Trompeur', 'mostly_false'),
  ('three pinocchios', 'Three Pinocchios', 'mostly_false'),
  ('half true', 'Half true', 'mixed'),
  ('mixture', 'Mixture', 'mixed'),
  ('mixed', 'Mixed', 'mixed'),
  ('partly false', 'Partly false', 'mixed'),
  ('partiellement faux', 'Partiellement faux', 'mixed'),
  ('two pinocchios', 'Two Pinocchios', 'mixed'),
  ('mostly true', 'Mostly true', 'mostly_true'),
  ('plutôt vrai', 'Plutôt vrai', 'mostly_true'),
  ('one pinocchio', 'One Pinocchio', 'mostly_true'),
  ('true', 'True', 'true'),
  ('vrai', 'Vrai', 'true'),
  ('correct', 'Correct', 'true'),
  ('unproven', 'Unproven', 'unproven'),
  ('unsupported', 'Unsupported', 'unproven'),
  ('unverified', 'Unverified', 'unproven'),
  ('invérifiable', 'Invérifiable', 'unproven');
