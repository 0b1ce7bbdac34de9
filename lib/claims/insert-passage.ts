import type { Tx } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { invalid, notFound } from "@/lib/errors";
import { createSelectors } from "@/lib/anchoring/create-selectors";

export type NewPassage = { articleRevisionId: string; start: number; end: number; exact: string };

/**
 * Inside the caller's transaction: attaches text[start, end) of an article revision to a claim,
 * refusing offsets outside the text or a quote that is not what the text says there.
 */
export async function insertPassage(tx: Tx, actor: Actor, claimId: string, input: NewPassage): Promise<{ id: string }> {
  const revision = await tx.articleRevision.findUnique({
    where: { id: input.articleRevisionId },
    select: { id: true, articleId: true, text: true, article: { select: { deletedAt: true } } },
  });
  if (!revision || revision.article.deletedAt) throw notFound("articleRevision");
  const result = createSelectors(revision.text, input.start, input.end, input.exact);
  if (!result.ok) throw invalid(result.refusal);
  const { quote, position } = result.selectors;
  const passage = await tx.passage.create({
    data: {
      claimId,
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
    after: { claimId, articleRevisionId: revision.id, start: position.start, end: position.end, exact: quote.exact },
  });
  return { id: passage.id };
}
