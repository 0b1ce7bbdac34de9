import { getDb, type Prisma } from "@/lib/db";
import { can } from "@/lib/auth/permissions";
import { requirePermission, type Actor } from "@/lib/auth/actor";
import type { VerdictStatus } from "@/lib/generated/prisma/enums";

export type SourceChangeQueueItem = {
  itemId: string;
  verdictId: string;
  claimId: string;
  statement: string;
  headline: string;
  verdictStatus: VerdictStatus;
  /** The revision in review or approved, for a link to its review page. */
  reviewRevisionId: string | null;
  /** The changed articles, each at the latest revision that changed a quote. */
  articles: { title: string; revisionNumber: number }[];
  raisedAt: Date;
  updatedAt: Date;
};

const QUEUE_LIMIT = 200;

/**
 * The open items the signed-in person is asked about: every one for reviewers; for editors, those
 * of fact-checks whose claim or verdict they started or whose revisions they wrote; none for others.
 */
export function openSourceChangesFor(actor: Actor): Prisma.SourceChangeItemWhereInput | null {
  if (can(actor, "verdicts.review")) return { status: "open" };
  if (!can(actor, "verdicts.draft")) return null;
  return {
    status: "open",
    verdict: {
      OR: [{ createdById: actor.id }, { claim: { createdById: actor.id } }, { revisions: { some: { authors: { some: { userId: actor.id } } } } }],
    },
  };
}

/** The source-change queue, oldest first: what has waited longest comes first. */
export async function listSourceChanges(actor: Actor): Promise<SourceChangeQueueItem[]> {
  requirePermission(actor, "workbench.access");
  const where = openSourceChangesFor(actor);
  if (!where) return [];
  const rows = await getDb().sourceChangeItem.findMany({
    where,
    orderBy: { createdAt: "asc" },
    take: QUEUE_LIMIT,
    include: {
      verdict: {
        select: {
          id: true,
          claimId: true,
          status: true,
          draftHeadline: true,
          claim: { select: { statement: true } },
          currentRevision: { select: { id: true, headline: true } },
          publication: { select: { publishedRevision: { select: { headline: true } } } },
        },
      },
      passages: { select: { articleRevision: { select: { number: true, article: { select: { id: true, title: true } } } } } },
    },
  });
  return rows.map(({ verdict, passages, ...item }) => {
    const articles = new Map<string, { title: string; revisionNumber: number }>();
    for (const { articleRevision } of passages) {
      const seen = articles.get(articleRevision.article.id);
      if (!seen || seen.revisionNumber < articleRevision.number) {
        articles.set(articleRevision.article.id, { title: articleRevision.article.title, revisionNumber: articleRevision.number });
      }
    }
    return {
      itemId: item.id,
      verdictId: verdict.id,
      claimId: verdict.claimId,
      statement: verdict.claim.statement,
      headline: verdict.publication?.publishedRevision.headline ?? verdict.currentRevision?.headline ?? verdict.draftHeadline,
      verdictStatus: verdict.status,
      reviewRevisionId: verdict.status === "in_review" || verdict.status === "approved" ? (verdict.currentRevision?.id ?? null) : null,
      articles: [...articles.values()],
      raisedAt: item.createdAt,
      updatedAt: item.updatedAt,
    };
  });
}
