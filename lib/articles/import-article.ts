import { z } from "zod";
import { getDb } from "@/lib/db";
import { requirePermission, type Actor } from "@/lib/auth/actor";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { invalid } from "@/lib/errors";
import { parseArticle, type ProposedDetails } from "@/lib/articles/parse-article";
import { articleDetailsOf } from "@/lib/articles/article-details";
import { dateInput, languageCode, parseInput } from "@/lib/validation";

/** What an editor may correct before saving; anything left out is taken from the text. */
export const articleDetailsSchema = z.object({
  title: z.string().trim().min(1).max(300).optional(),
  outlet: z.string().trim().max(120).optional(),
  author: z.string().trim().max(200).optional(),
  url: z.url({ protocol: /^https?$/ }).max(2000).optional(),
  language: languageCode.optional(),
  publishedAt: dateInput("the publication date").optional(),
  sourceUpdatedAt: dateInput("the date the outlet updated it").optional(),
});
export type ArticleDetails = z.input<typeof articleDetailsSchema>;

/**
 * The date form field sends a day (midnight UTC); when it is the proposed instant's day, the
 * proposal's time of day (from an HTML page) is kept rather than lost.
 */
function keepProposedTime(typed: Date | undefined, proposed: Date | null): Date | null {
  if (!typed) return proposed;
  const iso = typed.toISOString();
  return proposed && iso.endsWith("T00:00:00.000Z") && proposed.toISOString().slice(0, 10) === iso.slice(0, 10) ? proposed : typed;
}

/** The article's details: what the editor typed, else what the text proposes. */
export function articleFieldsOf(details: z.output<typeof articleDetailsSchema>, metadata: ProposedDetails) {
  return {
    title: details.title ?? metadata.title,
    outlet: details.outlet ?? metadata.outlet,
    author: details.author ?? metadata.author,
    url: details.url ?? metadata.url,
    language: details.language ?? metadata.language,
    publishedAt: keepProposedTime(details.publishedAt, metadata.publishedAt),
    sourceUpdatedAt: keepProposedTime(details.sourceUpdatedAt, metadata.updatedAt),
  };
}

export type ImportArticleResult =
  | { status: "imported"; articleId: string; revisionId: string; title: string }
  | { status: "duplicate"; articleId: string; title: string };

/**
 * Imports one article: the raw bytes are kept exactly, the normalised text is what passages point
 * into. The same normalised text imported again is recognised and not stored twice.
 */
export async function importArticle(
  actor: Actor,
  input: { bytes: Uint8Array; mediaType: string; details?: ArticleDetails },
): Promise<ImportArticleResult> {
  requirePermission(actor, "articles.write");
  const details = parseInput(articleDetailsSchema, input.details ?? {});
  const parsed = await parseArticle(input.bytes, input.mediaType);
  if (!parsed.ok) throw invalid(parsed.refusal);

  return getDb().$transaction(async (tx) => {
    // Serialise imports of the same text so that two uploads at once cannot both pass the check.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${parsed.textHash}, 0))`;
    const existing = await tx.articleRevision.findFirst({
      where: { textHash: parsed.textHash, article: { deletedAt: null } },
      select: { article: { select: { id: true, title: true } } },
    });
    if (existing) return { status: "duplicate", articleId: existing.article.id, title: existing.article.title };

    const article = await tx.article.create({
      data: { ...articleFieldsOf(details, parsed.metadata), createdById: actor.id },
    });
    const revision = await tx.articleRevision.create({
      data: {
        articleId: article.id,
        number: 1,
        raw: new Uint8Array(input.bytes),
        rawMediaType: input.mediaType,
        text: parsed.text,
        textHash: parsed.textHash,
        createdById: actor.id,
      },
    });
    await recordAuditEvent(tx, actor, {
      action: "article.imported",
      entityType: "article",
      entityId: article.id,
      after: {
        ...articleDetailsOf(article),
        revisionId: revision.id,
        textHash: parsed.textHash,
      },
    });
    return { status: "imported", articleId: article.id, revisionId: revision.id, title: article.title };
  });
}
