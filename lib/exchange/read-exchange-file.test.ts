import { describe, expect, it } from "vitest";
import { dedupeKey, numericRatingText, ratingKey } from "./external-review";
import { readExchangeFile } from "./read-exchange-file";
import { guessCsvColumns } from "./read-claim-review-csv";

const file = (text: string, name: string) => ({ bytes: new TextEncoder().encode(text), name, mediaType: "application/octet-stream" });
const review = (extra: Record<string, unknown> = {}) => ({
  "@type": "ClaimReview",
  url: "https://checks.example.org/a",
  claimReviewed: "The   moon is made of cheese",
  author: { "@type": "Organization", name: "Example Checks" },
  reviewRating: { "@type": "Rating", alternateName: "Pants on Fire!" },
  ...extra,
});

describe("keys", () => {
  it("a rating text's key ignores case, spacing and a final ! or .", () => {
    expect(ratingKey("  Pants   on FIRE! ")).toBe("pants on fire");
    expect(ratingKey("Plutôt faux.")).toBe("plutôt faux");
    expect(numericRatingText(2, 5, 1)).toBe("2/5");
    expect(numericRatingText(0, 10, 0)).toBe("0 (0-10)");
  });

  it("the same review is one key whatever its spacing, case or #fragment; another address or claim is another key", () => {
    const base = { publisherName: "Example Checks", reviewUrl: "https://checks.example.org/a", claimText: "The moon is made of cheese" };
    expect(dedupeKey({ ...base, publisherName: " example  CHECKS", reviewUrl: "https://checks.example.org/a#verdict", claimText: "the moon is  made of cheese" })).toBe(dedupeKey(base));
    expect(dedupeKey({ ...base, reviewUrl: "https://checks.example.org/b" })).not.toBe(dedupeKey(base));
    expect(dedupeKey({ ...base, claimText: "The moon is made of rock" })).not.toBe(dedupeKey(base));
  });
});

describe("readExchangeFile", () => {
  it("reads a bare array of ClaimReviews as JSON-LD and counts a repeated review once", () => {
    const read = readExchangeFile(file(JSON.stringify([review(), review({ claimReviewed: "the moon is made of cheese" })]), "reviews.jsonld"));
    expect(read).toMatchObject({ format: "data_feed", itemCount: 2, repeatedInFile: 1, problems: [] });
    expect(read.rows[0]).toMatchObject({ ratingKey: "pants on fire", review: { claimText: "The moon is made of cheese", language: "und" } });
  });

  it("names every problem of an item at once", () => {
    const read = readExchangeFile(file(JSON.stringify({ "@graph": [review({ url: "ftp://x", claimReviewed: "", reviewRating: {} })] }), "x.json"));
    expect(read.problems).toEqual([
      { location: "item 1", reason: "the review's address must be an http(s) address; the claim text is missing; the rating is missing" },
    ]);
  });

  it("never walks into other properties: a ClaimReview quoted inside a review is not a second one", () => {
    const read = readExchangeFile(file(JSON.stringify(review({ isBasedOn: review({ url: "https://checks.example.org/b" }) })), "x.json"));
    expect(read.itemCount).toBe(1);
  });

  it("reads a CSV with a byte order mark and reports a row's line even after a quoted line break", () => {
    const csv = '\uFEFFclaim,url,publisher,rating\n"A claim\nover two lines",https://c.example.org/1,Checks,False\n,https://c.example.org/2,Checks,False\n';
    const read = readExchangeFile(file(csv, "x.csv"));
    expect(read.rows[0]?.review.claimText).toBe("A claim over two lines");
    expect(read.problems).toEqual([{ location: "line 4", reason: "the claim text is missing" }]);
  });

  it("guesses columns from headers in English and French, whatever their case and punctuation", () => {
    expect(guessCsvColumns(["Claim Reviewed", "URL", "Textual rating", "Langue", "Titre", "Other"])).toEqual({
      claimText: "Claim Reviewed",
      reviewUrl: "URL",
      ratingText: "Textual rating",
      language: "Langue",
      headline: "Titre",
    });
  });
});
