-- The application's database role. Migrations run as the owner of the tables, and an owner can do
-- anything to them: even drop the triggers that keep the audit log append-only. The app should connect
-- as a member of "claimwork_app" instead (README, "Running the app as a non-owner role"): it reads and
-- writes the tables as the use cases do, and the immutable tables refuse it UPDATE, DELETE and TRUNCATE
-- by privilege, before any trigger runs.

-- Grants claimwork_app what the app needs; a migration that adds an immutable table calls it again.
CREATE FUNCTION "claimwork_grant_app_privileges"() RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  immutable regclass;
BEGIN
  GRANT USAGE ON SCHEMA public TO "claimwork_app";
  GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO "claimwork_app";
  GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO "claimwork_app";
  -- Tables and sequences the owner creates later are the app's too, until this runs again.
  ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO "claimwork_app";
  ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO "claimwork_app";
  -- Search's derived vocabulary: words are only ever added.
  GRANT USAGE ON SCHEMA "claimwork_search" TO "claimwork_app";
  GRANT SELECT, INSERT ON ALL TABLES IN SCHEMA "claimwork_search" TO "claimwork_app";
  -- The migration history belongs to the owner; npm start only reads it to find pending migrations.
  REVOKE INSERT, UPDATE, DELETE ON "_prisma_migrations" FROM "claimwork_app";
  -- The rows claimwork_refuse_change protects (revisions, reviews, corrections, the audit log).
  FOR immutable IN
    SELECT DISTINCT t."tgrelid"::regclass FROM pg_trigger t WHERE t."tgfoid" = '"claimwork_refuse_change"'::regproc
  LOOP
    EXECUTE format('REVOKE UPDATE, DELETE, TRUNCATE ON %s FROM "claimwork_app", PUBLIC', immutable);
  END LOOP;
END;
$$;

-- Roles belong to the whole server: create this one only where no other database has yet. Where the
-- migrating role may not create roles, warn and carry on: the app then keeps running as the owner.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE "rolname" = 'claimwork_app') THEN
    CREATE ROLE "claimwork_app" NOLOGIN;
  END IF;
EXCEPTION
  WHEN duplicate_object OR unique_violation THEN NULL; -- created meanwhile by a migration of another database
  WHEN insufficient_privilege THEN
    RAISE WARNING '% may not create roles, so the app will run as the owner of the tables. An administrator can run CREATE ROLE claimwork_app NOLOGIN, then SELECT claimwork_grant_app_privileges() in this database.', current_user;
END;
$$;

SELECT "claimwork_grant_app_privileges"() WHERE EXISTS (SELECT 1 FROM pg_roles WHERE "rolname" = 'claimwork_app');
