import { z } from "zod";
import { getDb } from "@/lib/db";
import { requirePermission, type Actor } from "@/lib/auth/actor";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { conflict, invalid, notFound, postgresCode } from "@/lib/errors";
import { createSelectors } from "@/lib/anchoring/create-selectors";
import { parseInput } from "@/lib/validation";

export const passageInputSchema = z.object({
  claimId: z.uuid(),
  articleRevisionId: z.uuid(),
  start: z.number().int().min(0),
  end: z.number().int().min(1),
  /** The text the editor selected; refused when it is not what the article says at that place. */
  exact: z.string().min(1).max(5000),
});
export type PassageInput = z.infer<typeof passageInputSchema>;

/** Attaches a passage of an article revision to a claim, with both W3C selectors. */
export async function addPassage(actor: Actor, rawInput: PassageInput): Promise<{ id: string }> {
  requirePermission(actor, "claims.write");
  const input = parseInput(passageInputSchema, rawInput);
  const db = getDb();
  try {
    return await db.$transaction(async (tx) => {
      const [claim, revision] = await Promise.all([
        tx.claim.findUnique({ where: { id: input.claimId }, select: { id: true } }),
        tx.articleRevision.findUnique({
          where: { id: input.articleRevisionId },
          select: { id: true, articleId: true, text: true, article: { select: { deletedAt: true } } },
        }),
      ]);
      if (!claim) throw notFound("The claim");
      if (!revision || revision.article.deletedAt) throw notFound("The article revision");
      const result = createSelectors(revision.text, input.start, input.end, input.exact);
      if (!result.ok) throw invalid(result.reason);
      const { quote, position } = result.selectors;
      const passage = await tx.passage.create({
        data: {
          claimId: claim.id,
          articleId: revision.articleId,
          articleRevisionId: revision.id,
          exact: quote.exact,
          prefix: quote.prefix,
          suffix: quote.suffix,
          start: position.start,
          end: position.end,
          createdById: actor.id,
        },
      });
      await recordAuditEvent(tx, actor, {
        action: "passage.added",
        entityType: "passage",
        entityId: passage.id,
        after: { claimId: claim.id, articleRevisionId: revision.id, start: position.start, end: position.end, exact: quote.exact },
      });
      return { id: passage.id };
    });
  } catch (error) {
    if (postgresCode(error) === "23505") throw conflict("This passage is already attached to the claim.");
    throw error;
  }
}
