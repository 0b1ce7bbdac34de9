// Other fact-checkers' work in (lib/exchange): ClaimReviews from HTML pages, DataFeeds, claims:search
// answers and CSV become external fact-checks, checked item by item, never imported twice, searchable,
// mapped onto our scale through the editable mapping table, and matched to our claims.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { createClaim } from "@/lib/claims/create-claim";
import { previewExchangeFile } from "@/lib/exchange/preview-exchange-file";
import { importExternalFactChecks } from "@/lib/exchange/import-external-fact-checks";
import { searchExternalFactChecks } from "@/lib/exchange/search-external-fact-checks";
import { listExternalChecksOfClaim } from "@/lib/exchange/list-external-checks-of-claim";
import { saveRatingMapping } from "@/lib/exchange/save-rating-mapping";
import { listRatingMappings } from "@/lib/exchange/list-rating-mappings";
import { listAuditEvents } from "@/lib/audit/list-audit-events";
import type { ExchangeImportInput } from "@/lib/exchange/exchange-import-input";
import { expectDomainError, expectRefusedWithoutWrites, makeUser, rowsWrittenBy, unique } from "@/test/integration/support";

const db = getDb();
afterAll(async () => {
  await db.$disconnect();
});

let editor: Actor;
let reviewer: Actor;
let admin: Actor;
beforeAll(async () => {
  [editor, reviewer, admin] = await Promise.all([makeUser("editor"), makeUser("reviewer"), makeUser("admin")]);
});

/**
 * A fixture file as this run's own: every address gets the token in its host, so each run imports new
 * reviews into the shared test database (the dedupe key includes the address).
 */
function fixture(name: string, token: string, mediaType = "application/octet-stream"): ExchangeImportInput["file"] {
  const text = readFileSync(new URL(`../fixtures/claimreview/${name}`, import.meta.url), "utf8").replaceAll(".example.", `.t${token}.example.`);
  return { bytes: new TextEncoder().encode(text), name, mediaType };
}

async function importAll(actor: Actor, input: ExchangeImportInput) {
  return (await importExternalFactChecks(actor, input)).run();
}

describe("reading the formats", () => {
  it("reads a page's ClaimReview with its publisher, claimant, dates and rating", async () => {
    const token = unique();
    const preview = await previewExchangeFile(editor, { file: fixture("page-single.html", token) });
    expect(preview).toMatchObject({ format: "html", itemCount: 1, goodCount: 1, problemCount: 0, alreadyImported: 0 });
    expect(preview.sample[0]).toMatchObject({
      location: "line 7, ClaimReview 1",
      publisherName: "Example Verify",
      claimText: "Venezuela and the United States have had no diplomatic relations since 2019",
      ratingText: "True",
      rating: "true",
      reviewUrl: `https://verify.t${token}.example.org/checks/venezuela-relations-2019`,
      reviewedAt: "2024-03-14",
    });
  });

  it("finds ClaimReviews in an @graph and in an array, takes the canonical address and page language, and reports a broken block by its line", async () => {
    const token = unique();
    const preview = await previewExchangeFile(editor, { file: fixture("page-graph.html", token) });
    expect(preview).toMatchObject({ itemCount: 4, goodCount: 3, problemCount: 1 });
    expect(preview.problems).toEqual([{ location: "line 46", reason: "this JSON-LD block is not valid JSON" }]);
    expect(preview.sample.map((row) => [row.location, row.ratingText, row.rating, row.reviewUrl])).toEqual([
      ["line 7, ClaimReview 1", "Plutôt faux", "mostly_false", `https://verif.t${token}.example.fr/2024/contacts-washington#autorisation`],
      // No address of its own: the page's canonical one; a rating given only as a number.
      ["line 24, ClaimReview 1", "2/5", null, `https://verif.t${token}.example.fr/2024/contacts-washington`],
      ["line 24, ClaimReview 2", "Invérifiable", "unproven", `https://verif.t${token}.example.fr/2024/contacts-washington#depart`],
    ]);
  });

  it("reads a DataFeed's ClaimReviews, wrapped in DataFeedItems or not, and names the item without an address", async () => {
    const preview = await previewExchangeFile(editor, { file: fixture("datafeed.json", unique()) });
    expect(preview).toMatchObject({ format: "data_feed", itemCount: 3, goodCount: 2 });
    expect(preview.problems).toEqual([{ location: "item 3", reason: "the review's address is missing" }]);
    // "Pants on Fire!" is the mapping table's "pants on fire": case and the final "!" do not matter.
    expect(preview.sample.map((row) => [row.ratingText, row.rating])).toEqual([
      ["Half True", "mixed"],
      ["Pants on Fire!", "false"],
    ]);
  });

  it("reads each review of each claim of a claims:search answer; an unknown rating text stays unmapped", async () => {
    const preview = await previewExchangeFile(editor, { file: fixture("claims-search.json", unique()) });
    expect(preview).toMatchObject({ format: "claims_search", itemCount: 3, goodCount: 3, problemCount: 0 });
    expect(preview.sample.map((row) => [row.location, row.publisherName, row.ratingText, row.rating, row.reviewedAt])).toEqual([
      ["claim 1, review 1", "Checkers United", "Mostly False", "mostly_false", "2024-06-25"],
      ["claim 1, review 2", "Vérif Exemple", "Trompeur", "mostly_false", "2024-06-26"],
      ["claim 2, review 1", "Checkers United", "Needs context", null, "2024-01-15"],
    ]);
  });

  it("guesses a CSV's columns from its header, takes the person's choice instead, and reports every bad row with its line and reason", async () => {
    const token = unique();
    const guessed = await previewExchangeFile(editor, { file: fixture("reviews.csv", token) });
    expect(guessed.csv?.columns).toEqual({ publisherName: "Fact-checker", reviewUrl: "Link", claimText: "Statement", ratingText: "Verdict", language: "Lang" });
    const columns = { ...guessed.csv!.columns, claimant: "Who said it", reviewedAt: "Published" };
    const preview = await previewExchangeFile(editor, { file: fixture("reviews.csv", token), csvColumns: columns });
    expect(preview).toMatchObject({ format: "csv", itemCount: 5, goodCount: 2, problemCount: 3 });
    expect(preview.problems).toEqual([
      { location: "line 3", reason: "the review's address must be an http(s) address" },
      { location: "line 4", reason: "the claim text is missing" },
      { location: "line 6", reason: "use a date like 2019-05-22 for the review date" },
    ]);
    expect(preview.sample[1]).toMatchObject({ location: "line 5", claimText: 'A claim with a comma, and a "quote"', ratingText: "Mostly true", rating: "mostly_true" });
    await expectDomainError(previewExchangeFile(editor, { file: fixture("reviews.csv", token), csvColumns: { claimText: "Claim text" } }), "invalid");
  });
});

