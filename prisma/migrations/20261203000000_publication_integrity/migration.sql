-- Publication integrity (issue 9): what readers see is a snapshot a second person approved.
--
-- 1. fact_check_snapshots: everything a fact-check page shows besides the verdict's own text (the
--    claim, every quoted passage with its article's details, the related fact-checks), frozen when a
--    verdict revision is submitted. Reviewers approve it; reader pages, the feed, the sitemap, the
--    ClaimReview data and the annotation export of published claims render from it, never from the
--    live rows that editors keep working on.
-- 2. verdict_revision_authors: everyone who saved a draft of a revision since the last review, and
--    whoever submitted it. None of them may review it (the four-eyes trigger reads this table).
-- 3. source_change_items: a new article revision that changes, moves or loses a passage quoted by a
--    fact-check in review, approved or published raises one open item for people to decide on.

CREATE TABLE "fact_check_snapshots" (
  "verdict_revision_id" UUID PRIMARY KEY REFERENCES "verdict_revisions"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
  "content" JSONB NOT NULL CHECK (jsonb_typeof("content") = 'object'),
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT now()
);
CREATE TRIGGER "fact_check_snapshots_immutable" BEFORE UPDATE OR DELETE ON "fact_check_snapshots"
  FOR EACH ROW EXECUTE FUNCTION "claimwork_refuse_change"();

CREATE TABLE "verdict_revision_authors" (
  "verdict_revision_id" UUID NOT NULL REFERENCES "verdict_revisions"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
  "user_id" UUID NOT NULL REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT now(),
  PRIMARY KEY ("verdict_revision_id", "user_id")
);
CREATE INDEX "verdict_revision_authors_user_id_idx" ON "verdict_revision_authors"("user_id");
CREATE TRIGGER "verdict_revision_authors_immutable" BEFORE UPDATE OR DELETE ON "verdict_revision_authors"
  FOR EACH ROW EXECUTE FUNCTION "claimwork_refuse_change"();

-- Who saved the working draft since the last review; emptied when the draft is submitted.
ALTER TABLE "verdicts" ADD COLUMN "draft_contributor_ids" UUID[] NOT NULL DEFAULT '{}';

-- Revisions written before this migration: their submitter is their only known author.
INSERT INTO "verdict_revision_authors" ("verdict_revision_id", "user_id", "created_at")
  SELECT "id", "author_id", "created_at" FROM "verdict_revisions";

-- Four eyes by contribution: no author of a revision (submitter or draft contributor) reviews it.
CREATE OR REPLACE FUNCTION "claimwork_refuse_self_review"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM "verdict_revisions" r
             WHERE r."id" = NEW."verdict_revision_id" AND r."author_id" = NEW."reviewer_id")
     OR EXISTS (SELECT 1 FROM "verdict_revision_authors" a
                WHERE a."verdict_revision_id" = NEW."verdict_revision_id" AND a."user_id" = NEW."reviewer_id") THEN
    RAISE EXCEPTION 'four-eyes rule: an author of a verdict revision cannot review it'
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END;
$$;

-- An author added after a review would make that review a self-review.
CREATE FUNCTION "claimwork_refuse_late_author"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM "reviews" v WHERE v."verdict_revision_id" = NEW."verdict_revision_id") THEN
    RAISE EXCEPTION 'a reviewed verdict revision gets no new author' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER "verdict_revision_authors_before_review" BEFORE INSERT ON "verdict_revision_authors"
  FOR EACH ROW EXECUTE FUNCTION "claimwork_refuse_late_author"();

