import type { Tx } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { createNotifications } from "@/lib/notifications/create-notifications";

type VerdictNoticeKind = "verdict_approved" | "verdict_changes_requested" | "verdict_published" | "source_change";

/**
 * Tells the people whose fact-check this is (every author of its revisions, and whoever saved its
 * working draft since) about a decision on it or a change in its sources. Inside the caller's transaction.
 */
export async function notifyVerdictAuthors(
  tx: Tx,
  actor: Pick<Actor, "id">,
  event: { kind: VerdictNoticeKind; verdictId: string; revisionId?: string | null; excerpt?: string },
): Promise<void> {
  const verdict = await tx.verdict.findUniqueOrThrow({
    where: { id: event.verdictId },
    select: { claimId: true, draftContributorIds: true, revisions: { select: { authorId: true, authors: { select: { userId: true } } } } },
  });
  const authors = verdict.revisions.flatMap((revision) => [revision.authorId, ...revision.authors.map((author) => author.userId)]);
  await createNotifications(tx, actor, {
    kind: event.kind,
    recipientIds: [...authors, ...verdict.draftContributorIds],
    claimId: verdict.claimId,
    verdictRevisionId: event.revisionId ?? undefined,
    excerpt: event.excerpt,
  });
}
