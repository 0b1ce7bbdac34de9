import type { Tx } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { refuseChangedQuotes } from "@/lib/sources/refuse-changed-quotes";

/**
 * Inside the approval of a verdict revision, the verdict locked. A revision whose snapshot quotes a
 * passage listed in the verdict's open source-change item is refused: approving it would approve
 * text the source no longer says. A revision that quotes every changed article as it is now (or no
 * longer quotes it) went through review with the new text, so its approval closes the item.
 */
export async function closeSourceChangeByRevision(tx: Tx, actor: Actor, verdictId: string, revision: { id: string; number: number }): Promise<void> {
  const { item, snapshot } = await refuseChangedQuotes(tx, verdictId, revision, "approved");
  if (!item) return;
  const quoted = snapshot.passages;
  const quotesNewText = item.passages.every((changed) =>
    quoted.every((passage) => passage.article.id !== changed.articleRevision.articleId || passage.article.revisionNumber >= changed.articleRevision.number),
  );
  if (!quotesNewText) return;

  await tx.sourceChangeItem.update({
    where: { id: item.id },
    data: { status: "revised", resolvedById: actor.id, resolvedAt: new Date(), resolvedByRevisionId: revision.id, version: { increment: 1 } },
  });
  await recordAuditEvent(tx, actor, {
    action: "source_change.revised",
    entityType: "source_change_item",
    entityId: item.id,
    before: { status: item.status, version: item.version },
    after: { status: "revised", version: item.version + 1, verdictId, revisionId: revision.id, revisionNumber: revision.number },
  });
}
