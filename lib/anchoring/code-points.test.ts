import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { codePointsToUtf16, utf16ToCodePoints } from "./code-points";

describe("utf16ToCodePoints / codePointsToUtf16", () => {
  it("counts an emoji (a surrogate pair) as one code point", () => {
    const text = "a😀b🇫🇷c"; // the flag is two regional indicators, each a pair
    expect(text.length).toBe(9);
    expect(utf16ToCodePoints(text, 0)).toBe(0);
    expect(utf16ToCodePoints(text, 1)).toBe(1);
    expect(utf16ToCodePoints(text, 3)).toBe(2);
    expect(utf16ToCodePoints(text, 4)).toBe(3);
    expect(utf16ToCodePoints(text, 9)).toBe(6);
    expect(codePointsToUtf16(text, 2)).toBe(3);
    expect(codePointsToUtf16(text, 6)).toBe(9);
  });

  it("is the identity on text without surrogate pairs, accents and NBSP included", () => {
    const text = "L’Élysée\u00a0« répond »";
    for (let i = 0; i <= text.length; i++) {
      expect(utf16ToCodePoints(text, i)).toBe(i);
      expect(codePointsToUtf16(text, i)).toBe(i);
    }
  });

  it("throws a RangeError for an offset inside a surrogate pair, or outside the text", () => {
    expect(() => utf16ToCodePoints("a😀b", 2)).toThrow(RangeError);
    expect(() => utf16ToCodePoints("abc", 4)).toThrow(RangeError);
    expect(() => utf16ToCodePoints("abc", -1)).toThrow(RangeError);
    expect(() => utf16ToCodePoints("abc", 1.5)).toThrow(RangeError);
    expect(() => codePointsToUtf16("a😀b", 4)).toThrow(RangeError);
    expect(() => codePointsToUtf16("abc", -1)).toThrow(RangeError);
  });

  it("counts lone surrogates as one code point each, like string iteration", () => {
    const text = "a\ud800b\udc00c";
    expect(utf16ToCodePoints(text, text.length)).toBe([...text].length);
    expect(codePointsToUtf16(text, 2)).toBe(2);
  });

  it("round-trips every character boundary of random text", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 40 }), (text) => {
        const characters = [...text];
        let offset = 0;
        characters.forEach((character, index) => {
          expect(utf16ToCodePoints(text, offset)).toBe(index);
          expect(codePointsToUtf16(text, index)).toBe(offset);
          offset += character.length;
        });
        expect(utf16ToCodePoints(text, text.length)).toBe(characters.length);
        expect(codePointsToUtf16(text, characters.length)).toBe(text.length);
      }),
    );
  });
});
