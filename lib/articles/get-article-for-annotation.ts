import { getDb } from "@/lib/db";
import { requirePermission, type Actor } from "@/lib/auth/actor";
import { notFound } from "@/lib/errors";

export type AnnotatedPassage = {
  id: string;
  claimId: string;
  start: number | null;
  end: number | null;
  exact: string;
  status: "anchored" | "moved" | "fuzzy" | "orphaned";
  confidence: number;
  /** Where it was on the previous revision, to compare old and new text around it. */
  previous: { prefix: string; exact: string; suffix: string; revisionNumber: number } | null;
};

export type ArticleForAnnotation = {
  id: string;
  title: string;
  outlet: string | null;
  author: string | null;
  url: string | null;
  language: string;
  publishedAt: Date | null;
  sourceUpdatedAt: Date | null;
  /** For editing the details: a save names the version it started from. */
  version: number;
  revision: { id: string; number: number; text: string; createdAt: Date; isCurrent: boolean };
  revisions: { number: number; createdAt: Date }[];
  passages: AnnotatedPassage[];
  claims: { id: string; statement: string; claimant: string; language: string }[];
};

/** One revision of an article (the current one by default) with its passages and their claims. */
export async function getArticleForAnnotation(
  actor: Actor,
  articleId: string,
  revisionNumber?: number,
): Promise<ArticleForAnnotation> {
  requirePermission(actor, "articles.read");
  if (!/^[0-9a-f-]{36}$/i.test(articleId)) throw notFound("article");
  const db = getDb();
  const article = await db.article.findUnique({
    where: { id: articleId },
    include: { revisions: { orderBy: { number: "desc" }, select: { id: true, number: true, createdAt: true } } },
  });
  if (!article || article.deletedAt) throw notFound("article");
  const latest = article.revisions[0];
  const chosen = revisionNumber === undefined ? latest : article.revisions.find((revision) => revision.number === revisionNumber);
  if (!chosen || !latest) throw notFound("revision");

  const revision = await db.articleRevision.findUniqueOrThrow({
    where: { id: chosen.id },
    select: {
      id: true,
      number: true,
      text: true,
      createdAt: true,
      passages: {
        orderBy: [{ start: "asc" }, { end: "desc" }],
        include: {
          claim: { select: { id: true, statement: true, claimant: true, language: true } },
          previousPassage: { select: { prefix: true, exact: true, suffix: true, articleRevision: { select: { number: true } } } },
        },
      },
    },
  });
  const claims = new Map(revision.passages.map((passage) => [passage.claim.id, passage.claim]));
  return {
    id: article.id,
    title: article.title,
    outlet: article.outlet,
    author: article.author,
    url: article.url,
    language: article.language,
    publishedAt: article.publishedAt,
    sourceUpdatedAt: article.sourceUpdatedAt,
    version: article.version,
    revision: { id: revision.id, number: revision.number, text: revision.text, createdAt: revision.createdAt, isCurrent: revision.id === latest.id },
    revisions: article.revisions.map((entry) => ({ number: entry.number, createdAt: entry.createdAt })),
    passages: revision.passages.map((passage) => ({
      id: passage.id,
      claimId: passage.claimId,
      start: passage.start,
      end: passage.end,
      exact: passage.exact,
      status: passage.status,
      confidence: passage.confidence,
      previous: passage.previousPassage
        ? {
            prefix: passage.previousPassage.prefix,
            exact: passage.previousPassage.exact,
            suffix: passage.previousPassage.suffix,
            revisionNumber: passage.previousPassage.articleRevision.number,
          }
        : null,
    })),
    claims: [...claims.values()],
  };
}
