import { getDb } from "@/lib/db";
import { ratingInfo, type RatingInfo } from "@/lib/verdicts/rating-scale";
import { cachedPublishedRead } from "@/lib/publishing/list-published-fact-checks";
import { snapshotOf } from "@/lib/publishing/fact-check-snapshot";
import { localeOf, type Locale } from "@/lib/i18n/locales";

/** One event readers are told about: a first publication, or a correction of a published fact-check. */
export type FeedEntry = {
  /** Stable across feed renders: the publication's or the correction's id. */
  id: string;
  kind: "published" | "corrected";
  slug: string;
  /** The revision as it was published by this event. */
  revisionNumber: number;
  headline: string;
  summary: string;
  rating: RatingInfo;
  claimStatement: string;
  claimant: string;
  /** The language the entry is written in: its fact-check's (lib/i18n/locales.ts). */
  language: Locale;
  date: Date;
  correction: { kind: "correction" | "update"; whatChanged: string; why: string; previousRevisionNumber: number } | null;
};

/**
 * Publications and corrections, newest first: the content of the Atom feed. Each entry shows the
 * revision that event made public, so a correction entry and the original publication keep their
 * own wording. Only published revisions are read.
 */
export async function listFeedEntries(limit = 50): Promise<FeedEntry[]> {
  const take = Math.min(Math.max(limit, 1), 200);
  const publications = await getDb().publication.findMany({
    // A publication's updatedAt moves with each correction: the newest events are in these rows.
    orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
    take,
    include: {
      publishedRevision: { include: { snapshot: true } },
      corrections: { orderBy: { createdAt: "asc" }, include: { revision: { include: { snapshot: true } }, previousRevision: { include: { snapshot: true } } } },
    },
  });
  // Each entry names the claim as the snapshot of its own revision froze it.
  const claimOf = (revision: Parameters<typeof snapshotOf>[0]) => snapshotOf(revision).claim;
  const entries: FeedEntry[] = [];
  for (const publication of publications) {
    const first = publication.corrections[0]?.previousRevision ?? publication.publishedRevision;
    const firstClaim = claimOf(first);
    entries.push({
      id: publication.id,
      kind: "published",
      slug: publication.slug,
      revisionNumber: first.number,
      headline: first.headline,
      summary: first.summary,
      rating: ratingInfo(first.rating),
      claimStatement: firstClaim.statement,
      claimant: firstClaim.claimant,
      language: localeOf(firstClaim.language),
      date: publication.firstPublishedAt,
      correction: null,
    });
    for (const correction of publication.corrections) {
      const claim = claimOf(correction.revision);
      entries.push({
        id: correction.id,
        kind: "corrected",
        slug: publication.slug,
        revisionNumber: correction.revision.number,
        headline: correction.revision.headline,
        summary: correction.revision.summary,
        rating: ratingInfo(correction.revision.rating),
        claimStatement: claim.statement,
        claimant: claim.claimant,
        language: localeOf(claim.language),
        date: correction.createdAt,
        correction: {
          kind: correction.kind,
          whatChanged: correction.whatChanged,
          why: correction.why,
          previousRevisionNumber: correction.previousRevision.number,
        },
      });
    }
  }
  entries.sort((a, b) => b.date.getTime() - a.date.getTime() || a.id.localeCompare(b.id));
  return entries.slice(0, take);
}

/** The feed's entries, read again only after a publication or correction (see cachedPublishedRead). */
export const listFeedEntriesCached = cachedPublishedRead(listFeedEntries);
