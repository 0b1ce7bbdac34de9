import { getDb } from "@/lib/db";
import { requirePermission, type Actor } from "@/lib/auth/actor";
import type { VerdictStatus } from "@/lib/generated/prisma/enums";

export type AssignedItem = {
  claimId: string;
  statement: string;
  verdictStatus: VerdictStatus | null;
  /** What the person was assigned: the claim (editing) or its verdict (reviewing). */
  as: "editor" | "reviewer";
  /** Where the next step happens. */
  href: string;
  /** True when the next step is theirs: write or fix the verdict, review it, or publish it. */
  waitingForMe: boolean;
};
export type AssignmentQueues = { assignedToMe: AssignedItem[]; waitingForMe: AssignedItem[] };

const EDITOR_TURN: ReadonlySet<VerdictStatus | null> = new Set([null, "draft", "changes_requested"]);

/** "Assigned to me" (everything not yet published) and its subset "Waiting for me". */
export async function getAssignmentQueues(actor: Actor): Promise<AssignmentQueues> {
  requirePermission(actor, "workbench.access");
  const db = getDb();
  const [claimRows, verdictRows] = await Promise.all([
    db.claimAssignment.findMany({ where: { assigneeId: actor.id }, orderBy: { assignedAt: "desc" }, take: 200 }),
    db.verdictAssignment.findMany({ where: { assigneeId: actor.id }, orderBy: { assignedAt: "desc" }, take: 200 }),
  ]);
  const [claims, verdicts] = await Promise.all([
    db.claim.findMany({
      where: { id: { in: claimRows.map((row) => row.claimId) } },
      select: { id: true, statement: true, verdict: { select: { status: true } } },
    }),
    db.verdict.findMany({
      where: { id: { in: verdictRows.map((row) => row.verdictId) } },
      select: {
        id: true,
        status: true,
        claim: { select: { id: true, statement: true } },
        currentRevision: { select: { id: true, authors: { where: { userId: actor.id }, select: { userId: true } } } },
      },
    }),
  ]);
  const claimOf = new Map(claims.map((claim) => [claim.id, claim]));
  const verdictOf = new Map(verdicts.map((verdict) => [verdict.id, verdict]));
  const items: AssignedItem[] = [];
  for (const row of claimRows) {
    const claim = claimOf.get(row.claimId);
    const status = claim?.verdict?.status ?? null;
    if (!claim || status === "published") continue;
    items.push({
      claimId: claim.id,
      statement: claim.statement,
      verdictStatus: status,
      as: "editor",
      href: EDITOR_TURN.has(status) ? `/workbench/claims/${claim.id}/verdict` : `/workbench/claims/${claim.id}`,
      waitingForMe: EDITOR_TURN.has(status),
    });
  }
  for (const row of verdictRows) {
    const verdict = verdictOf.get(row.verdictId);
    if (!verdict || verdict.status === "published") continue;
    const myOwn = (verdict.currentRevision?.authors.length ?? 0) > 0;
    const reviewable = verdict.currentRevision !== null && ((verdict.status === "in_review" && !myOwn) || verdict.status === "approved");
    items.push({
      claimId: verdict.claim.id,
      statement: verdict.claim.statement,
      verdictStatus: verdict.status,
      as: "reviewer",
      href: reviewable ? `/workbench/review/${verdict.currentRevision!.id}` : `/workbench/claims/${verdict.claim.id}`,
      waitingForMe: reviewable,
    });
  }
  return { assignedToMe: items, waitingForMe: items.filter((item) => item.waitingForMe) };
}
