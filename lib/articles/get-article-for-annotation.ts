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

type PassageRow = {
  id: string;
  claim_id: string;
  start: number | null;
  end: number | null;
  exact: string;
  status: AnnotatedPassage["status"];
  confidence: number;
  statement: string;
  claimant: string;
  language: string;
  previous_prefix: string | null;
  previous_exact: string | null;
  previous_suffix: string | null;
  previous_revision_number: number | null;
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

  const revision = await db.articleRevision.findUniqueOrThrow({ where: { id: chosen.id }, select: { id: true, number: true, text: true, createdAt: true } });
  // One join, only the columns the annotator shows: thousands of passages through Prisma's
  // includes (a query per relation and every column) took several times as long.
  const rows = await db.$queryRaw<PassageRow[]>`
    SELECT p.id, p.claim_id, p.start, p."end", p.exact, p.status::text AS status, p.confidence,
           c.statement, c.claimant, c.language,
           previous.prefix AS previous_prefix, previous.exact AS previous_exact, previous.suffix AS previous_suffix,
           previous_revision.number AS previous_revision_number
    FROM passages p
    JOIN claims c ON c.id = p.claim_id
    LEFT JOIN passages previous ON previous.id = p.previous_passage_id
    LEFT JOIN article_revisions previous_revision ON previous_revision.id = previous.article_revision_id
    WHERE p.article_revision_id = ${revision.id}::uuid
    ORDER BY p.start ASC NULLS LAST, p."end" DESC NULLS FIRST, p.id`;
  const claims = new Map(rows.map((row) => [row.claim_id, { id: row.claim_id, statement: row.statement, claimant: row.claimant, language: row.language }]));
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
    passages: rows.map((row) => ({
      id: row.id,
      claimId: row.claim_id,
      start: row.start,
      end: row.end,
      exact: row.exact,
      status: row.status,
      confidence: row.confidence,
      previous:
        row.previous_revision_number !== null
          ? { prefix: row.previous_prefix!, exact: row.previous_exact!, suffix: row.previous_suffix!, revisionNumber: row.previous_revision_number }
          : null,
    })),
    claims: [...claims.values()],
  };
}
