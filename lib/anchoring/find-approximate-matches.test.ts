import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { findApproximateMatches } from "./find-approximate-matches";

const filler = "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor. ";

describe("findApproximateMatches", () => {
  it("reports only the least-edited matches of a full search, and says so", () => {
    const text = `${filler}the president of Venezuela${filler}the presidant of Venezuela${filler}`;
    const found = findApproximateMatches(text, "the president of Venezuela", 0, text.length, 5)!;
    expect(found.matches.map((match) => match.errors)).toEqual([0]);
    expect(found.complete).toBe(false);
  });

  it("reports every match within the budget when the piece filter applies", () => {
    const pattern = "the president of the Bolivarian Republic of Venezuela";
    const text = `${filler.repeat(10)}the president of the Bolivarian Republik of Venezuela${filler.repeat(10)}${pattern}${filler.repeat(10)}`;
    const found = findApproximateMatches(text, pattern, 0, text.length, 2, true)!;
    expect(found.complete).toBe(true);
    expect(found.matches.map((match) => [match.start, match.errors]).sort()).toEqual([
      [filler.length * 10, 1],
      [text.indexOf(pattern), 0],
    ].sort());
  });

  it("declines to filter when the pieces would be too short", () => {
    expect(findApproximateMatches(filler.repeat(20), "sit amet", 0, filler.length * 20, 3, true)).toBeNull();
  });

  it("finds, with the filter, every place a full search finds within the budget", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom("ab", "ba", "abc", " ", "Venezuela", "Caracas"), { minLength: 40, maxLength: 200 }), fc.nat(), fc.integer({ min: 1, max: 3 }), (parts, at, k) => {
        const text = parts.join("");
        fc.pre(text.length > 40);
        const start = at % (text.length - 32);
        const pattern = text.slice(start, start + 32);
        const filtered = findApproximateMatches(text, pattern, 0, text.length, k, true);
        fc.pre(filtered !== null);
        // The least-edited matches of a full search are among the filter's matches.
        const full = findApproximateMatches(text, pattern, 0, text.length, k, false)!;
        for (const match of full.matches) {
          expect(filtered!.matches.some((other) => other.end === match.end && other.errors === match.errors)).toBe(true);
        }
      }),
    );
  });
});
