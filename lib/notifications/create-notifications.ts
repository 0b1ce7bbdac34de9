import type { Tx } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import type { NotificationKind } from "@/lib/generated/prisma/enums";

export type Notice = {
  kind: NotificationKind;
  recipientIds: readonly string[];
  claimId: string;
  threadId?: string;
  verdictRevisionId?: string;
  /** A short reminder of what happened (a comment's first words); shown only in the recipient's inbox. */
  excerpt?: string;
};

const EXCERPT_CHARS = 160;

/**
 * Writes one notification per recipient, inside the transaction of the write that causes it. Nobody
 * is told about their own act, and only active people get notices. Returns who was notified.
 */
export async function createNotifications(tx: Tx, actor: Pick<Actor, "id">, notice: Notice): Promise<string[]> {
  const wanted = [...new Set(notice.recipientIds)].filter((id) => id !== actor.id);
  if (wanted.length === 0) return [];
  const active = await tx.user.findMany({ where: { id: { in: wanted }, status: "active" }, select: { id: true } });
  const recipients = active.map((user) => user.id);
  const excerpt = notice.excerpt && notice.excerpt.length > EXCERPT_CHARS ? `${notice.excerpt.slice(0, EXCERPT_CHARS - 1)}…` : (notice.excerpt ?? "");
  await tx.notification.createMany({
    data: recipients.map((recipientId) => ({
      recipientId,
      kind: notice.kind,
      actorId: actor.id,
      claimId: notice.claimId,
      threadId: notice.threadId ?? null,
      verdictRevisionId: notice.verdictRevisionId ?? null,
      excerpt,
    })),
  });
  return recipients;
}