-- Snapshots of the revisions written before this migration, from the rows as they stand now (the
-- same content lib/publishing/take-fact-check-snapshot.ts builds for new revisions).
CREATE FUNCTION "claimwork_iso_time"("t" TIMESTAMPTZ) RETURNS TEXT LANGUAGE sql IMMUTABLE AS $$
  SELECT to_char("t" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
$$;

INSERT INTO "fact_check_snapshots" ("verdict_revision_id", "content")
SELECT r."id", jsonb_build_object(
  'claim', jsonb_build_object(
    'id', c."id", 'statement', c."statement", 'claimant', c."claimant", 'claimantSameAs', c."claimant_same_as",
    'claimedAt', to_char(c."claimed_at", 'YYYY-MM-DD'), 'language', c."language"),
  'passages', COALESCE((
    SELECT jsonb_agg(jsonb_build_object(
      'passageId', p."id", 'exact', p."exact", 'prefix', p."prefix", 'suffix', p."suffix", 'start', p."start", 'end', p."end",
      'article', jsonb_build_object(
        'id', a."id", 'title', a."title", 'outlet', a."outlet", 'url', a."url", 'language', a."language",
        'publishedAt', "claimwork_iso_time"(a."published_at"),
        'revisionId', ar."id", 'revisionNumber', ar."number", 'revisionCreatedAt', "claimwork_iso_time"(ar."created_at")))
      ORDER BY a."published_at" ASC NULLS LAST, p."start" ASC)
    FROM "passages" p
    JOIN "articles" a ON a."id" = p."article_id" AND a."deleted_at" IS NULL
    JOIN "article_revisions" ar ON ar."id" = p."article_revision_id"
    WHERE p."claim_id" = c."id" AND p."status" <> 'orphaned'
      AND ar."number" = (SELECT max(x."number") FROM "article_revisions" x WHERE x."article_id" = a."id")), '[]'::jsonb),
  'related', COALESCE((
    SELECT jsonb_agg(jsonb_build_object(
      'claimId', o."id", 'type', rel."type", 'direction', rel."direction", 'statement', o."statement",
      'slug', op."slug", 'rating', orv."rating") ORDER BY rel."type", op."slug")
    FROM (
      SELECT cr."type"::text AS "type", 'from' AS "direction", cr."to_claim_id" AS "other_id" FROM "claim_relations" cr WHERE cr."from_claim_id" = c."id"
      UNION ALL
      SELECT cr."type"::text, 'to', cr."from_claim_id" FROM "claim_relations" cr WHERE cr."to_claim_id" = c."id"
    ) rel
    JOIN "claims" o ON o."id" = rel."other_id"
    JOIN "verdicts" ov ON ov."claim_id" = o."id"
    JOIN "publications" op ON op."verdict_id" = ov."id"
    JOIN "verdict_revisions" orv ON orv."id" = op."published_revision_id"), '[]'::jsonb)
)
FROM "verdict_revisions" r
JOIN "verdicts" v ON v."id" = r."verdict_id"
JOIN "claims" c ON c."id" = v."claim_id";

DROP FUNCTION "claimwork_iso_time"(TIMESTAMPTZ);

-- A publication shows an approved revision of its own verdict, with the snapshot approved with it.
CREATE OR REPLACE FUNCTION "claimwork_check_publication"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM "verdict_revisions" r
                 WHERE r."id" = NEW."published_revision_id" AND r."verdict_id" = NEW."verdict_id") THEN
    RAISE EXCEPTION 'a publication must show a revision of its own verdict' USING ERRCODE = 'check_violation';
  END IF;
  IF NOT EXISTS (SELECT 1 FROM "reviews" v
                 WHERE v."verdict_revision_id" = NEW."published_revision_id" AND v."decision" = 'approve') THEN
    RAISE EXCEPTION 'only an approved revision can be published' USING ERRCODE = 'check_violation';
  END IF;
  IF NOT EXISTS (SELECT 1 FROM "fact_check_snapshots" s WHERE s."verdict_revision_id" = NEW."published_revision_id") THEN
    RAISE EXCEPTION 'only a revision with its approved snapshot can be published' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END;
$$;

-- Source-change items ------------------------------------------------------------------------

CREATE TYPE "SourceChangeStatus" AS ENUM ('open', 'confirmed', 'revised');

CREATE TABLE "source_change_items" (
  "id" UUID PRIMARY KEY,
  "verdict_id" UUID NOT NULL REFERENCES "verdicts"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
  "status" "SourceChangeStatus" NOT NULL DEFAULT 'open',
  "resolution_note" TEXT NOT NULL DEFAULT '',
  "resolved_by_id" UUID REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
  "resolved_at" TIMESTAMPTZ(3),
  -- The verdict revision whose review closed the item, when it was resolved by a new revision.
  "resolved_by_revision_id" UUID REFERENCES "verdict_revisions"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
  "version" INTEGER NOT NULL DEFAULT 1,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT now(),
  "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT now(),
  CONSTRAINT "source_change_items_resolution" CHECK (
    ("status" = 'open' AND "resolved_by_id" IS NULL AND "resolved_at" IS NULL)
    OR ("status" <> 'open' AND "resolved_by_id" IS NOT NULL AND "resolved_at" IS NOT NULL))
);
-- Exactly one open item per fact-check: a second changed source adds to it.
CREATE UNIQUE INDEX "source_change_items_one_open" ON "source_change_items"("verdict_id") WHERE "status" = 'open';
CREATE INDEX "source_change_items_status_idx" ON "source_change_items"("status", "created_at");

-- One changed quote: the passage a snapshot quotes (its id as the snapshot holds it: snapshots keep
-- their own copy of the text, so editors may still drop the passage row), the article revision that
-- changed it, and where re-anchoring put it in that revision (none when it was lost).
CREATE TABLE "source_change_passages" (
  "id" UUID PRIMARY KEY,
  "item_id" UUID NOT NULL REFERENCES "source_change_items"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
  "quoted_passage_id" UUID NOT NULL,
  "article_revision_id" UUID NOT NULL REFERENCES "article_revisions"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
  "current_passage_id" UUID REFERENCES "passages"("id") ON DELETE SET NULL ON UPDATE CASCADE,
  "anchor_status" "AnchorStatus" NOT NULL,
  "confidence" DOUBLE PRECISION NOT NULL,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT now(),
  UNIQUE ("item_id", "quoted_passage_id", "article_revision_id")
);
CREATE INDEX "source_change_passages_quoted_passage_id_idx" ON "source_change_passages"("quoted_passage_id");

SELECT "claimwork_grant_app_privileges"() WHERE EXISTS (SELECT 1 FROM pg_roles WHERE "rolname" = 'claimwork_app');
