import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { segmentHighlights, segmentParagraphs } from "./segment-highlights";

describe("segmentHighlights", () => {
  it("covers the text with one plain segment when there is no highlight", () => {
    expect(segmentHighlights(10, [])).toEqual([{ start: 0, end: 10, ids: [] }]);
  });

  it("splits nested and overlapping passages into segments with the right owners", () => {
    const segments = segmentHighlights(20, [
      { id: "outer", start: 2, end: 15 },
      { id: "inner", start: 5, end: 8 },
      { id: "overlap", start: 12, end: 18 },
    ]);
    expect(segments).toEqual([
      { start: 0, end: 2, ids: [] },
      { start: 2, end: 5, ids: ["outer"] },
      { start: 5, end: 8, ids: ["outer", "inner"] },
      { start: 8, end: 12, ids: ["outer"] },
      { start: 12, end: 15, ids: ["outer", "overlap"] },
      { start: 15, end: 18, ids: ["overlap"] },
      { start: 18, end: 20, ids: [] },
    ]);
  });

  it("ignores ranges outside the text (an orphan has no place)", () => {
    expect(segmentHighlights(5, [{ id: "x", start: 3, end: 9 }])).toEqual([{ start: 0, end: 5, ids: [] }]);
  });

  it("always tiles the text exactly, and every highlight covers exactly its own characters", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 300 }),
        fc.array(fc.tuple(fc.nat(300), fc.nat(300)), { maxLength: 30 }),
        (length, pairs) => {
          const ranges = pairs
            .map(([a, b], index) => ({ id: `p${index}`, start: Math.min(a, b) % length, end: Math.max(a, b) % (length + 1) }))
            .filter((range) => range.end > range.start);
          const segments = segmentHighlights(length, ranges);
          expect(segments[0]?.start).toBe(0);
          expect(segments.at(-1)?.end).toBe(length);
          for (let i = 1; i < segments.length; i++) expect(segments[i]!.start).toBe(segments[i - 1]!.end);
          for (const range of ranges) {
            const covered = segments.filter((segment) => segment.ids.includes(range.id));
            expect(covered.reduce((sum, segment) => sum + segment.end - segment.start, 0)).toBe(range.end - range.start);
          }
        },
      ),
    );
  });
});

describe("segmentParagraphs", () => {
  it("cuts the text after each run of blank lines, and a passage across paragraphs into one segment in each", () => {
    const text = "First one.\n\nSecond, longer.\n \n\nThird";
    const paragraphs = segmentParagraphs(text, [{ id: "across", start: 6, end: 18 }]);
    expect(paragraphs.map(({ start, end }) => text.slice(start, end))).toEqual(["First one.\n\n", "Second, longer.\n \n\n", "Third"]);
    expect(paragraphs.map((paragraph) => paragraph.segments.map(({ start, end, ids }) => [text.slice(start, end), ids]))).toEqual([
      [["First ", []], ["one.\n\n", ["across"]]],
      [["Second", ["across"]], [", longer.\n \n\n", []]],
      [["Third", []]],
    ]);
  });

  it("keeps a single line break inside its paragraph, and an empty text has none", () => {
    expect(segmentParagraphs("one\ntwo", []).map(({ start, end }) => [start, end])).toEqual([[0, 7]]);
    expect(segmentParagraphs("", [])).toEqual([]);
  });

  it("tiles the text exactly with paragraphs whose segments tile them", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[ab \n]{0,120}$/), fc.array(fc.tuple(fc.nat(120), fc.nat(120)), { maxLength: 10 }), (text, pairs) => {
        const ranges = pairs.map(([a, b], index) => ({ id: `p${index}`, start: Math.min(a, b), end: Math.max(a, b) }));
        const paragraphs = segmentParagraphs(text, ranges);
        expect(paragraphs.map((paragraph) => paragraph.segments.map(({ start, end }) => text.slice(start, end)).join("")).join("")).toBe(text);
        for (const paragraph of paragraphs) {
          expect(paragraph.segments[0]!.start).toBe(paragraph.start);
          expect(paragraph.segments.at(-1)!.end).toBe(paragraph.end);
        }
      }),
    );
  });
});
