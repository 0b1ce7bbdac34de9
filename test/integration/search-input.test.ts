// Search input is data (issue 11, item 7): whatever is typed in a search box, the workbench's and the
// readers' searches answer with results or a DomainError that says what is wrong, never a database
// error. Fuzzed with fast-check against the real database.
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { isDomainError } from "@/lib/errors";
import { searchClaims } from "@/lib/search/search-claims";
import { searchPublishedFactChecks } from "@/lib/search/search-published-fact-checks";
import { MAX_QUERY_LENGTH } from "@/lib/search/text-query";
import { makeClaim, makeUser, unique } from "./support";

let editor: Actor;
let claimant: string;

beforeAll(async () => {
  editor = await makeUser("editor");
  claimant = `Search input ${unique()}`;
  await makeClaim(editor, { statement: "The minister denied any contact with the rebels", claimant, language: "en" });
});

// What websearch_to_tsquery reads specially, and words around it, so that runs and nestings of
// operators come up far more often than in uniformly random text.
const SYNTAX = ["-", "-", "-", " ", " ", '"', "or", "OR", "(", ")", "!", "&", "|", "<", "<->", ":", "*", "'", "\\", "minister", "contact", "é", "x-y"];
const syntaxHeavy = fc.array(fc.constantFrom(...SYNTAX), { maxLength: 120 }).map((parts) => parts.join("").slice(0, MAX_QUERY_LENGTH));
const anyText = fc.string({ unit: "binary", maxLength: MAX_QUERY_LENGTH });
const query = fc.oneof(syntaxHeavy, anyText, fc.constantFrom("-".repeat(64), "- ".repeat(100), "-(".repeat(100), `minister ${"-".repeat(190)}`));

/** Resolves when the search answered or refused with a DomainError; fails the property otherwise. */
async function answersOrRefusesClearly(search: () => Promise<unknown>): Promise<void> {
  try {
    await search();
  } catch (error) {
    if (!isDomainError(error)) throw error;
    expect(error.message.length).toBeGreaterThan(10);
  }
}

describe("a search box takes any text", () => {
  it("answers 64 and more '-' in a row, in both searches", async () => {
    for (const q of ["-".repeat(64), "-".repeat(MAX_QUERY_LENGTH), `${"-".repeat(64)}minister`, "- ".repeat(100)]) {
      expect((await searchClaims(editor, { q, claimant })).items).toBeDefined();
      expect((await searchPublishedFactChecks({ q })).items).toBeDefined();
    }
    // Negation keeps its meaning: an odd run of signs is one "not", an even one none.
    // (A full-text match highlights its words; the near matches shown when none is found do not.)
    const matched = (result: { items: { snippet?: { match: boolean }[] }[] }) => result.items.filter((item) => item.snippet?.some((part) => part.match));
    expect(matched(await searchClaims(editor, { q: `${"-".repeat(64)}minister`, claimant }))).toHaveLength(1);
    expect(matched(await searchClaims(editor, { q: `rebels ${"-".repeat(65)}minister`, claimant }))).toHaveLength(0);
    expect(matched(await searchClaims(editor, { q: `rebels ${"-".repeat(66)}minister`, claimant }))).toHaveLength(1);
  });

  it("the workbench search answers any text up to the longest query, fuzzed", async () => {
    await fc.assert(
      fc.asyncProperty(query, (q) => answersOrRefusesClearly(() => searchClaims(editor, { q, claimant }))),
      { numRuns: 100 },
    );
  });

  it("the readers' search answers any text up to the longest query, fuzzed", async () => {
    await fc.assert(
      fc.asyncProperty(query, (q) => answersOrRefusesClearly(() => searchPublishedFactChecks({ q }))),
      { numRuns: 100 },
    );
  });
});
