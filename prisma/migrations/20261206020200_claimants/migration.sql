-- The claimants the claim filters offer (lib/claims/list-claim-filter-options.ts, ADR 0017): one row
-- per claimant ignoring case, kept by triggers as the vocabulary of words is. Reading the distinct
-- claimants from the claims took a GROUP BY over every claim, or, by a skip scan of the
-- lower(claimant) index, two heap fetches per name shown (an expression index allows no index-only
-- scan): about half a second for 1,000 names at 1,000,000 claims. A name keeps the spelling it was
-- first seen with. Claims are never deleted; a claimant renamed on their last claim leaves the list.
CREATE TABLE "claimwork_search"."claimants" (
    "name_key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    CONSTRAINT "claimants_pkey" PRIMARY KEY ("name_key")
);

INSERT INTO "claimwork_search"."claimants" ("name_key", "name")
SELECT DISTINCT ON (lower("claimant")) lower("claimant"), "claimant" FROM "claims" ORDER BY lower("claimant"), "claimant";

-- Statement-level, over the transition tables, so a bulk insert adds its names in one statement;
-- sorted, so two transactions adding the same new names wait for each other instead of deadlocking.
-- SECURITY DEFINER: the app's role ("claimwork_app", migration 20261122000000_app_role) may only read
-- and add rows of claimwork_search's tables; this function, as their owner, also drops a name.
CREATE FUNCTION "claimwork_collect_claimants"() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET "search_path" = public, pg_temp AS $$
BEGIN
  INSERT INTO "claimwork_search"."claimants" ("name_key", "name")
  SELECT DISTINCT ON (lower(c."claimant")) lower(c."claimant"), c."claimant"
    FROM "changed_claims" c
   ORDER BY lower(c."claimant"), c."claimant"
  ON CONFLICT DO NOTHING;
  IF TG_OP = 'UPDATE' THEN
    DELETE FROM "claimwork_search"."claimants" k
     USING (SELECT DISTINCT lower(o."claimant") AS "name_key" FROM "previous_claims" o) AS gone
     WHERE k."name_key" = gone."name_key"
       AND NOT EXISTS (SELECT 1 FROM "claims" c WHERE lower(c."claimant") = gone."name_key");
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER "claims_collect_claimants_on_insert" AFTER INSERT ON "claims"
  REFERENCING NEW TABLE AS "changed_claims" FOR EACH STATEMENT EXECUTE FUNCTION "claimwork_collect_claimants"();
CREATE TRIGGER "claims_collect_claimants_on_update" AFTER UPDATE ON "claims"
  REFERENCING OLD TABLE AS "previous_claims" NEW TABLE AS "changed_claims" FOR EACH STATEMENT EXECUTE FUNCTION "claimwork_collect_claimants"();
