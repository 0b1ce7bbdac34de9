-- Working together (issue 12, items 3, 4, 5): discussion threads on claims and verdict revisions,
-- assignments of claims to editors and verdicts to reviewers, and each person's notifications.
-- None of these tables is read by a reader page, the feed, an export or the public API.

-- A thread on a claim, or on one revision of the claim's verdict. Resolving and reopening bump `version`.
CREATE TABLE "discussion_threads" (
  "id" UUID NOT NULL DEFAULT gen_random_uuid(),
  "claim_id" UUID NOT NULL,
  "verdict_revision_id" UUID,
  "created_by_id" UUID NOT NULL,
  "resolved_at" TIMESTAMPTZ(3),
  "resolved_by_id" UUID,
  "version" INTEGER NOT NULL DEFAULT 1,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "discussion_threads_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "discussion_threads_claim_id_fkey" FOREIGN KEY ("claim_id") REFERENCES "claims"("id"),
  CONSTRAINT "discussion_threads_verdict_revision_id_fkey" FOREIGN KEY ("verdict_revision_id") REFERENCES "verdict_revisions"("id"),
  CONSTRAINT "discussion_threads_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id"),
  CONSTRAINT "discussion_threads_resolved_by_id_fkey" FOREIGN KEY ("resolved_by_id") REFERENCES "users"("id"),
  CONSTRAINT "discussion_threads_resolved_together" CHECK (("resolved_at" IS NULL) = ("resolved_by_id" IS NULL))
);
CREATE INDEX "discussion_threads_claim_id_idx" ON "discussion_threads"("claim_id", "created_at");
CREATE INDEX "discussion_threads_verdict_revision_id_idx" ON "discussion_threads"("verdict_revision_id");

-- Comments are never edited nor deleted: what was said stays as it was said.
CREATE TABLE "comments" (
  "id" UUID NOT NULL DEFAULT gen_random_uuid(),
  "thread_id" UUID NOT NULL,
  "author_id" UUID NOT NULL,
  "body" TEXT NOT NULL,
  "mentioned_user_ids" UUID[] NOT NULL DEFAULT '{}',
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "comments_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "comments_thread_id_fkey" FOREIGN KEY ("thread_id") REFERENCES "discussion_threads"("id"),
  CONSTRAINT "comments_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "users"("id"),
  CONSTRAINT "comments_body_length" CHECK (length("body") BETWEEN 1 AND 5000)
);
CREATE INDEX "comments_thread_id_idx" ON "comments"("thread_id", "created_at");
CREATE TRIGGER "comments_immutable" BEFORE UPDATE OR DELETE ON "comments"
  FOR EACH ROW EXECUTE FUNCTION "claimwork_refuse_change"();

-- Who works on what: at most one editor per claim and one reviewer per verdict. Unassigning deletes the row.
CREATE TABLE "claim_assignments" (
  "claim_id" UUID NOT NULL,
  "assignee_id" UUID NOT NULL,
  "assigned_by_id" UUID NOT NULL,
  "assigned_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "claim_assignments_pkey" PRIMARY KEY ("claim_id"),
  CONSTRAINT "claim_assignments_claim_id_fkey" FOREIGN KEY ("claim_id") REFERENCES "claims"("id"),
  CONSTRAINT "claim_assignments_assignee_id_fkey" FOREIGN KEY ("assignee_id") REFERENCES "users"("id"),
  CONSTRAINT "claim_assignments_assigned_by_id_fkey" FOREIGN KEY ("assigned_by_id") REFERENCES "users"("id")
);
CREATE INDEX "claim_assignments_assignee_id_idx" ON "claim_assignments"("assignee_id");

CREATE TABLE "verdict_assignments" (
  "verdict_id" UUID NOT NULL,
  "assignee_id" UUID NOT NULL,
  "assigned_by_id" UUID NOT NULL,
  "assigned_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "verdict_assignments_pkey" PRIMARY KEY ("verdict_id"),
  CONSTRAINT "verdict_assignments_verdict_id_fkey" FOREIGN KEY ("verdict_id") REFERENCES "verdicts"("id"),
  CONSTRAINT "verdict_assignments_assignee_id_fkey" FOREIGN KEY ("assignee_id") REFERENCES "users"("id"),
  CONSTRAINT "verdict_assignments_assigned_by_id_fkey" FOREIGN KEY ("assigned_by_id") REFERENCES "users"("id")
);
CREATE INDEX "verdict_assignments_assignee_id_idx" ON "verdict_assignments"("assignee_id");

-- Four eyes for assignments: the reviewer of a verdict is none of the authors of the revision in
-- review (submitter or draft contributor) nor anyone who saved the working draft since.
CREATE FUNCTION "claimwork_refuse_author_as_reviewer"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM "verdicts" v
              WHERE v."id" = NEW."verdict_id"
                AND (NEW."assignee_id" = ANY(v."draft_contributor_ids")
                     OR EXISTS (SELECT 1 FROM "verdict_revision_authors" a
                                 WHERE a."verdict_revision_id" = v."current_revision_id" AND a."user_id" = NEW."assignee_id")
                     OR EXISTS (SELECT 1 FROM "verdict_revisions" r
                                 WHERE r."id" = v."current_revision_id" AND r."author_id" = NEW."assignee_id"))) THEN
    RAISE EXCEPTION 'four-eyes rule: an author of a verdict cannot be its assigned reviewer'
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER "verdict_assignments_four_eyes" BEFORE INSERT OR UPDATE ON "verdict_assignments"
  FOR EACH ROW EXECUTE FUNCTION "claimwork_refuse_author_as_reviewer"();

CREATE TYPE "NotificationKind" AS ENUM (
  'mention', 'reply', 'claim_assigned', 'verdict_assigned',
  'verdict_approved', 'verdict_changes_requested', 'verdict_published', 'source_change'
);

-- One person's notice of something a colleague did, written in the transaction of that write.
CREATE TABLE "notifications" (
  "id" UUID NOT NULL DEFAULT gen_random_uuid(),
  "recipient_id" UUID NOT NULL,
  "kind" "NotificationKind" NOT NULL,
  "actor_id" UUID,
  "claim_id" UUID NOT NULL,
  "thread_id" UUID,
  "verdict_revision_id" UUID,
  "excerpt" TEXT NOT NULL DEFAULT '',
  "read_at" TIMESTAMPTZ(3),
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "notifications_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "notifications_recipient_id_fkey" FOREIGN KEY ("recipient_id") REFERENCES "users"("id"),
  CONSTRAINT "notifications_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "users"("id"),
  CONSTRAINT "notifications_claim_id_fkey" FOREIGN KEY ("claim_id") REFERENCES "claims"("id"),
  CONSTRAINT "notifications_thread_id_fkey" FOREIGN KEY ("thread_id") REFERENCES "discussion_threads"("id"),
  CONSTRAINT "notifications_verdict_revision_id_fkey" FOREIGN KEY ("verdict_revision_id") REFERENCES "verdict_revisions"("id"),
  CONSTRAINT "notifications_not_to_oneself" CHECK ("actor_id" IS NULL OR "actor_id" <> "recipient_id")
);
CREATE INDEX "notifications_recipient_idx" ON "notifications"("recipient_id", "created_at" DESC, "id" DESC);
CREATE INDEX "notifications_unread_idx" ON "notifications"("recipient_id") WHERE "read_at" IS NULL;

-- Comments joined the immutable tables: the app role loses UPDATE and DELETE on them.
SELECT "claimwork_grant_app_privileges"() WHERE EXISTS (SELECT 1 FROM pg_roles WHERE "rolname" = 'claimwork_app');
