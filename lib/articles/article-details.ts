import type { Article } from "@/lib/generated/prisma/client";

/** The details of an article an editor can correct, as audit rows record them (dates as ISO 8601). */
export type ArticleDetailFields = {
  title: string;
  outlet: string | null;
  author: string | null;
  url: string | null;
  language: string;
  publishedAt: string | null;
  sourceUpdatedAt: string | null;
};

export function articleDetailsOf(article: Pick<Article, keyof ArticleDetailFields>): ArticleDetailFields {
  return {
    title: article.title,
    outlet: article.outlet,
    author: article.author,
    url: article.url,
    language: article.language,
    publishedAt: article.publishedAt?.toISOString() ?? null,
    sourceUpdatedAt: article.sourceUpdatedAt?.toISOString() ?? null,
  };
}
