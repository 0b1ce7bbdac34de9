// COUNT external ClaimReviews as one Google Fact Check Tools claims:search answer, the shape the
// field exchanges most: 40 publishers, English and French, claim texts built from a news vocabulary
// (all distinct), rating texts the mapping table knows and some it does not. Deterministic.
import { createPrng } from "../anchoring/create-prng";

const WORDS = (
  "government president minister election sanctions oil barrels economy inflation percent billion dollars " +
  "opposition embassy talks dialogue border migrants army police court vote turnout fraud reserves exports " +
  "gouvernement président ministre élection pétrole économie frontière armée tribunal scrutin fraude réserves"
).split(" ");
const RATINGS = ["False", "Faux", "Pants on Fire", "Mostly false", "Plutôt faux", "Half true", "Mostly true", "True", "Vrai", "Unproven", "Needs context", "Satire"];

export function generateAnswer(count: number): { claims: unknown[] } {
  const random = createPrng(20261204);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const claims = Array.from({ length: count }, (_, index) => {
    const publisher = index % 40;
    const words = Array.from({ length: 8 + Math.floor(random() * 10) }, () => pick(WORDS)).join(" ");
    const day = `20${10 + (index % 15)}-${String(1 + (index % 12)).padStart(2, "0")}-${String(1 + (index % 28)).padStart(2, "0")}`;
    return {
      text: `Claim ${index}: the ${words}`,
      claimant: `Speaker ${index % 500}`,
      claimDate: `${day}T00:00:00Z`,
      claimReview: [
        {
          publisher: { name: `Fact-checker ${publisher}`, site: `checker${publisher}.example.org` },
          url: `https://checker${publisher}.example.org/reviews/${index}`,
          title: `Review ${index}`,
          reviewDate: `${day}T00:00:00Z`,
          textualRating: pick(RATINGS),
          languageCode: publisher % 3 === 0 ? "fr" : "en",
        },
      ],
    };
  });
  return { claims };
}
