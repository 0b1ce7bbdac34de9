import type { SnapshotPassage } from "@/lib/publishing/fact-check-snapshot";

/** An article as a fact-check quotes it, and which of its versions. */
export type PublishedSource = {
  id: string;
  title: string;
  outlet: string | null;
  url: string | null;
  language: string;
  publishedAt: Date | null;
  /** "published": the outlet's date of the version quoted; "retrieved": we only know when we imported it. */
  version: { date: Date; known: "published" | "retrieved" };
};

/**
 * The quoted article with the version it quotes. Snapshots frozen before the version's date was kept
 * fall back to the article's publication date for its first revision (what those pages showed) and
 * otherwise to the day we imported the version: the page says which it is.
 */
export function publishedSource(article: SnapshotPassage["article"]): PublishedSource {
  const publishedAt = article.publishedAt ? new Date(article.publishedAt) : null;
  const versionDate = article.versionPublishedAt !== undefined ? article.versionPublishedAt : article.revisionNumber === 1 ? article.publishedAt : null;
  return {
    id: article.id,
    title: article.title,
    outlet: article.outlet,
    url: article.url,
    language: article.language,
    publishedAt,
    version: versionDate ? { date: new Date(versionDate), known: "published" } : { date: new Date(article.revisionCreatedAt), known: "retrieved" },
  };
}
