import { z } from "zod";
import { getDb } from "@/lib/db";
import { requirePermission, type Actor } from "@/lib/auth/actor";
import { fieldChanges } from "@/lib/audit/field-changes";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { conflict, notFound } from "@/lib/errors";
import { articleDetailsOf, type ArticleDetailFields } from "@/lib/articles/article-details";
import { blankToUndefined, dayInput, languageCode, parseInput, reason } from "@/lib/validation";

// Same bounds as the details an import accepts (import-article.ts).
export const updateArticleDetailsSchema = z.object({
  articleId: z.uuid(),
  /** The version the editor started from: a newer one in the meantime is a conflict. */
  expectedVersion: z.coerce.number().int().min(1),
  title: z.string().trim().min(1, reason("articleNeedsTitle")).max(300),
  outlet: z.preprocess(blankToUndefined, z.string().trim().max(120).optional()),
  author: z.preprocess(blankToUndefined, z.string().trim().max(200).optional()),
  url: z.preprocess(blankToUndefined, z.url({ protocol: /^https?$/, error: reason("badUrl") }).max(2000).optional()),
  language: languageCode,
  /** Days: the form edits the date, not the time of day. */
  publishedAt: z.preprocess(blankToUndefined, dayInput("the publication date").optional()),
  sourceUpdatedAt: z.preprocess(blankToUndefined, dayInput("the date the outlet updated it").optional()),
});
export type UpdateArticleDetailsInput = z.input<typeof updateArticleDetailsSchema>;

/** A day typed in the form as an instant: the saved one when it falls on that day (an HTML page gives the time of day), else midnight UTC. */
function instantOn(day: string | undefined, saved: string | null): string | null {
  if (day === undefined) return null;
  return saved?.slice(0, 10) === day ? saved : `${day}T00:00:00.000Z`;
}

/**
 * Corrects an article's details (title, outlet, author(s), address, language, publication date and
 * the date the outlet last updated it)
 * after import, with an optimistic version: the second of two concurrent editors gets a conflict
 * carrying the saved values, never a silent overwrite. The revisions' text is never touched, and
 * published fact-checks keep the article details frozen in their snapshots, so no reader page changes.
 */
export async function updateArticleDetails(
  actor: Actor,
  rawInput: UpdateArticleDetailsInput,
): Promise<{ id: string; version: number; changed: boolean }> {
  requirePermission(actor, "articles.write");
  const input = parseInput(updateArticleDetailsSchema, rawInput);

  return getDb().$transaction(async (tx) => {
    const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id::text FROM articles WHERE id = ${input.articleId}::uuid AND deleted_at IS NULL FOR UPDATE`;
    if (locked.length === 0) throw notFound("article");
    const article = await tx.article.findUniqueOrThrow({ where: { id: input.articleId } });
    const saved = articleDetailsOf(article);
    const next: ArticleDetailFields = {
      title: input.title,
      outlet: input.outlet ?? null,
      author: input.author ?? null,
      url: input.url ?? null,
      language: input.language,
      publishedAt: instantOn(input.publishedAt, saved.publishedAt),
      sourceUpdatedAt: instantOn(input.sourceUpdatedAt, saved.sourceUpdatedAt),
    };
    if (article.version !== input.expectedVersion) {
      throw conflict(
        { key: "articleChangedMeanwhile", params: { version: article.version } },
        { theirs: { version: article.version, ...saved }, yours: next },
      );
    }

    const changes = fieldChanges(saved, next);
    if (changes.fields.length === 0) return { id: article.id, version: article.version, changed: false };

    const updated = await tx.article.update({
      where: { id: article.id },
      data: {
        title: next.title,
        outlet: next.outlet,
        author: next.author,
        url: next.url,
        language: next.language,
        publishedAt: next.publishedAt === null ? null : new Date(next.publishedAt),
        sourceUpdatedAt: next.sourceUpdatedAt === null ? null : new Date(next.sourceUpdatedAt),
        version: { increment: 1 },
      },
    });
    await recordAuditEvent(tx, actor, {
      action: "article.details_updated",
      entityType: "article",
      entityId: article.id,
      before: { version: article.version, ...changes.before },
      after: { version: updated.version, ...changes.after },
    });
    return { id: article.id, version: updated.version, changed: true };
  });
}
