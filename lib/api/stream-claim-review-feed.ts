import { getDb } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { publishedClaimReview } from "@/lib/publishing/build-claim-review";
import { snapshotOf } from "@/lib/publishing/fact-check-snapshot";

/** Publications read per query while the feed streams. */
const BATCH = 100;

export const CLAIM_REVIEW_FEED_PATH = "/api/v1/claim-reviews.jsonld";

/**
 * Every published ClaimReview as one schema.org DataFeed (JSON-LD), newest first, streamed: read in
 * batches of BATCH publications by keyset, each item the ClaimReview its fact-check page carries
 * (publishedClaimReview), so the whole feed is never held in memory. Each batch is read when the
 * client has taken the previous one; a publication made while the feed streams may or may not be in it.
 */
export function streamClaimReviewFeed(lastChangedAt: Date | null): ReadableStream<Uint8Array> {
  const env = getEnv();
  const encoder = new TextEncoder();
  const head = {
    "@context": "https://schema.org",
    "@type": "DataFeed",
    name: `${env.NEWSROOM_NAME}: fact-checks`,
    url: new URL(CLAIM_REVIEW_FEED_PATH, env.SITE_URL).toString(),
    publisher: { "@type": "Organization", name: env.NEWSROOM_NAME, url: new URL("/", env.SITE_URL).toString() },
    ...(lastChangedAt ? { dateModified: lastChangedAt.toISOString() } : {}),
  };
  let after: { firstPublishedAt: Date; id: string } | null = null;
  let started = false;
  let items = 0;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(`${JSON.stringify(head).slice(0, -1)},"dataFeedElement":[\n`));
        return;
      }
      const publications = await getDb().publication.findMany({
        where: after
          ? { OR: [{ firstPublishedAt: { lt: after.firstPublishedAt } }, { firstPublishedAt: after.firstPublishedAt, id: { gt: after.id } }] }
          : {},
        orderBy: [{ firstPublishedAt: "desc" }, { id: "asc" }],
        take: BATCH,
        include: { publishedRevision: { include: { snapshot: true } } },
      });
      const chunk = publications.map((publication) => {
        const review = publishedClaimReview({
          slug: publication.slug,
          revision: publication.publishedRevision,
          snapshot: snapshotOf(publication.publishedRevision),
          firstPublishedAt: publication.firstPublishedAt,
          updatedAt: publication.updatedAt,
        });
        return `${items++ === 0 ? "" : ",\n"}${JSON.stringify(review)}`;
      });
      const last = publications.at(-1);
      if (last) after = { firstPublishedAt: last.firstPublishedAt, id: last.id };
      if (chunk.length) controller.enqueue(encoder.encode(chunk.join("")));
      if (publications.length < BATCH) {
        controller.enqueue(encoder.encode("\n]}\n"));
        controller.close();
      }
    },
  });
}
