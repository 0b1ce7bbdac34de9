-- A newsroom's own archive in (lib/exchange/import-own-archive.ts): fact-checks it published before
-- Claimwork become published fact-checks of this newsroom, with the rows a published one has (claim,
-- verdict, revision 1, its snapshot, publication). Their approval is the original publication, not a
-- person: an imported_publications row stands for it, and the publication check accepts it in place
-- of an approving review (ADR 0010). Any later change goes through review as usual.

ALTER TABLE "exchange_imports" ADD COLUMN "own_archive" BOOLEAN NOT NULL DEFAULT false;

CREATE TABLE "imported_publications" (
  "verdict_revision_id"   UUID PRIMARY KEY REFERENCES "verdict_revisions" ("id") ON DELETE RESTRICT,
  -- sha256 of (publisher name, original address, claim text), as for external fact-checks: one archive
  -- fact-check is imported once.
  "dedupe_key"            TEXT NOT NULL UNIQUE,
  "original_url"          TEXT NOT NULL CHECK ("original_url" ~* '^https?://'),
  "original_published_at" DATE,
  "import_id"             UUID NOT NULL REFERENCES "exchange_imports" ("id") DEFERRABLE INITIALLY DEFERRED,
  "created_at"            TIMESTAMPTZ(3) NOT NULL DEFAULT now()
);
CREATE INDEX "imported_publications_import_idx" ON "imported_publications" ("import_id");
CREATE TRIGGER "imported_publications_immutable" BEFORE UPDATE OR DELETE ON "imported_publications"
  FOR EACH ROW EXECUTE FUNCTION "claimwork_refuse_change"();

-- A publication shows a revision of its own verdict that was approved (a review) or that is the
-- original publication of an imported archive fact-check, with its snapshot.
CREATE OR REPLACE FUNCTION "claimwork_check_publication"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM "verdict_revisions" r
                 WHERE r."id" = NEW."published_revision_id" AND r."verdict_id" = NEW."verdict_id") THEN
    RAISE EXCEPTION 'a publication must show a revision of its own verdict' USING ERRCODE = 'check_violation';
  END IF;
  IF NOT EXISTS (SELECT 1 FROM "reviews" v
                 WHERE v."verdict_revision_id" = NEW."published_revision_id" AND v."decision" = 'approve')
     AND NOT EXISTS (SELECT 1 FROM "imported_publications" i WHERE i."verdict_revision_id" = NEW."published_revision_id") THEN
    RAISE EXCEPTION 'only an approved revision can be published' USING ERRCODE = 'check_violation';
  END IF;
  IF NOT EXISTS (SELECT 1 FROM "fact_check_snapshots" s WHERE s."verdict_revision_id" = NEW."published_revision_id") THEN
    RAISE EXCEPTION 'only a revision with its approved snapshot can be published' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END;
$$;
