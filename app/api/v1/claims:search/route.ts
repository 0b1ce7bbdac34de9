import { preflight, servePublicRead } from "@/lib/api/serve-public-read";
import { claimsSearchParameters, searchClaimReviews } from "@/lib/api/search-claim-reviews";

/** Published fact-checks in the shape of Google Fact Check Tools' claims:search (README, "Public API"). */
export function GET(request: Request) {
  return servePublicRead(request, claimsSearchParameters, (parameters, url) => ({
    variant: `${url.pathname}${url.search}`,
    changesDaily: parameters.maxAgeDays !== undefined,
    answer: async () => ({ body: JSON.stringify(await searchClaimReviews(parameters)), contentType: "application/json" }),
  }));
}

export const OPTIONS = preflight;