describe("importing", () => {
  it("imports nothing from a file with a bad row until the person confirms the good rows only; then those, with one audit row", async () => {
    const token = unique();
    const file = fixture("datafeed.json", token);
    const refused = await expectRefusedWithoutWrites(() => importAll(editor, { file }), "invalid");
    expect(refused.message).toContain("1 of 3 items have a problem, so nothing was imported (item 3: the review's address is missing)");

    let result: Awaited<ReturnType<typeof importAll>> | undefined;
    const progress: number[] = [];
    const written = await rowsWrittenBy(async () => {
      const prepared = await importExternalFactChecks(editor, { file, onlyGoodRows: true });
      result = await prepared.run((done) => progress.push(done));
    });
    expect(written).toEqual({ external_fact_checks: 2, exchange_imports: 1, audit_events: 1 });
    expect(result).toMatchObject({ format: "data_feed", imported: 2, skipped: 0, refused: 1 });
    expect(progress).toEqual([2]);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityType: "exchange_import", entityId: result!.importId } });
    expect(audit).toMatchObject({ action: "exchange.imported", actorId: editor.id, after: { fileName: "datafeed.json", imported: 2, refused: 1 } });
    const log = await listAuditEvents(admin, { action: "exchange.imported" });
    expect(log.rows.find((row) => row.recordId === result!.importId)).toMatchObject({ kindLabel: "Import of fact-checks (other newsrooms' or our archive)", link: "/workbench/exchange" });
    const stored = await db.externalFactCheck.findMany({ where: { importId: result!.importId }, orderBy: { reviewUrl: "asc" } });
    expect(stored.map((row) => [row.claimant, row.ratingText, row.ratingValue, row.bestRating, row.language])).toEqual([
      ["Donald Trump", "Half True", 3, 5, "en"],
      [null, "Pants on Fire!", null, null, "en"],
    ]);
  });

  it("never imports the same review twice: a second import of the file skips every row", async () => {
    const token = unique();
    const file = fixture("claims-search.json", token);
    expect(await importAll(editor, { file })).toMatchObject({ imported: 3, skipped: 0 });
    expect(await previewExchangeFile(editor, { file })).toMatchObject({ goodCount: 3, alreadyImported: 3 });
    const written = await rowsWrittenBy(async () => {
      expect(await importAll(admin, { file })).toMatchObject({ imported: 0, skipped: 3 });
    });
    expect(written).toEqual({ exchange_imports: 1, audit_events: 1 });
  });

  it("refuses an anonymous caller and a disabled editor, writing nothing", async () => {
    await expectDomainError(previewExchangeFile(null as unknown as Actor, { file: fixture("page-single.html", unique()) }), "unauthenticated");
    await expectRefusedWithoutWrites(() => importAll({ ...editor, status: "disabled" }, { file: fixture("page-single.html", unique()) }), "forbidden");
  });

  it("refuses a file that is no UTF-8, no JSON or holds no ClaimReview, naming why", async () => {
    const bytes = (text: string) => new TextEncoder().encode(text);
    const cases: [ExchangeImportInput["file"], string][] = [
      [{ bytes: new Uint8Array([0x7b, 0xff, 0xfe]), name: "x.json", mediaType: "application/json" }, "not UTF-8"],
      [{ bytes: bytes('{"claims": [}'), name: "x.json", mediaType: "application/json" }, "not valid JSON"],
      [{ bytes: bytes("<html><body>No review</body></html>"), name: "x.html", mediaType: "text/html" }, "No ClaimReview was found"],
    ];
    for (const [file, message] of cases) {
      const error = await expectRefusedWithoutWrites(() => importAll(editor, { file }), "invalid");
      expect(error.message).toContain(message);
    }
  });
});

