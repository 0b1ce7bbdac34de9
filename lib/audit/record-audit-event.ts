import type { Prisma } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { recordWorkbenchChanges } from "@/lib/live/record-workbench-change";

// Typed audit event names: one per state change a use case makes (the audit log page filters by them).
export const AUDIT_ACTIONS = [
  "article.imported",
  "article.revised",
  "article.details_updated",
  "claim.created",
  "claim.updated",
  "passage.added",
  "passage.confirmed",
  "passage.reattached",
  "passage.removed",
  "relation.created",
  "relation.removed",
  "verdict.draft_saved",
  "verdict.submitted",
  "verdict.changes_requested",
  "verdict.approved",
  "verdict.published",
  "verdict.corrected",
  "comment.posted",
  "thread.resolved",
  "thread.reopened",
  "claim.assigned",
  "claim.unassigned",
  "verdict.reviewer_assigned",
  "verdict.reviewer_unassigned",
  "notifications.marked_read",
  "source_change.raised",
  "source_change.confirmed",
  "source_change.revised",
  "user.created",
  "user.role_changed",
  "user.status_changed",
  "user.signed_out_everywhere",
  "user.invited",
  "user.reset_link_created",
  "user.password_changed",
  "user.password_reset",
  "user.interface_language_set",
  "exchange.imported",
  "exchange.archive_imported",
  "rating_mapping.saved",
  "rating_mapping.removed",
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** The kinds of record an audit row names (its entity_type), with the words the audit log shows. */
export const AUDITED_RECORD_KINDS = {
  article: "Article",
  claim: "Claim",
  passage: "Passage",
  claim_relation: "Link between claims",
  verdict: "Verdict",
  publication: "Publication",
  source_change_item: "Source change",
  discussion_thread: "Discussion thread",
  user: "User",
  account_link: "Invitation or reset link",
  exchange_import: "Import of fact-checks (other newsrooms' or our archive)",
  rating_mapping: "Rating mapping",
} as const;
export type AuditedRecordKind = keyof typeof AUDITED_RECORD_KINDS;

type Snapshot = Prisma.InputJsonValue | undefined;
type AuditActor = (Pick<Actor, "id"> & { requestId?: string | null }) | null;
type AuditEvent = { action: AuditAction; entityType: AuditedRecordKind; entityId: string; before?: Snapshot; after?: Snapshot };

/**
 * Writes one append-only audit row; always called inside the transaction of the change. It also
 * names the workbench pages the change shows on, for the live stream (lib/live).
 */
export function recordAuditEvent(tx: Tx, actor: AuditActor, event: AuditEvent): Promise<void> {
  return recordAuditEvents(tx, actor, [event]);
}

/**
 * As recordAuditEvent, for many changes made in one transaction (a batch import, ADR 0016): the rows
 * in one insert, and one live-stream row naming every page they show on.
 */
export async function recordAuditEvents(tx: Tx, actor: AuditActor, events: AuditEvent[]): Promise<void> {
  if (events.length === 0) return;
  await tx.auditEvent.createMany({
    data: events.map((event) => ({
      actorId: actor?.id ?? null,
      requestId: actor?.requestId ?? null,
      action: event.action,
      entityType: event.entityType,
      entityId: event.entityId,
      before: event.before,
      after: event.after,
    })),
  });
  await recordWorkbenchChanges(tx, actor?.id ?? null, events);
}
