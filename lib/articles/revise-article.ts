import { z } from "zod";
import { getDb } from "@/lib/db";
import { requirePermission, type Actor } from "@/lib/auth/actor";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { conflict, invalid, notFound } from "@/lib/errors";
import { parseArticle } from "@/lib/articles/parse-article";
import { reanchor } from "@/lib/anchoring/reanchor";
import { createSelectors } from "@/lib/anchoring/create-selectors";
import { parseInput } from "@/lib/validation";
import { raiseSourceChanges, type ReanchoredPassage } from "@/lib/sources/raise-source-changes";

export const reviseArticleSchema = z.object({
  articleId: z.uuid(),
  /** The revision the editor was looking at: a newer one in the meantime is a conflict. */
  expectedRevisionNumber: z.number().int().min(1),
});

export type ReanchorSummary = { anchored: number; moved: number; fuzzy: number; orphaned: number };

/**
 * Gives an article a new revision (the outlet updated its story). Every passage of the current
 * revision is re-anchored into the new text as a new passage row linked to the old one: kept,
 * moved, fuzzy (with a confidence) or orphaned, never silently put in a doubtful place.
 * The earlier revision and its passages stay as they were.
 */
export async function reviseArticle(
  actor: Actor,
  rawInput: z.input<typeof reviseArticleSchema> & { bytes: Uint8Array; mediaType: string },
): Promise<{ revisionId: string; revisionNumber: number; summary: ReanchorSummary }> {
  requirePermission(actor, "articles.write");
  const input = parseInput(reviseArticleSchema, rawInput);
  const parsed = await parseArticle(rawInput.bytes, rawInput.mediaType);
  if (!parsed.ok) throw invalid(parsed.reason);

  return getDb().$transaction(async (tx) => {
    await tx.$executeRaw`SELECT 1 FROM articles WHERE id = ${input.articleId}::uuid FOR UPDATE`;
    const article = await tx.article.findUnique({
      where: { id: input.articleId },
      include: { revisions: { orderBy: { number: "desc" }, take: 1, include: { passages: true } } },
    });
    if (!article || article.deletedAt) throw notFound("The article");
    const current = article.revisions[0];
    if (!current) throw notFound("The article's text");
    if (current.number !== input.expectedRevisionNumber) {
      throw conflict(`Someone saved revision ${current.number} of this article after you opened it; look at it first.`);
    }
    if (current.textHash === parsed.textHash) throw invalid("The new text is identical to the current revision.");

    const revision = await tx.articleRevision.create({
      data: {
        articleId: article.id,
        number: current.number + 1,
        raw: new Uint8Array(rawInput.bytes),
        rawMediaType: rawInput.mediaType,
        text: parsed.text,
        textHash: parsed.textHash,
        createdById: actor.id,
      },
    });

    const summary: ReanchorSummary = { anchored: 0, moved: 0, fuzzy: 0, orphaned: 0 };
    const reanchored: ReanchoredPassage[] = [];
    for (const passage of current.passages) {
      const anchor =
        passage.start === null || passage.end === null
          ? ({ status: "orphaned", confidence: 0 } as const)
          : reanchor(parsed.text, { exact: passage.exact, prefix: passage.prefix, suffix: passage.suffix, start: passage.start, end: passage.end });
      summary[anchor.status]++;
      const base = { claimId: passage.claimId, articleId: article.id, articleRevisionId: revision.id, previousPassageId: passage.id, createdById: actor.id };
      if (anchor.status === "orphaned") {
        // The stored quote stays, so the editor can see what was lost and re-attach it.
        const lost = await tx.passage.create({ data: { ...base, exact: passage.exact, prefix: passage.prefix, suffix: passage.suffix, status: "orphaned", confidence: anchor.confidence } });
        reanchored.push({ before: passage, after: lost });
        continue;
      }
      const placed = createSelectors(parsed.text, anchor.start, anchor.end);
      if (!placed.ok) throw new Error(`re-anchoring returned an invalid range: ${placed.reason}`);
      const { quote, position } = placed.selectors;
      const placedPassage = await tx.passage.create({
        data: {
          ...base,
          exact: quote.exact,
          prefix: quote.prefix,
          suffix: quote.suffix,
          start: position.start,
          end: position.end,
          status: anchor.status,
          confidence: anchor.confidence,
        },
      });
      reanchored.push({ before: passage, after: placedPassage });
    }
    // Fact-checks that quote a passage this revision changed, moved or lost need a decision.
    await raiseSourceChanges(tx, actor, { articleId: article.id, articleRevisionId: revision.id, text: parsed.text, passages: reanchored });

    await tx.article.update({ where: { id: article.id }, data: { version: { increment: 1 } } });
    await recordAuditEvent(tx, actor, {
      action: "article.revised",
      entityType: "article",
      entityId: article.id,
      before: { revisionId: current.id, revisionNumber: current.number },
      after: { revisionId: revision.id, revisionNumber: revision.number, textHash: parsed.textHash, reanchored: summary },
    });
    return { revisionId: revision.id, revisionNumber: revision.number, summary };
  });
}
