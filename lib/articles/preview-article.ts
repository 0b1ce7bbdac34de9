import { getDb } from "@/lib/db";
import { requirePermission, type Actor } from "@/lib/auth/actor";
import { invalid } from "@/lib/errors";
import { parseArticle } from "@/lib/articles/parse-article";

export type ArticlePreview = {
  title: string;
  outlet: string | null;
  author: string | null;
  url: string | null;
  publishedAt: string | null;
  /** When the outlet last changed it, from an HTML page only. */
  sourceUpdatedAt: string | null;
  language: string;
  characters: number;
  duplicateOf: { articleId: string; title: string } | null;
};

/** What an import would store, for the editor to check and correct before saving. Writes nothing. */
export async function previewArticle(actor: Actor, input: { bytes: Uint8Array; mediaType: string }): Promise<ArticlePreview> {
  requirePermission(actor, "articles.write");
  const parsed = await parseArticle(input.bytes, input.mediaType);
  if (!parsed.ok) throw invalid(parsed.refusal);
  const duplicate = await getDb().articleRevision.findFirst({
    where: { textHash: parsed.textHash, article: { deletedAt: null } },
    select: { article: { select: { id: true, title: true } } },
  });
  return {
    title: parsed.metadata.title,
    outlet: parsed.metadata.outlet,
    author: parsed.metadata.author,
    url: parsed.metadata.url,
    publishedAt: parsed.metadata.publishedAt?.toISOString() ?? null,
    sourceUpdatedAt: parsed.metadata.updatedAt?.toISOString() ?? null,
    language: parsed.metadata.language,
    characters: parsed.text.length,
    duplicateOf: duplicate ? { articleId: duplicate.article.id, title: duplicate.article.title } : null,
  };
}
