import { getEnv } from "@/lib/env";
import { getPublishedFactCheck } from "@/lib/publishing/get-published-fact-check";
import { getTranslations } from "next-intl/server";
import { getPublishedLocale } from "@/lib/publishing/get-published-locale";
import { renderShareCard, shorten } from "@/lib/publishing/render-share-card";
import { DEFAULT_LOCALE } from "@/lib/i18n/locales";
import { ratingWords } from "@/lib/verdicts/rating-scale";

type Context = { params: Promise<{ slug: string }> };

// The og:image of a fact-check page, rendered from what readers see (the published revision and its
// snapshot), never from the workbench. Kept by the reader cache in front of Next like the page, and
// dropped with it when a correction is published (lib/publishing/publish-verdict.ts).
export async function GET(_request: Request, context: Context) {
  const { slug } = await context.params;
  const factCheck = await getPublishedFactCheck(slug);
  if (!factCheck) return new Response("No published fact-check at this address.\n", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  // In the fact-check's language, like its page.
  const locale = (await getPublishedLocale(slug)) ?? DEFAULT_LOCALE;
  const t = await getTranslations({ locale, namespace: "shareCard" });
  const words = {
    kicker: t("kicker"),
    claimedBy: t("claimedBy", { claimant: shorten(factCheck.claim.claimant, 60) }),
    ourRating: t("ourRating"),
    ratingName: ratingWords(factCheck.rating.rating, locale).name,
  };
  return renderShareCard(
    { statement: factCheck.claim.statement, rating: factCheck.rating.rating, newsroom: getEnv().NEWSROOM_NAME, words },
    { "Cache-Control": "public, max-age=300" },
  );
}
