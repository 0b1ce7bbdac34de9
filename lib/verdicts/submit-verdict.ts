import { z } from "zod";
import { getDb } from "@/lib/db";
import { requirePermission, type Actor } from "@/lib/auth/actor";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { conflict, illegalTransition, notFound, refuse } from "@/lib/errors";
import { missingForSubmission } from "@/lib/verdicts/verdict-input";
import { lockVerdict } from "@/lib/verdicts/lock-verdict";
import { parseInput } from "@/lib/validation";
import { takeFactCheckSnapshot } from "@/lib/publishing/take-fact-check-snapshot";

export const submitVerdictSchema = z.object({
  verdictId: z.uuid(),
  expectedVersion: z.number().int().min(1),
});

/**
 * Freezes the draft into an immutable revision, with a snapshot of everything its public page would
 * show (claim, quoted passages, related fact-checks), and puts it in the review queue. Everyone who
 * saved the draft since the last submission, and the submitter, are its authors: none may review it.
 */
export async function submitVerdict(actor: Actor, rawInput: z.input<typeof submitVerdictSchema>) {
  requirePermission(actor, "verdicts.submit");
  const input = parseInput(submitVerdictSchema, rawInput);
  return getDb().$transaction(async (tx) => {
    await lockVerdict(tx, { id: input.verdictId });
    const verdict = await tx.verdict.findUnique({ where: { id: input.verdictId } });
    if (!verdict) throw notFound("verdict");
    if (verdict.version !== input.expectedVersion) {
      throw conflict({ key: "verdictChangedBeforeSubmit" });
    }
    if (verdict.status !== "draft" && verdict.status !== "changes_requested") {
      throw illegalTransition({ key: "cannotSubmitStatus", params: { status: verdict.status } });
    }
    const missing = missingForSubmission({
      rating: verdict.draftRating,
      headline: verdict.draftHeadline,
      summary: verdict.draftSummary,
      explanation: verdict.draftExplanation,
    });
    if (missing.length > 0) throw refuse("invalid", { key: "missingForSubmission" }, undefined, missing);

    const number = (await tx.verdictRevision.count({ where: { verdictId: verdict.id } })) + 1;
    const revision = await tx.verdictRevision.create({
      data: {
        verdictId: verdict.id,
        number,
        rating: verdict.draftRating!,
        headline: verdict.draftHeadline,
        summary: verdict.draftSummary,
        explanation: verdict.draftExplanation,
        authorId: actor.id,
      },
    });
    const authorIds = [...new Set([...verdict.draftContributorIds, actor.id])];
    await tx.verdictRevisionAuthor.createMany({ data: authorIds.map((userId) => ({ verdictRevisionId: revision.id, userId })) });
    const snapshot = await takeFactCheckSnapshot(tx, verdict.claimId);
    await tx.factCheckSnapshot.create({ data: { verdictRevisionId: revision.id, content: snapshot } });
    const updated = await tx.verdict.updateMany({
      where: { id: verdict.id, version: verdict.version },
      data: { status: "in_review", currentRevisionId: revision.id, draftContributorIds: [], version: { increment: 1 } },
    });
    if (updated.count !== 1) throw conflict({ key: "verdictChangedWhileSubmitting" });
    await recordAuditEvent(tx, actor, {
      action: "verdict.submitted",
      entityType: "verdict",
      entityId: verdict.id,
      before: { status: verdict.status },
      after: { status: "in_review", revisionId: revision.id, revisionNumber: number, authorIds },
    });
    return { verdictId: verdict.id, revisionId: revision.id, revisionNumber: number, version: verdict.version + 1 };
  });
}
