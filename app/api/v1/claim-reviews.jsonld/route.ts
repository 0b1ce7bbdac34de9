import { NO_PARAMETERS, preflight, servePublicRead } from "@/lib/api/serve-public-read";
import { streamClaimReviewFeed } from "@/lib/api/stream-claim-review-feed";

/** Every published ClaimReview as one schema.org DataFeed, streamed (README, "Public API"). */
export function GET(request: Request) {
  return servePublicRead(request, NO_PARAMETERS, (_, url) => ({
    variant: url.pathname,
    answer: async (publications) => ({ body: streamClaimReviewFeed(publications.lastChangedAt), contentType: "application/ld+json; charset=utf-8" }),
  }));
}

export const OPTIONS = preflight;
