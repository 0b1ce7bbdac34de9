// W3C Web Annotation TextPositionSelectors count Unicode code points; the app (like the browser's
// Selection API) stores UTF-16 code unit offsets. An emoji outside the Basic Multilingual Plane is
// one code point but two code units (a surrogate pair).
//
// An offset between the two halves of a surrogate pair names no character boundary: both functions
// throw a RangeError for it rather than clamp, because a silently shifted offset would make an
// exported annotation point at a different character. A lone (unpaired) surrogate counts as one
// code point, as in JavaScript's string iteration.

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** The number of code points in text[0, offset), for a UTF-16 offset on a character boundary. */
export function utf16ToCodePoints(text: string, offset: number): number {
  if (!Number.isInteger(offset) || offset < 0 || offset > text.length) {
    throw new RangeError(`UTF-16 offset ${offset} is outside the text (0-${text.length}).`);
  }
  if (offset > 0 && offset < text.length && isHighSurrogate(text.charCodeAt(offset - 1)) && isLowSurrogate(text.charCodeAt(offset))) {
    throw new RangeError(`UTF-16 offset ${offset} falls inside a surrogate pair.`);
  }
  let codePoints = 0;
  for (let i = 0; i < offset; i++) {
    // The low half of a pair was counted with its high half.
    if (!(isLowSurrogate(text.charCodeAt(i)) && i > 0 && isHighSurrogate(text.charCodeAt(i - 1)))) codePoints++;
  }
  return codePoints;
}

/** The UTF-16 offset of the boundary before code point number `codePoint` (0 = start of text). */
export function codePointsToUtf16(text: string, codePoint: number): number {
  if (!Number.isInteger(codePoint) || codePoint < 0) {
    throw new RangeError(`Code point offset ${codePoint} is not a non-negative integer.`);
  }
  let offset = 0;
  for (let seen = 0; seen < codePoint; seen++) {
    if (offset >= text.length) {
      throw new RangeError(`Code point offset ${codePoint} is beyond the end of the text (${seen} code points).`);
    }
    const pair = isHighSurrogate(text.charCodeAt(offset)) && offset + 1 < text.length && isLowSurrogate(text.charCodeAt(offset + 1));
    offset += pair ? 2 : 1;
  }
  return offset;
}
