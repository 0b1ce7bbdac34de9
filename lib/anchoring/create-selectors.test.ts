import { describe, expect, it } from "vitest";
import { CONTEXT_LENGTH, createSelectors } from "./create-selectors";
import { utf16ToCodePoints } from "./code-points";

const EDGES = {
  emoji: "😀",
  flag: "🇻🇪",
  "joined emoji sequence": "👩‍👩‍👧‍👦",
  "skin tone": "👍🏽",
  "combining marks": "e\u0301\u0323",
};

/** Whole grapheme clusters of a string, as a browser's caret moves over them. */
const clusters = (text: string) => [...new Intl.Segmenter(undefined, { granularity: "grapheme" }).segment(text)].map((part) => part.segment);

describe("createSelectors", () => {
  for (const [name, cluster] of Object.entries(EDGES)) {
    it(`cuts the context between whole characters when a ${name} sits at its edge`, () => {
      // Clusters placed across the context's far edge, at every offset around it.
      for (let shift = 0; shift < 12; shift++) {
        const before = `${cluster.repeat(20)}${"x".repeat(shift)}`;
        const after = `${"y".repeat(shift)}${cluster.repeat(20)}`;
        const text = `${before}the quoted words${after}`;
        const start = before.length;
        const made = createSelectors(text, start, start + "the quoted words".length);
        if (!made.ok) throw new Error(made.reason);
        const { prefix, exact, suffix } = made.selectors.quote;
        expect(prefix.length).toBeLessThanOrEqual(CONTEXT_LENGTH);
        expect(suffix.length).toBeLessThanOrEqual(CONTEXT_LENGTH);
        // Nothing but whole clusters: the stored text still occurs in the article as it is.
        expect(clusters(prefix).join("")).toBe(prefix);
        expect(before.endsWith(prefix) && clusters(before).slice(-clusters(prefix).length).join("")).toBe(prefix);
        expect(after.startsWith(suffix) && clusters(after).slice(0, clusters(suffix).length).join("")).toBe(suffix);
        expect(text.includes(prefix + exact + suffix)).toBe(true);
        expect(prefix.length).toBeGreaterThan(CONTEXT_LENGTH - 12);
        // Exports count code points: no half of a surrogate pair is left at either edge.
        expect(() => utf16ToCodePoints(text, start - prefix.length)).not.toThrow();
        expect(() => utf16ToCodePoints(text, start + exact.length + suffix.length)).not.toThrow();
      }
    });
  }

  it("refuses a selection that splits an emoji", () => {
    const text = "before 😀 after";
    expect(createSelectors(text, 8, 12).ok).toBe(false);
  });
});
