import type { Tx } from "@/lib/db";
import type { FactCheckSnapshot, SnapshotRelated } from "@/lib/publishing/fact-check-snapshot";

const iso = (date: Date) => date.toISOString();

/**
 * What the fact-check page of this claim would show now, read from the live rows: the claim, the
 * passages on the current revision of each (not deleted) article, in the order of the articles'
 * dates, and the related claims that are published. Frozen into a verdict revision when it is
 * submitted; the workbench compares it with the published snapshot to show what is not yet public.
 */
export async function takeFactCheckSnapshot(tx: Tx, claimId: string): Promise<FactCheckSnapshot> {
  const claim = await tx.claim.findUniqueOrThrow({
    where: { id: claimId },
    include: {
      passages: {
        where: { article: { deletedAt: null }, status: { not: "orphaned" } },
        orderBy: [{ article: { publishedAt: { sort: "asc", nulls: "last" } } }, { start: "asc" }],
        include: {
          articleRevision: { select: { id: true, number: true, createdAt: true } },
          article: { include: { revisions: { orderBy: { number: "desc" }, take: 2, select: { id: true, createdAt: true } } } },
        },
      },
      relationsFrom: { include: { toClaim: { include: { verdict: { include: { publication: { include: { publishedRevision: true } } } } } } } },
      relationsTo: { include: { fromClaim: { include: { verdict: { include: { publication: { include: { publishedRevision: true } } } } } } } },
    },
  });

  const related: SnapshotRelated[] = [];
  const addRelated = (type: SnapshotRelated["type"], direction: SnapshotRelated["direction"], other: (typeof claim.relationsFrom)[number]["toClaim"]) => {
    const publication = other.verdict?.publication;
    if (!publication) return; // readers only ever see published claims
    related.push({ claimId: other.id, type, direction, statement: other.statement, slug: publication.slug, rating: publication.publishedRevision.rating });
  };
  for (const relation of claim.relationsFrom) addRelated(relation.type, "from", relation.toClaim);
  for (const relation of claim.relationsTo) addRelated(relation.type, "to", relation.fromClaim);
  related.sort((a, b) => a.type.localeCompare(b.type) || a.slug.localeCompare(b.slug));

  // Each article is quoted from its current revision; earlier revisions keep their own passages.
  const current = claim.passages.filter((passage) => passage.articleRevisionId === passage.article.revisions[0]?.id && passage.start !== null);
  return {
    claim: {
      id: claim.id,
      statement: claim.statement,
      claimant: claim.claimant,
      claimantSameAs: claim.claimantSameAs,
      claimedAt: claim.claimedAt ? claim.claimedAt.toISOString().slice(0, 10) : null,
      language: claim.language,
    },
    passages: current.map((passage) => ({
      passageId: passage.id,
      exact: passage.exact,
      prefix: passage.prefix,
      suffix: passage.suffix,
      start: passage.start!,
      end: passage.end!,
      article: {
        id: passage.article.id,
        title: passage.article.title,
        outlet: passage.article.outlet,
        url: passage.article.url,
        language: passage.article.language,
        publishedAt: passage.article.publishedAt ? iso(passage.article.publishedAt) : null,
        revisionId: passage.articleRevision.id,
        revisionNumber: passage.articleRevision.number,
        revisionCreatedAt: iso(passage.articleRevision.createdAt),
        versionPublishedAt: versionPublishedAt(passage.article, passage.articleRevision.createdAt, passage.article.revisions[1]?.createdAt ?? null),
      },
    })),
    related,
  };
}

/**
 * The outlet's date of the version we imported: the latest of its publication and update dates that
 * falls after the previous revision was imported (an earlier date belongs to an earlier version) and
 * not after this one was (a later date belongs to a version we have not imported). Null when neither
 * fits: the page then says when we retrieved the version, never a date we would have to guess.
 */
function versionPublishedAt(
  article: { publishedAt: Date | null; sourceUpdatedAt: Date | null },
  importedAt: Date,
  previousImportedAt: Date | null,
): string | null {
  const fitting = [article.sourceUpdatedAt, article.publishedAt].filter(
    (date): date is Date => date !== null && date <= importedAt && (previousImportedAt === null || date > previousImportedAt),
  );
  const latest = fitting.sort((a, b) => b.getTime() - a.getTime())[0];
  return latest ? iso(latest) : null;
}
