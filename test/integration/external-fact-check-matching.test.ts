// "Already checked by …" across languages and archives (issue 14): the claim matcher of lib/matching
// runs against imported external fact-checks. An English claim finds another fact-checker's French
// review of the same claim, with the reasons; their review of the claim's negation is never shown as
// the same claim but as the opposite one.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { createClaim } from "@/lib/claims/create-claim";
import { importExternalFactChecks } from "@/lib/exchange/import-external-fact-checks";
import { listExternalChecksOfClaim } from "@/lib/exchange/list-external-checks-of-claim";
import { matchReasonsIn } from "@/test/support/reason-words";
import { makeUser, unique } from "@/test/integration/support";

const { describe: describeReason } = matchReasonsIn("en");

const db = getDb();
afterAll(async () => {
  await db.$disconnect();
});

let editor: Actor;
beforeAll(async () => {
  editor = await makeUser("editor");
});

/** A name made of letters only (a token with digits would read as numbers), so this run's reviews stand apart from earlier runs'. */
function placeName(): string {
  const letters = unique().replace(/[0-9]/g, (digit) => "qrstuvwxyz"[Number(digit)]!);
  return `${letters[0]!.toUpperCase()}${letters.slice(1)}`;
}

type Review = { text: string; claimant: string; publisher: string; url: string; rating: string; language: string };

async function importReviews(reviews: Review[]) {
  const answer = {
    claims: reviews.map((review) => ({
      text: review.text,
      claimant: review.claimant,
      claimReview: [{ publisher: { name: review.publisher }, url: review.url, reviewDate: "2024-05-02", textualRating: review.rating, languageCode: review.language }],
    })),
  };
  const job = await importExternalFactChecks(editor, { file: { bytes: new TextEncoder().encode(JSON.stringify(answer)), name: "answer.json", mediaType: "application/json" } });
  await job.run();
}

describe("already checked by, with the claim matcher", () => {
  it("finds a French review of an English claim with its reasons, and shows a review of its negation only as the opposite claim", async () => {
    const port = placeName();
    const token = unique();
    const same = `https://verifie.t${token}.example.fr/petrole`;
    const negation = `https://autre.t${token}.example.fr/petrole-non`;
    await importReviews([
      {
        text: `Le Venezuela vend chaque jour quelque 700 000 barils de pétrole à l'étranger depuis le port de ${port}.`,
        claimant: "Delcy Rodriguez",
        publisher: "Vérifié",
        url: same,
        rating: "Faux",
        language: "fr",
      },
      {
        text: `Le Venezuela n'exporte pas 700 000 barils de pétrole par jour depuis le port de ${port}.`,
        claimant: "Delcy Rodriguez",
        publisher: "Autre Regard",
        url: negation,
        rating: "Vrai",
        language: "fr",
      },
    ]);
    const claim = await createClaim(editor, {
      statement: `Venezuela exports about 700,000 barrels of oil a day through the port of ${port}.`,
      claimant: "Delcy Rodríguez",
      language: "en",
    });

    const matches = await listExternalChecksOfClaim(editor, claim.id);
    const sameReview = matches.find((match) => match.reviewUrl === same);
    expect(sameReview).toMatchObject({ match: "same_claim", publisherName: "Vérifié", ratingText: "Faux", rating: "false", language: "fr" });
    expect(matches[0]!.reviewUrl).toBe(same);
    const reasons = sameReview!.reasons.map(describeReason);
    expect(reasons).toEqual(expect.arrayContaining(["Same numbers: 700,000 barrels", "Same claimant"]));
    expect(reasons.some((reason) => reason.startsWith("Both name") && reason.includes("Venezuela"))).toBe(true);

    const negationReview = matches.find((match) => match.reviewUrl === negation);
    expect(negationReview?.match).toBe("opposite_claim");
    expect(negationReview!.reasons.map(describeReason)).toContain("Negated in the other claim (“ne … pas”)");
    // Never shown as the same claim, whatever else is listed.
    expect(matches.filter((match) => match.match === "same_claim").map((match) => match.reviewUrl)).not.toContain(negation);
  });

  it("finds an English review of a French claim whose reviewer gave no language, and nothing for a claim on another subject", async () => {
    const place = placeName();
    const token = unique();
    const url = `https://checks.t${token}.example.org/unemployment`;
    await importReviews([
      { text: `Unemployment in ${place} fell to 7.1% last quarter, its lowest level in fifteen years.`, claimant: "Élisabeth Borne", publisher: "Checks Org", url, rating: "True", language: "" },
    ]);
    const claim = await createClaim(editor, {
      statement: `À ${place}, le chômage est descendu à 7,1 % au dernier trimestre, du jamais vu depuis quinze ans.`,
      claimant: "Élisabeth Borne",
      language: "fr",
    });
    const matches = await listExternalChecksOfClaim(editor, claim.id);
    expect(matches[0]).toMatchObject({ reviewUrl: url, match: "same_claim" });
    expect(matches[0]!.reasons.map(describeReason)).toEqual(expect.arrayContaining(["Same numbers: 7,1 %, quinze ans", "Same claimant"]));

    const other = await createClaim(editor, { statement: `In ${place}, the fishing fleet lost 40 boats to storms.`, claimant: "Élisabeth Borne", language: "en" });
    expect((await listExternalChecksOfClaim(editor, other.id)).map((match) => match.reviewUrl)).not.toContain(url);
  });
});
