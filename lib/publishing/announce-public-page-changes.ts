import type { Tx } from "@/lib/db";

/** Pages built from the list of publications: any publication or correction changes them. */
export const PUBLICATION_LISTS = ["/", "/search", "/feed.xml", "/sitemap.xml"];

/**
 * The fact-check pages of those claims that are public, and, with `withRelated`, of the published
 * claims linked to them (a fact-check page shows its related fact-checks' headline and rating).
 */
export async function listFactCheckPages(tx: Tx, claimIds: string[], options: { withRelated: boolean }): Promise<string[]> {
  const ids = new Set(claimIds);
  if (options.withRelated) {
    const relations = await tx.claimRelation.findMany({
      where: { OR: [{ fromClaimId: { in: claimIds } }, { toClaimId: { in: claimIds } }] },
      select: { fromClaimId: true, toClaimId: true },
    });
    for (const relation of relations) ids.add(relation.fromClaimId).add(relation.toClaimId);
  }
  const publications = await tx.publication.findMany({
    where: { verdict: { claimId: { in: [...ids] } } },
    select: { slug: true },
  });
  return publications.map((publication) => `/fact-checks/${publication.slug}`);
}

/**
 * Records, in this transaction, the reader pages (paths, whatever their query string) that it changes.
 * The reader cache in front of Next (scripts/serve/) reads these rows and drops the pages; the row
 * exists exactly when the change commits, so a rolled-back write never drops anything.
 */
export async function announcePublicPageChanges(tx: Tx, paths: string[]): Promise<void> {
  if (paths.length === 0) return;
  await tx.publicPageChange.create({ data: { paths: [...new Set(paths)] } });
}

/** For writes to claims, passages and links: announces the fact-check pages of those claims, if public. */
export async function announceFactCheckChanges(tx: Tx, claimIds: string[], options = { withRelated: false }): Promise<void> {
  await announcePublicPageChanges(tx, await listFactCheckPages(tx, claimIds, options));
}
