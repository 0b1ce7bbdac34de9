import { describe, expect, it } from "vitest";

import { decodeArticleBytes } from "./decode-article-bytes";

const utf8 = (text: string) => new TextEncoder().encode(text);

describe("decodeArticleBytes", () => {
  it("decodes UTF-8 text as is", () => {
    expect(decodeArticleBytes(utf8("Le président a dit « non ».\r\n"))).toEqual({
      ok: true,
      text: "Le président a dit « non ».\r\n",
    });
  });

  it("strips a leading UTF-8 BOM, and only that one", () => {
    expect(decodeArticleBytes(new Uint8Array([0xef, 0xbb, 0xbf, 0x48, 0x69]))).toEqual({ ok: true, text: "Hi" });
    expect(decodeArticleBytes(utf8("A\uFEFFB"))).toEqual({ ok: true, text: "A\uFEFFB" });
  });

  it("refuses an empty file", () => {
    expect(decodeArticleBytes(new Uint8Array())).toEqual({ ok: false, refusal: { key: "fileEmpty" } });
  });

  it("refuses bytes with a NUL as binary", () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]);
    expect(decodeArticleBytes(png)).toEqual({ ok: false, refusal: { key: "fileBinary" } });
    expect(decodeArticleBytes(utf8("text\u0000more text"))).toMatchObject({ ok: false });
  });

  it("refuses bytes that are mostly control characters as binary", () => {
    const bytes = new Uint8Array([0x01, 0x02, 0x41, 0x03, 0x1b, 0x42, 0x7f, 0x10]);
    expect(decodeArticleBytes(bytes)).toEqual({ ok: false, refusal: { key: "fileBinary" } });
  });

  it("accepts tabs, form feeds and a rare stray control character", () => {
    const text = `col1\tcol2\f${"a".repeat(40)}\u0007`;
    expect(decodeArticleBytes(utf8(text))).toEqual({ ok: true, text });
  });

  it("names Windows-1252 (Latin-1) when invalid UTF-8 reads cleanly that way", () => {
    // "Le président a dit « non » – déjà." saved as Windows-1252.
    const latin1 = new Uint8Array([
      ...utf8("Le pr"), 0xe9, ...utf8("sident a dit "), 0xab, ...utf8(" non "), 0xbb, 0x20, 0x96, ...utf8(" d"), 0xe9,
      ...utf8("j"), 0xe0, 0x2e,
    ]);
    expect(decodeArticleBytes(latin1)).toEqual({ ok: false, refusal: { key: "fileWindows1252" } });
  });

  it("refuses other invalid UTF-8 without guessing an encoding", () => {
    // 0x81 is undefined in Windows-1252, so the Latin-1 hint would be a guess.
    const result = decodeArticleBytes(new Uint8Array([0x41, 0x81, 0x42]));
    expect(result).toEqual({ ok: false, refusal: { key: "fileNotUtf8" } });
  });

  it("names UTF-16 instead of calling it binary", () => {
    const utf16le = new Uint8Array([0xff, 0xfe, 0x48, 0x00, 0x69, 0x00]);
    expect(decodeArticleBytes(utf16le)).toEqual({ ok: false, refusal: { key: "fileUtf16" } });
  });
});
