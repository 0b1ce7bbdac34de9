-- Accounts: sign-in throttling by where an attempt comes from, server-side sessions with an idle
-- timeout and an absolute lifetime, and one-use invitation and password-reset links.

-- Where a sign-in attempt came from, as far as the account is concerned: a browser holding a device
-- cookie this account signed in with before, an address this account signed in from before, or
-- neither. Throttling counts failures per source (lib/auth/verify-credentials.ts).
CREATE TYPE "SignInSource" AS ENUM ('known_device', 'known_address', 'unknown');
ALTER TABLE "sign_in_attempts" ADD COLUMN "source" "SignInSource" NOT NULL DEFAULT 'unknown';
-- sha256 (hex) of the browser's device cookie; the cookie itself is never stored.
ALTER TABLE "sign_in_attempts" ADD COLUMN "device_hash" TEXT;
ALTER TABLE "sign_in_attempts" ADD CONSTRAINT "sign_in_attempts_device_hash_format" CHECK ("device_hash" IS NULL OR "device_hash" ~ '^[0-9a-f]{64}$');
ALTER TABLE "sign_in_attempts" ADD CONSTRAINT "sign_in_attempts_known_device_has_hash" CHECK ("source" <> 'known_device' OR "device_hash" IS NOT NULL);
CREATE INDEX "sign_in_attempts_email_device_hash_idx" ON "sign_in_attempts"("email", "device_hash", "created_at") WHERE "device_hash" IS NOT NULL;
CREATE INDEX "sign_in_attempts_email_ip_created_at_idx" ON "sign_in_attempts"("email", "ip", "created_at");

-- One row per signed-in session; the session token names it. Idle timeout and absolute lifetime are
-- checked against these times on every request (lib/auth/load-actor.ts).
CREATE TABLE "user_sessions" (
  "id" UUID NOT NULL DEFAULT gen_random_uuid(),
  "user_id" UUID NOT NULL,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "last_seen_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "user_sessions_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "user_sessions_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "user_sessions_seen_after_created" CHECK ("last_seen_at" >= "created_at")
);
CREATE INDEX "user_sessions_user_id_idx" ON "user_sessions"("user_id");

-- An invitation (a new account: email, name and role chosen by the admin, the password by the
-- person) or a password reset (an existing account). The token is shown once; only its sha256 is kept.
CREATE TYPE "AccountLinkKind" AS ENUM ('invitation', 'password_reset');
CREATE TABLE "account_links" (
  "id" UUID NOT NULL DEFAULT gen_random_uuid(),
  "kind" "AccountLinkKind" NOT NULL,
  "token_hash" TEXT NOT NULL,
  -- A reset's account; an invitation's account once it is used.
  "user_id" UUID,
  "email" TEXT,
  "name" TEXT,
  "role" "Role",
  "created_by_id" UUID NOT NULL,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "expires_at" TIMESTAMPTZ(3) NOT NULL,
  "used_at" TIMESTAMPTZ(3),
  -- Set when a newer link for the same person replaces this one.
  "revoked_at" TIMESTAMPTZ(3),
  CONSTRAINT "account_links_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "account_links_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
  CONSTRAINT "account_links_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
  CONSTRAINT "account_links_token_hash_format" CHECK ("token_hash" ~ '^[0-9a-f]{64}$'),
  CONSTRAINT "account_links_expires_after_created" CHECK ("expires_at" > "created_at"),
  CONSTRAINT "account_links_used_or_revoked" CHECK ("used_at" IS NULL OR "revoked_at" IS NULL),
  CONSTRAINT "account_links_fields_of_kind" CHECK (
    ("kind" = 'invitation' AND "email" IS NOT NULL AND "name" IS NOT NULL AND "role" IS NOT NULL AND ("user_id" IS NULL) = ("used_at" IS NULL))
    OR ("kind" = 'password_reset' AND "user_id" IS NOT NULL AND "email" IS NULL AND "name" IS NULL AND "role" IS NULL)
  )
);
CREATE UNIQUE INDEX "account_links_token_hash_key" ON "account_links"("token_hash");
CREATE INDEX "account_links_user_id_idx" ON "account_links"("user_id");
CREATE INDEX "account_links_email_idx" ON "account_links"("email");

-- A used or revoked link never changes again (and is never deleted): one use, for good.
CREATE FUNCTION "claimwork_account_link_spent"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'account links are never deleted' USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  IF OLD."used_at" IS NOT NULL OR OLD."revoked_at" IS NOT NULL THEN
    RAISE EXCEPTION 'account link % was already used or revoked', OLD."id" USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  IF NEW."token_hash" <> OLD."token_hash" OR NEW."kind" <> OLD."kind" OR NEW."expires_at" <> OLD."expires_at" THEN
    RAISE EXCEPTION 'an account link''s token, kind and expiry never change' USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER "account_links_spent" BEFORE UPDATE OR DELETE ON "account_links"
  FOR EACH ROW EXECUTE FUNCTION "claimwork_account_link_spent"();

SELECT "claimwork_grant_app_privileges"() WHERE EXISTS (SELECT 1 FROM pg_roles WHERE "rolname" = 'claimwork_app');
