-- Claimwork's domain model (prisma/schema.prisma), with the invariants the database can hold.

CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('editor', 'reviewer', 'admin');
CREATE TYPE "UserStatus" AS ENUM ('active', 'disabled');
CREATE TYPE "AnchorStatus" AS ENUM ('anchored', 'moved', 'fuzzy', 'orphaned');
CREATE TYPE "RelationType" AS ENUM ('supports', 'contradicts', 'same_claim');
CREATE TYPE "VerdictStatus" AS ENUM ('draft', 'in_review', 'changes_requested', 'approved', 'published');
CREATE TYPE "Rating" AS ENUM ('false', 'mostly_false', 'mixed', 'mostly_true', 'true', 'unproven');
CREATE TYPE "ReviewDecision" AS ENUM ('approve', 'request_changes');

-- CreateTable
CREATE TABLE "users" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "password_hash" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "status" "UserStatus" NOT NULL DEFAULT 'active',
    "session_version" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "users_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "users_email_lowercase" CHECK ("email" = lower("email")),
    CONSTRAINT "users_name_not_blank" CHECK (length(btrim("name")) > 0)
);

CREATE TABLE "sign_in_attempts" (
    "id" BIGSERIAL NOT NULL,
    "email" TEXT NOT NULL,
    "ip" TEXT NOT NULL,
    "succeeded" BOOLEAN NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "sign_in_attempts_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "articles" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "title" TEXT NOT NULL,
    "outlet" TEXT,
    "author" TEXT,
    "url" TEXT,
    "language" TEXT NOT NULL,
    "published_at" TIMESTAMPTZ(3),
    "created_by_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "deleted_at" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    CONSTRAINT "articles_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "articles_title_not_blank" CHECK (length(btrim("title")) > 0),
    CONSTRAINT "articles_language_code" CHECK ("language" ~ '^([a-z]{2}|und)$')
);

CREATE TABLE "article_revisions" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "article_id" UUID NOT NULL,
    "number" INTEGER NOT NULL,
    "raw" BYTEA NOT NULL,
    "raw_media_type" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "text_hash" TEXT NOT NULL,
    "created_by_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "article_revisions_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "article_revisions_number_positive" CHECK ("number" >= 1),
    CONSTRAINT "article_revisions_text_not_empty" CHECK (length("text") > 0),
    CONSTRAINT "article_revisions_text_hash_sha256" CHECK ("text_hash" ~ '^[0-9a-f]{64}$')
);

CREATE TABLE "claims" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "statement" TEXT NOT NULL,
    "claimant" TEXT NOT NULL,
    "claimant_same_as" TEXT,
    "claimed_at" DATE,
    "language" TEXT NOT NULL,
    "tags" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[],
    "created_by_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    CONSTRAINT "claims_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "claims_statement_not_blank" CHECK (length(btrim("statement")) > 0),
    CONSTRAINT "claims_claimant_not_blank" CHECK (length(btrim("claimant")) > 0),
    CONSTRAINT "claims_language_code" CHECK ("language" ~ '^([a-z]{2}|und)$')
);

CREATE TABLE "passages" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "claim_id" UUID NOT NULL,
    "article_id" UUID NOT NULL,
    "article_revision_id" UUID NOT NULL,
    "exact" TEXT NOT NULL,
    "prefix" TEXT NOT NULL DEFAULT '',
    "suffix" TEXT NOT NULL DEFAULT '',
    "start" INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    "status" "AnchorStatus" NOT NULL DEFAULT 'anchored',
    "confidence" DOUBLE PRECISION NOT NULL DEFAULT 1,
    "created_by_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "passages_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "passages_offsets_valid" CHECK ("start" >= 0 AND "end" > "start"),
    CONSTRAINT "passages_exact_not_empty" CHECK (length("exact") > 0),
    CONSTRAINT "passages_confidence_range" CHECK ("confidence" >= 0 AND "confidence" <= 1)
);

