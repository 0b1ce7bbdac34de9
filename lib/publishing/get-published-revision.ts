import { getDb } from "@/lib/db";
import { ratingInfo, type RatingInfo } from "@/lib/verdicts/rating-scale";
import { snapshotOf } from "@/lib/publishing/fact-check-snapshot";
import { snapshotClaim } from "@/lib/publishing/get-published-fact-check";

export type PublishedRevision = {
  slug: string;
  number: number;
  /** The revision readers see on the fact-check page now. */
  isCurrent: boolean;
  currentRevisionNumber: number;
  headline: string;
  rating: RatingInfo;
  summary: string;
  explanation: string;
  claim: { statement: string; claimant: string; claimedAt: Date | null; language: string };
  /** When readers first saw this revision: the first publication, or the correction that brought it. */
  publishedAt: Date;
  /** The correction that replaced it, when it is no longer current. */
  replacedBy: { number: number; date: Date; whatChanged: string; why: string } | null;
};

/**
 * One revision of a fact-check that readers saw at some time: the first published revision and
 * every revision a correction replaced or brought. Drafts, revisions still in review, sent back or
 * approved but never published are not found, exactly like a missing page.
 */
export async function getPublishedRevision(slug: string, number: number): Promise<PublishedRevision | null> {
  if (!/^[a-z0-9-]{1,120}$/.test(slug) || !Number.isSafeInteger(number) || number < 1) return null;
  const publication = await getDb().publication.findUnique({
    where: { slug },
    include: {
      publishedRevision: { select: { id: true, number: true } },
      corrections: { orderBy: { createdAt: "asc" } },
      verdict: { select: { id: true } },
    },
  });
  if (!publication) return null;
  const revision = await getDb().verdictRevision.findUnique({
    where: { verdictId_number: { verdictId: publication.verdict.id, number } },
    include: { snapshot: true },
  });
  if (!revision) return null;

  const firstId = publication.corrections[0]?.previousRevisionId ?? publication.publishedRevisionId;
  const broughtBy = publication.corrections.find((correction) => correction.revisionId === revision.id);
  const replacedBy = publication.corrections.find((correction) => correction.previousRevisionId === revision.id);
  const everPublished = revision.id === firstId || revision.id === publication.publishedRevisionId || broughtBy || replacedBy;
  if (!everPublished) return null;

  let replacement: PublishedRevision["replacedBy"] = null;
  if (replacedBy) {
    const next = await getDb().verdictRevision.findUniqueOrThrow({ where: { id: replacedBy.revisionId }, select: { number: true } });
    replacement = { number: next.number, date: replacedBy.createdAt, whatChanged: replacedBy.whatChanged, why: replacedBy.why };
  }
  return {
    slug: publication.slug,
    number: revision.number,
    isCurrent: revision.id === publication.publishedRevisionId,
    currentRevisionNumber: publication.publishedRevision.number,
    headline: revision.headline,
    rating: ratingInfo(revision.rating),
    summary: revision.summary,
    explanation: revision.explanation,
    // The claim as this revision's snapshot froze it, not as it reads today.
    claim: snapshotClaim(snapshotOf(revision)),
    publishedAt: broughtBy?.createdAt ?? publication.firstPublishedAt,
    replacedBy: replacement,
  };
}
