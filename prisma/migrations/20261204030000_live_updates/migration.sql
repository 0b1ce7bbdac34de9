-- Live updates (ADR 0011). Every audited write records, in its own transaction, the workbench pages
-- (topics: article:ID, claim:ID, verdict:ID, queue) it changes. Each app process polls this table and
-- streams the rows to its open pages. xact_id orders them: a row is handed out only once every
-- transaction with a smaller id has ended, so a client that resumes after the last id it saw misses
-- nothing, whatever order the transactions committed in.
CREATE TABLE "workbench_changes" (
  "id" BIGSERIAL PRIMARY KEY,
  "xact_id" xid8 NOT NULL DEFAULT pg_current_xact_id(),
  "actor_id" UUID,
  "kind" TEXT NOT NULL CHECK ("kind" IN ('data', 'presence')),
  "topics" TEXT[] NOT NULL CHECK (cardinality("topics") > 0),
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT now()
);
CREATE INDEX "workbench_changes_xact_id_idx" ON "workbench_changes" ("xact_id");
CREATE INDEX "workbench_changes_created_at_idx" ON "workbench_changes" ("created_at");

-- Who has a workbench page open (one row per open live connection), and since when they type in the
-- verdict draft. Rows of a process that died age out by last_seen_at.
CREATE TABLE "live_presence" (
  "connection_id" UUID PRIMARY KEY,
  "user_id" UUID NOT NULL REFERENCES "users" ("id") ON DELETE CASCADE,
  "topic" TEXT NOT NULL,
  "editing_at" TIMESTAMPTZ(3),
  "last_seen_at" TIMESTAMPTZ(3) NOT NULL DEFAULT now()
);
CREATE INDEX "live_presence_topic_idx" ON "live_presence" ("topic", "last_seen_at");
