import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { normalizeArticleText } from "./normalize-article-text";

describe("normalizeArticleText", () => {
  it("turns CRLF and lone CR into LF", () => {
    expect(normalizeArticleText("one\r\ntwo\rthree\n\r\nfour")).toBe("one\ntwo\nthree\n\nfour");
  });

  it("composes to NFC", () => {
    expect(normalizeArticleText("Nicola\u0301s e\u0301te\u0301")).toBe("Nicolás été");
  });

  it("keeps curly quotes, apostrophes and non-breaking spaces untouched", () => {
    const text = "D’un côté, le Kremlin\u00a0: « Les Russes doivent partir\u202f» — “quoted” ‘too’.";
    expect(normalizeArticleText(text)).toBe(text);
  });

  it("keeps inner whitespace, tabs and leading indentation of the first line", () => {
    const text = "  Title\twith  tab\n\n\n  indented   paragraph";
    expect(normalizeArticleText(text)).toBe(text);
  });

  it("removes a BOM, leading blank lines and trailing whitespace", () => {
    expect(normalizeArticleText("\uFEFF\n  \n\t\nTitle\n\nBody.  \n\n\u00a0\n")).toBe("Title\n\nBody.");
    expect(normalizeArticleText("\n\uFEFFTitle")).toBe("Title");
  });

  it("returns an empty string for blank input", () => {
    expect(normalizeArticleText(" \r\n\t\uFEFF ")).toBe("");
  });

  it("is idempotent", () => {
    // Mix arbitrary code points with the characters the rules act on, so that edge cases meet.
    const tricky = fc.constantFrom("\r", "\n", "\r\n", " ", "\t", "\u00a0", "\uFEFF", "e", "\u0301", "’", "\u2028", "\u1100", "\u1161", "\u11a8");
    const piece = fc.oneof(tricky, fc.string({ unit: "binary", maxLength: 4 }));
    const text = fc.array(piece, { maxLength: 40 }).map((pieces) => pieces.join(""));
    fc.assert(
      fc.property(text, (input) => {
        const once = normalizeArticleText(input);
        expect(normalizeArticleText(once)).toBe(once);
      }),
      { numRuns: 2000 },
    );
  });
});
