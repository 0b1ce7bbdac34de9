import { getDb } from "@/lib/db";
import { requirePermission, type Actor } from "@/lib/auth/actor";

export type ArticleRow = {
  id: string;
  title: string;
  outlet: string | null;
  language: string;
  publishedAt: Date | null;
  revisionNumber: number;
  passageCount: number;
  needsAttention: number;
  importedAt: Date;
};

/** The workbench's article list, newest first, with how many passages need an editor's decision. */
export async function listArticles(actor: Actor, options: { limit?: number } = {}): Promise<ArticleRow[]> {
  requirePermission(actor, "articles.read");
  const articles = await getDb().article.findMany({
    where: { deletedAt: null },
    orderBy: { createdAt: "desc" },
    take: Math.min(options.limit ?? 200, 500),
    include: {
      revisions: {
        orderBy: { number: "desc" },
        take: 1,
        select: { number: true, passages: { select: { status: true } } },
      },
    },
  });
  return articles.map((article) => {
    const current = article.revisions[0];
    const passages = current?.passages ?? [];
    return {
      id: article.id,
      title: article.title,
      outlet: article.outlet,
      language: article.language,
      publishedAt: article.publishedAt,
      revisionNumber: current?.number ?? 0,
      passageCount: passages.length,
      needsAttention: passages.filter((passage) => passage.status !== "anchored").length,
      importedAt: article.createdAt,
    };
  });
}
