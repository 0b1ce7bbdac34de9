-- The audit log page (lib/audit/list-audit-events.ts) lists audit rows newest first, in pages keyed by
-- (created_at, id), filtered by person, action or kind of record and by day. Each filter gets an
-- index in that order, so a page is a short index range scan at a million rows too; the plain
-- (created_at) index gives way to (created_at, id), which also serves the day filter alone.
DROP INDEX "audit_events_created_at_idx";
CREATE INDEX "audit_events_created_at_id_idx" ON "audit_events" ("created_at", "id");
CREATE INDEX "audit_events_actor_id_created_at_id_idx" ON "audit_events" ("actor_id", "created_at", "id");
CREATE INDEX "audit_events_action_created_at_id_idx" ON "audit_events" ("action", "created_at", "id");
CREATE INDEX "audit_events_entity_type_created_at_id_idx" ON "audit_events" ("entity_type", "created_at", "id");
