import type { Tx } from "@/lib/db";
import { conflict } from "@/lib/errors";
import { snapshotOf, type FactCheckSnapshot } from "@/lib/publishing/fact-check-snapshot";

export type OpenSourceChange = NonNullable<Awaited<ReturnType<typeof findOpenSourceChange>>>;

/** The verdict's open source-change item, with the article revisions that changed its quotes. */
export function findOpenSourceChange(tx: Tx, verdictId: string) {
  return tx.sourceChangeItem.findFirst({
    where: { verdictId, status: "open" },
    include: { passages: { include: { articleRevision: { select: { articleId: true, number: true, article: { select: { title: true } } } } } } },
  });
}

/**
 * Refuses to approve or publish a revision whose snapshot quotes a passage listed in the verdict's
 * open source-change item: it would put before readers text the source no longer says. Returns the
 * open item (or null) and the revision's snapshot for the caller's next step.
 */
export async function refuseChangedQuotes(
  tx: Tx,
  verdictId: string,
  revision: { id: string; number: number },
  doing: "approved" | "published",
): Promise<{ item: OpenSourceChange | null; snapshot: FactCheckSnapshot }> {
  const item = await findOpenSourceChange(tx, verdictId);
  const snapshot = snapshotOf({ id: revision.id, snapshot: await tx.factCheckSnapshot.findUnique({ where: { verdictRevisionId: revision.id } }) });
  const stale = item?.passages.filter((changed) => snapshot.passages.some((passage) => passage.passageId === changed.quotedPassageId)) ?? [];
  if (stale.length > 0) {
    const articles = [...new Set(stale.map((changed) => `“${changed.articleRevision.article.title}” (revision ${changed.articleRevision.number})`))];
    throw conflict({ key: "quotesChangedSource", params: { number: revision.number, articles: articles.join(", "), doing } });
  }
  return { item, snapshot };
}