describe("searching, mapping and matching", () => {
  let token: string;
  beforeAll(async () => {
    token = unique();
    await importAll(editor, { file: fixture("claims-search.json", token) });
    await importAll(editor, { file: fixture("datafeed.json", token), onlyGoodRows: true });
  });

  it("finds external fact-checks by their words, stemmed, with the matched words marked", async () => {
    const result = await searchExternalFactChecks(editor, { q: "barrel oil" });
    const found = result.items.find((item) => item.reviewUrl === `https://verify.t${token}.example.org/checks/oil-output`);
    expect(found).toMatchObject({ publisherName: "Example Verify", ratingText: "Pants on Fire!", rating: "false" });
    expect(found?.snippet?.filter((part) => part.match).map((part) => part.text)).toEqual(["barrels", "oil"]);
    const none = await searchExternalFactChecks(editor, { q: `nothing-like-${token}` });
    expect(none).toEqual({ items: [], total: 0 });
  });

  it("lets reviewers and admins map a rating text, checked against concurrent edits, and refuses editors", async () => {
    const text = `Needs context ${token}`;
    await expectRefusedWithoutWrites(() => saveRatingMapping(editor, { ratingText: text, rating: "mixed", expectedVersion: 0 }), "forbidden");
    const written = await rowsWrittenBy(async () => {
      expect(await saveRatingMapping(reviewer, { ratingText: text, rating: "mixed", expectedVersion: 0 })).toEqual({ ratingKey: text.toLowerCase(), version: 1 });
    });
    expect(written).toEqual({ rating_mappings: 1, audit_events: 1 });
    await expectRefusedWithoutWrites(() => saveRatingMapping(admin, { ratingText: text, rating: "false", expectedVersion: 0 }), "conflict");
    expect(await saveRatingMapping(admin, { ratingText: text.toUpperCase(), rating: "false", expectedVersion: 1 })).toMatchObject({ version: 2 });
    const rows = await listRatingMappings(editor);
    expect(rows.find((row) => row.ratingKey === text.toLowerCase())).toMatchObject({ rating: "false", version: 2, updatedBy: admin.name });
    expect(await saveRatingMapping(reviewer, { ratingText: text, rating: "unmapped", expectedVersion: 2 })).toEqual({ ratingKey: text.toLowerCase(), version: 0 });
    expect(await db.ratingMapping.findUnique({ where: { ratingKey: text.toLowerCase() } })).toBeNull();
  });

  it("lists imported rating texts nobody mapped, with how many reviews use them", async () => {
    const rows = await listRatingMappings(editor);
    expect(rows.find((row) => row.ratingKey === "needs context")).toMatchObject({ rating: null, version: 0, uses: expect.any(Number) });
  });

  it("shows on a claim the external reviews of the same claim, and none on an unrelated claim", async () => {
    // The claim text carries this run's token, so earlier runs' reviews of the shared database do not crowd it out.
    const statement = `Those who contact the US behind Maduro's back only talk about his departure, said envoy ${token}`;
    const answer = { claims: [{ text: statement, claimant: "Diosdado Cabello", claimReview: [{ publisher: { name: "Checkers United" }, url: `https://checkers.t${token}.example.com/r/1`, reviewDate: "2024-06-25", textualRating: "Mostly False", languageCode: "en" }] }] };
    await importAll(editor, { file: { bytes: new TextEncoder().encode(JSON.stringify(answer)), name: "answer.json", mediaType: "application/json" } });
    const claim = await createClaim(editor, { statement: statement.replace("only talk", "talk only"), claimant: "Diosdado Cabello", language: "en" });
    const matches = await listExternalChecksOfClaim(editor, claim.id);
    expect(matches[0]).toMatchObject({
      publisherName: "Checkers United",
      reviewUrl: `https://checkers.t${token}.example.com/r/1`,
      ratingText: "Mostly False",
      rating: "mostly_false",
      reviewedAt: "2024-06-25",
    });
    expect(matches[0]!.similarity).toBeGreaterThan(0.9);
    const unrelated = await createClaim(editor, { statement: `A wholly different statement about fisheries ${token}`, claimant: "Nobody", language: "en" });
    expect(await listExternalChecksOfClaim(editor, unrelated.id)).toEqual([]);
  });
});
