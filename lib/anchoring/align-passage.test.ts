import { describe, expect, it } from "vitest";
import { alignPassage } from "./align-passage";

const pattern = (prefix: string, exact: string, suffix: string) => ({ window: prefix + exact + suffix, prefixLength: prefix.length, quoteLength: exact.length });

describe("alignPassage", () => {
  it("splits the edits between the prefix, the quote and the suffix", () => {
    const text = "xx the old prefix|the quoted pasage|the suffix xx";
    const at = text.indexOf("the quoted");
    expect(alignPassage(text, pattern("the olde prefix|", "the quoted passage", "|the suffix"), at, 8)).toEqual({
      start: at,
      end: at + "the quoted pasage".length,
      prefixErrors: 1,
      quoteErrors: 1,
      suffixErrors: 0,
    });
  });

  it("leaves characters inserted at a boundary outside the quote", () => {
    const text = "before the passage, after";
    const at = text.indexOf("the passage");
    const result = alignPassage(text, pattern("before", "the passage", " after"), at, 8);
    expect(result).toEqual({ start: at, end: at + "the passage".length, prefixErrors: 1, quoteErrors: 0, suffixErrors: 1 });
  });

  it("counts a context that runs off the end of the text as edits, and stays in the text", () => {
    const text = "the passage ends the text";
    const result = alignPassage(text, pattern("", "ends the text", " and more words after it"), text.indexOf("ends"), 8);
    expect(result.start).toBe(text.indexOf("ends"));
    expect(result.end).toBe(text.length);
    expect(result.quoteErrors).toBe(0);
    expect(result.suffixErrors).toBe(" and more words after it".length);
  });
});
