import { getEnv } from "@/lib/env";
import { getPublishedFactCheck } from "@/lib/publishing/get-published-fact-check";
import { renderShareCard } from "@/lib/publishing/render-share-card";

type Context = { params: Promise<{ slug: string }> };

// The og:image of a fact-check page, rendered from what readers see (the published revision and its
// snapshot), never from the workbench. Kept by the reader cache in front of Next like the page, and
// dropped with it when a correction is published (lib/publishing/publish-verdict.ts).
export async function GET(_request: Request, context: Context) {
  const factCheck = await getPublishedFactCheck((await context.params).slug);
  if (!factCheck) return new Response("No published fact-check at this address.\n", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  return renderShareCard(
    { statement: factCheck.claim.statement, claimant: factCheck.claim.claimant, rating: factCheck.rating, newsroom: getEnv().NEWSROOM_NAME },
    { "Cache-Control": "public, max-age=300" },
  );
}
