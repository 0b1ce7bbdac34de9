import { getDb } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { requirePermission, type Actor } from "@/lib/auth/actor";
import { ratingInfo } from "@/lib/verdicts/rating-scale";
import { csvLine } from "@/lib/csv/csv-line";

/** Claims read per query while the export streams. */
const BATCH = 500;

const COLUMNS = ["claim_id", "statement", "claimant", "claim_date", "language", "tags", "created_at", "verdict_status", "rating", "published_rating", "published_url"];

/**
 * Every claim with its verdict's status and rating, as CSV lines (lib/csv), for people who may read claims. "rating" is the working one (the
 * revision in review, approved or published, else the draft's); "published_rating" is what readers
 * see. The permission is checked here, before anything is read; the lines are read in batches
 * while the caller takes them.
 */
export function exportClaims(actor: Actor | null): AsyncGenerator<string> {
  requirePermission(actor, "claims.read");
  return claimLines();
}

async function* claimLines(): AsyncGenerator<string> {
  const site = getEnv().SITE_URL;
  yield csvLine(COLUMNS);
  let after: string | undefined;
  for (;;) {
    const claims = await getDb().claim.findMany({
      where: after ? { id: { gt: after } } : {},
      orderBy: { id: "asc" },
      take: BATCH,
      include: {
        verdict: {
          select: {
            status: true,
            draftRating: true,
            currentRevision: { select: { rating: true } },
            publication: { select: { slug: true, publishedRevision: { select: { rating: true } } } },
          },
        },
      },
    });
    if (claims.length === 0) return;
    after = claims.at(-1)!.id;
    yield claims
      .map((claim) => {
        const verdict = claim.verdict;
        const rating = verdict?.currentRevision?.rating ?? verdict?.draftRating ?? null;
        const published = verdict?.publication;
        return csvLine([
          claim.id,
          claim.statement,
          claim.claimant,
          claim.claimedAt?.toISOString().slice(0, 10) ?? null,
          claim.language,
          claim.tags.join("; "),
          claim.createdAt.toISOString(),
          verdict?.status ?? "none",
          rating ? ratingInfo(rating).label : null,
          published ? ratingInfo(published.publishedRevision.rating).label : null,
          published ? new URL(`/fact-checks/${published.slug}`, site).toString() : null,
        ]);
      })
      .join("");
  }
}