CREATE TABLE "claim_relations" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "type" "RelationType" NOT NULL,
    "from_claim_id" UUID NOT NULL,
    "to_claim_id" UUID NOT NULL,
    "rationale" TEXT NOT NULL,
    "created_by_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "claim_relations_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "claim_relations_not_self" CHECK ("from_claim_id" <> "to_claim_id")
);

CREATE TABLE "relation_passages" (
    "relation_id" UUID NOT NULL,
    "passage_id" UUID NOT NULL,
    CONSTRAINT "relation_passages_pkey" PRIMARY KEY ("relation_id", "passage_id")
);

CREATE TABLE "verdicts" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "claim_id" UUID NOT NULL,
    "status" "VerdictStatus" NOT NULL DEFAULT 'draft',
    "draft_rating" "Rating",
    "draft_headline" TEXT NOT NULL DEFAULT '',
    "draft_summary" TEXT NOT NULL DEFAULT '',
    "draft_explanation" TEXT NOT NULL DEFAULT '',
    "current_revision_id" UUID,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_by_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "verdicts_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "verdicts_draft_headline_length" CHECK (char_length("draft_headline") < 75),
    -- Only a draft has no submitted revision to point at.
    CONSTRAINT "verdicts_revision_matches_status" CHECK (("status" = 'draft') OR ("current_revision_id" IS NOT NULL))
);

CREATE TABLE "verdict_revisions" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "verdict_id" UUID NOT NULL,
    "number" INTEGER NOT NULL,
    "rating" "Rating" NOT NULL,
    "headline" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "explanation" TEXT NOT NULL,
    "author_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "verdict_revisions_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "verdict_revisions_number_positive" CHECK ("number" >= 1),
    CONSTRAINT "verdict_revisions_headline_length" CHECK (char_length("headline") BETWEEN 1 AND 74),
    CONSTRAINT "verdict_revisions_summary_not_blank" CHECK (length(btrim("summary")) > 0)
);

CREATE TABLE "reviews" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "verdict_revision_id" UUID NOT NULL,
    "reviewer_id" UUID NOT NULL,
    "decision" "ReviewDecision" NOT NULL,
    "comment" TEXT NOT NULL DEFAULT '',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "reviews_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "publications" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "verdict_id" UUID NOT NULL,
    "slug" TEXT NOT NULL,
    "published_revision_id" UUID NOT NULL,
    "published_by_id" UUID NOT NULL,
    "first_published_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "publications_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "publications_slug_format" CHECK ("slug" ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND char_length("slug") <= 120)
);

CREATE TABLE "corrections" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "publication_id" UUID NOT NULL,
    "previous_revision_id" UUID NOT NULL,
    "revision_id" UUID NOT NULL,
    "what_changed" TEXT NOT NULL,
    "why" TEXT NOT NULL,
    "created_by_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "corrections_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "corrections_changes_revision" CHECK ("previous_revision_id" <> "revision_id"),
    CONSTRAINT "corrections_explained" CHECK (length(btrim("what_changed")) > 0 AND length(btrim("why")) > 0)
);

