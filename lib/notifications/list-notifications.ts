import { z } from "zod";
import { getDb } from "@/lib/db";
import { requirePermission, type Actor } from "@/lib/auth/actor";
import type { NotificationKind } from "@/lib/generated/prisma/enums";
import { decodeTimeCursor, encodeTimeCursor } from "@/lib/time-cursor";
import { parseInput } from "@/lib/validation";

export const listNotificationsSchema = z.object({
  unreadOnly: z.boolean().default(false),
  /** lib/time-cursor.ts: the last row of the previous page. */
  cursor: z.string().max(100).optional(),
  limit: z.number().int().min(1).max(100).default(30),
});

export type InboxItem = {
  id: string;
  kind: NotificationKind;
  actorName: string | null;
  claimId: string;
  claimStatement: string;
  href: string;
  excerpt: string;
  read: boolean;
  createdAt: Date;
};

/** The signed-in person's notifications, newest first, with where each leads. */
export async function listNotifications(actor: Actor, rawInput: z.input<typeof listNotificationsSchema>): Promise<{ items: InboxItem[]; nextCursor: string | null }> {
  requirePermission(actor, "notifications.read");
  const input = parseInput(listNotificationsSchema, rawInput);
  const after = input.cursor ? decodeTimeCursor(input.cursor) : null;
  const db = getDb();
  const rows = await db.notification.findMany({
    where: {
      recipientId: actor.id,
      ...(input.unreadOnly ? { readAt: null } : {}),
      ...(after ? { OR: [{ createdAt: { lt: after.at } }, { createdAt: after.at, id: { lt: after.id } }] } : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: input.limit + 1,
  });
  const page = rows.slice(0, input.limit);
  const [people, claims, threads] = await Promise.all([
    db.user.findMany({ where: { id: { in: page.flatMap((row) => (row.actorId ? [row.actorId] : [])) } }, select: { id: true, name: true } }),
    db.claim.findMany({ where: { id: { in: page.map((row) => row.claimId) } }, select: { id: true, statement: true } }),
    db.discussionThread.findMany({ where: { id: { in: page.flatMap((row) => (row.threadId ? [row.threadId] : [])) } }, select: { id: true, verdictRevisionId: true } }),
  ]);
  const nameOf = new Map(people.map((person) => [person.id, person.name]));
  const statementOf = new Map(claims.map((claim) => [claim.id, claim.statement]));
  const revisionOfThread = new Map(threads.map((thread) => [thread.id, thread.verdictRevisionId]));
  const items = page.map((row): InboxItem => {
    const threadRevision = row.threadId ? revisionOfThread.get(row.threadId) : null;
    const href = row.threadId
      ? `${threadRevision ? `/workbench/review/${threadRevision}` : `/workbench/claims/${row.claimId}`}#thread-${row.threadId}`
      : row.kind === "verdict_assigned" && row.verdictRevisionId
        ? `/workbench/review/${row.verdictRevisionId}`
        : row.kind === "claim_assigned" || row.kind === "source_change"
          ? `/workbench/claims/${row.claimId}`
          : `/workbench/claims/${row.claimId}/verdict`;
    return {
      id: row.id,
      kind: row.kind,
      actorName: row.actorId ? (nameOf.get(row.actorId) ?? null) : null,
      claimId: row.claimId,
      claimStatement: statementOf.get(row.claimId) ?? "",
      href,
      excerpt: row.excerpt,
      read: row.readAt !== null,
      createdAt: row.createdAt,
    };
  });
  const last = page.at(-1);
  return { items, nextCursor: rows.length > input.limit && last ? encodeTimeCursor(last.createdAt, last.id) : null };
}
