import { z } from "zod";
import { getDb } from "@/lib/db";
import { requirePermission, type Actor } from "@/lib/auth/actor";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { conflict, illegalTransition, notFound, postgresCode } from "@/lib/errors";
import { verdictContentSchema } from "@/lib/verdicts/verdict-input";
import { lockVerdict } from "@/lib/verdicts/lock-verdict";
import { parseInput } from "@/lib/validation";

export const saveVerdictDraftSchema = verdictContentSchema.extend({
  claimId: z.uuid(),
  /** The version the editor started from; null when they started a new verdict. */
  expectedVersion: z.number().int().min(1).nullable(),
});
export type SaveVerdictDraftInput = z.input<typeof saveVerdictDraftSchema>;

/**
 * Saves the working draft of a claim's verdict. The second of two concurrent writers gets a
 * conflict carrying both versions, never a silent overwrite. Editing an approved or published
 * verdict starts a new draft: an approval covers exactly the revision it names.
 */
export async function saveVerdictDraft(actor: Actor, rawInput: SaveVerdictDraftInput) {
  requirePermission(actor, "verdicts.draft");
  const input = parseInput(saveVerdictDraftSchema, rawInput);
  const content = {
    draftRating: input.rating,
    draftHeadline: input.headline,
    draftSummary: input.summary,
    draftExplanation: input.explanation,
  };
  try {
    return await getDb().$transaction(async (tx) => {
      const claim = await tx.claim.findUnique({ where: { id: input.claimId }, select: { id: true } });
      if (!claim) throw notFound("claim");
      await lockVerdict(tx, { claimId: claim.id });
      const current = await tx.verdict.findUnique({ where: { claimId: claim.id } });

      if (!current) {
        if (input.expectedVersion !== null) throw notFound("verdict");
        const created = await tx.verdict.create({ data: { claimId: claim.id, createdById: actor.id, draftContributorIds: [actor.id], ...content } });
        await recordAuditEvent(tx, actor, {
          action: "verdict.draft_saved",
          entityType: "verdict",
          entityId: created.id,
          after: { status: created.status, ...content },
        });
        return { verdictId: created.id, version: created.version, status: created.status };
      }

      const stale = () =>
        conflict({ key: "verdictSavedMeanwhile" }, {
          theirs: {
            version: current.version,
            status: current.status,
            rating: current.draftRating,
            headline: current.draftHeadline,
            summary: current.draftSummary,
            explanation: current.draftExplanation,
          },
          yours: { rating: input.rating, headline: input.headline, summary: input.summary, explanation: input.explanation },
        });
      if (input.expectedVersion !== current.version) throw stale();
      if (current.status === "in_review") {
        throw illegalTransition({ key: "verdictInReview" });
      }
      const updated = await tx.verdict.updateMany({
        where: { id: current.id, version: current.version },
        // Whoever saves a draft becomes an author of the revision it turns into (four eyes).
        data: {
          ...content,
          status: "draft",
          draftContributorIds: current.draftContributorIds.includes(actor.id) ? undefined : { push: actor.id },
          version: { increment: 1 },
        },
      });
      if (updated.count !== 1) throw stale();
      await recordAuditEvent(tx, actor, {
        action: "verdict.draft_saved",
        entityType: "verdict",
        entityId: current.id,
        before: {
          status: current.status,
          draftRating: current.draftRating,
          draftHeadline: current.draftHeadline,
          draftSummary: current.draftSummary,
          draftExplanation: current.draftExplanation,
        },
        after: { status: "draft", ...content },
      });
      return { verdictId: current.id, version: current.version + 1, status: "draft" as const };
    });
  } catch (error) {
    // Two first drafts at once: the unique claim_id lets only one verdict exist.
    if (postgresCode(error) === "23505") {
      throw conflict({ key: "verdictStartedMeanwhile" });
    }
    throw error;
  }
}