CREATE TABLE "audit_events" (
    "id" BIGSERIAL NOT NULL,
    "actor_id" UUID,
    "action" TEXT NOT NULL,
    "entity_type" TEXT NOT NULL,
    "entity_id" TEXT NOT NULL,
    "before" JSONB,
    "after" JSONB,
    "request_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "audit_events_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "users_email_key" ON "users"("email");
CREATE INDEX "sign_in_attempts_email_created_at_idx" ON "sign_in_attempts"("email", "created_at");
CREATE INDEX "sign_in_attempts_ip_created_at_idx" ON "sign_in_attempts"("ip", "created_at");
CREATE INDEX "article_revisions_text_hash_idx" ON "article_revisions"("text_hash");
CREATE UNIQUE INDEX "article_revisions_article_id_number_key" ON "article_revisions"("article_id", "number");
CREATE INDEX "passages_article_revision_id_idx" ON "passages"("article_revision_id");
CREATE UNIQUE INDEX "passages_claim_id_article_revision_id_start_end_key" ON "passages"("claim_id", "article_revision_id", "start", "end");
CREATE INDEX "claim_relations_to_claim_id_idx" ON "claim_relations"("to_claim_id");
CREATE UNIQUE INDEX "claim_relations_type_from_claim_id_to_claim_id_key" ON "claim_relations"("type", "from_claim_id", "to_claim_id");
-- Symmetric relations: A contradicts B and B contradicts A are the same relation.
CREATE UNIQUE INDEX "claim_relations_symmetric_pair_key" ON "claim_relations"("type", LEAST("from_claim_id", "to_claim_id"), GREATEST("from_claim_id", "to_claim_id")) WHERE "type" <> 'supports';
CREATE UNIQUE INDEX "verdicts_claim_id_key" ON "verdicts"("claim_id");
CREATE UNIQUE INDEX "verdicts_current_revision_id_key" ON "verdicts"("current_revision_id");
CREATE UNIQUE INDEX "verdict_revisions_verdict_id_number_key" ON "verdict_revisions"("verdict_id", "number");
CREATE INDEX "reviews_verdict_revision_id_idx" ON "reviews"("verdict_revision_id");
CREATE UNIQUE INDEX "publications_verdict_id_key" ON "publications"("verdict_id");
CREATE UNIQUE INDEX "publications_slug_key" ON "publications"("slug");
CREATE UNIQUE INDEX "publications_published_revision_id_key" ON "publications"("published_revision_id");
CREATE INDEX "corrections_publication_id_idx" ON "corrections"("publication_id");
CREATE UNIQUE INDEX "corrections_revision_id_key" ON "corrections"("revision_id");
CREATE INDEX "audit_events_entity_type_entity_id_idx" ON "audit_events"("entity_type", "entity_id");
CREATE INDEX "audit_events_created_at_idx" ON "audit_events"("created_at");

-- AddForeignKey
ALTER TABLE "articles" ADD CONSTRAINT "articles_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "article_revisions" ADD CONSTRAINT "article_revisions_article_id_fkey" FOREIGN KEY ("article_id") REFERENCES "articles"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "article_revisions" ADD CONSTRAINT "article_revisions_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "claims" ADD CONSTRAINT "claims_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "passages" ADD CONSTRAINT "passages_claim_id_fkey" FOREIGN KEY ("claim_id") REFERENCES "claims"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "passages" ADD CONSTRAINT "passages_article_id_fkey" FOREIGN KEY ("article_id") REFERENCES "articles"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "passages" ADD CONSTRAINT "passages_article_revision_id_fkey" FOREIGN KEY ("article_revision_id") REFERENCES "article_revisions"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "passages" ADD CONSTRAINT "passages_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "claim_relations" ADD CONSTRAINT "claim_relations_from_claim_id_fkey" FOREIGN KEY ("from_claim_id") REFERENCES "claims"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "claim_relations" ADD CONSTRAINT "claim_relations_to_claim_id_fkey" FOREIGN KEY ("to_claim_id") REFERENCES "claims"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "claim_relations" ADD CONSTRAINT "claim_relations_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "relation_passages" ADD CONSTRAINT "relation_passages_relation_id_fkey" FOREIGN KEY ("relation_id") REFERENCES "claim_relations"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "relation_passages" ADD CONSTRAINT "relation_passages_passage_id_fkey" FOREIGN KEY ("passage_id") REFERENCES "passages"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "verdicts" ADD CONSTRAINT "verdicts_claim_id_fkey" FOREIGN KEY ("claim_id") REFERENCES "claims"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "verdicts" ADD CONSTRAINT "verdicts_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "verdicts" ADD CONSTRAINT "verdicts_current_revision_id_fkey" FOREIGN KEY ("current_revision_id") REFERENCES "verdict_revisions"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "verdict_revisions" ADD CONSTRAINT "verdict_revisions_verdict_id_fkey" FOREIGN KEY ("verdict_id") REFERENCES "verdicts"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "verdict_revisions" ADD CONSTRAINT "verdict_revisions_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "reviews" ADD CONSTRAINT "reviews_verdict_revision_id_fkey" FOREIGN KEY ("verdict_revision_id") REFERENCES "verdict_revisions"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "reviews" ADD CONSTRAINT "reviews_reviewer_id_fkey" FOREIGN KEY ("reviewer_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "publications" ADD CONSTRAINT "publications_verdict_id_fkey" FOREIGN KEY ("verdict_id") REFERENCES "verdicts"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "publications" ADD CONSTRAINT "publications_published_revision_id_fkey" FOREIGN KEY ("published_revision_id") REFERENCES "verdict_revisions"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "publications" ADD CONSTRAINT "publications_published_by_id_fkey" FOREIGN KEY ("published_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "corrections" ADD CONSTRAINT "corrections_publication_id_fkey" FOREIGN KEY ("publication_id") REFERENCES "publications"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "corrections" ADD CONSTRAINT "corrections_previous_revision_id_fkey" FOREIGN KEY ("previous_revision_id") REFERENCES "verdict_revisions"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "corrections" ADD CONSTRAINT "corrections_revision_id_fkey" FOREIGN KEY ("revision_id") REFERENCES "verdict_revisions"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "corrections" ADD CONSTRAINT "corrections_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
-- RESTRICT: the append-only trigger would refuse SET NULL anyway; users with history are disabled, not deleted.
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Invariants Prisma cannot express ------------------------------------------------------------

-- Immutable rows: article and verdict revisions, reviews, corrections and the audit log.
CREATE FUNCTION "claimwork_refuse_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'rows of % are immutable: % refused', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'integrity_constraint_violation';
END;
$$;

CREATE TRIGGER "article_revisions_immutable" BEFORE UPDATE OR DELETE ON "article_revisions"
  FOR EACH ROW EXECUTE FUNCTION "claimwork_refuse_change"();
CREATE TRIGGER "verdict_revisions_immutable" BEFORE UPDATE OR DELETE ON "verdict_revisions"
  FOR EACH ROW EXECUTE FUNCTION "claimwork_refuse_change"();
CREATE TRIGGER "reviews_immutable" BEFORE UPDATE OR DELETE ON "reviews"
  FOR EACH ROW EXECUTE FUNCTION "claimwork_refuse_change"();
CREATE TRIGGER "corrections_immutable" BEFORE UPDATE OR DELETE ON "corrections"
  FOR EACH ROW EXECUTE FUNCTION "claimwork_refuse_change"();
CREATE TRIGGER "audit_events_append_only" BEFORE UPDATE OR DELETE ON "audit_events"
  FOR EACH ROW EXECUTE FUNCTION "claimwork_refuse_change"();
CREATE TRIGGER "audit_events_no_truncate" BEFORE TRUNCATE ON "audit_events"
  FOR EACH STATEMENT EXECUTE FUNCTION "claimwork_refuse_change"();

-- Four-eyes rule: nobody reviews a verdict revision they wrote.
CREATE FUNCTION "claimwork_refuse_self_review"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM "verdict_revisions" r
             WHERE r."id" = NEW."verdict_revision_id" AND r."author_id" = NEW."reviewer_id") THEN
    RAISE EXCEPTION 'four-eyes rule: the author of a verdict revision cannot review it'
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER "reviews_four_eyes" BEFORE INSERT ON "reviews"
  FOR EACH ROW EXECUTE FUNCTION "claimwork_refuse_self_review"();

-- A publication shows a revision of its own verdict that a reviewer other than its author approved.
CREATE FUNCTION "claimwork_check_publication"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM "verdict_revisions" r
                 WHERE r."id" = NEW."published_revision_id" AND r."verdict_id" = NEW."verdict_id") THEN
    RAISE EXCEPTION 'a publication must show a revision of its own verdict' USING ERRCODE = 'check_violation';
  END IF;
  IF NOT EXISTS (SELECT 1 FROM "reviews" v
                 WHERE v."verdict_revision_id" = NEW."published_revision_id" AND v."decision" = 'approve') THEN
    RAISE EXCEPTION 'only an approved revision can be published' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER "publications_approved_revision" BEFORE INSERT OR UPDATE OF "published_revision_id", "verdict_id" ON "publications"
  FOR EACH ROW EXECUTE FUNCTION "claimwork_check_publication"();
