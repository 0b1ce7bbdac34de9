import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

import { parseArticle } from "./parse-article";

const SEEDS = new URL("../../seeds/articles/", import.meta.url);

// Seed files are named "<nnn>_<hash>.txt"; look them up by number.
function seedBytes(number: string): Uint8Array {
  const name = readdirSync(SEEDS).find((file) => file.startsWith(`${number}_`) && file.endsWith(".txt"));
  if (!name) throw new Error(`seed ${number} not found`);
  return new Uint8Array(readFileSync(new URL(name, SEEDS)));
}

function parseSeed(number: string) {
  const result = parseArticle(seedBytes(number), "text/plain");
  if (!result.ok) throw new Error(`seed ${number} refused: ${result.reason}`);
  return result;
}

describe("parseArticle on the seed articles", () => {
  it("000: AFP dispatch from Washington, 2019, English", () => {
    const { metadata } = parseSeed("000");
    expect(metadata).toMatchObject({ outlet: "AFP", dateline: "Washington", language: "en" });
    // Only "© 2019 AFP" dates it, so the year is all we know.
    expect(metadata.publishedAt?.getUTCFullYear()).toBe(2019);
    expect(metadata.publishedAt).toEqual(new Date("2019-01-01T00:00:00Z"));
    // First line is the dateline, so the title is the shortened first sentence.
    expect(metadata.title).toMatch(/^The White House tried Wednesday to sweep the idea of a dialogue .*…$/);
    expect(metadata.title.length).toBeLessThanOrEqual(120);
  });

  it("001: English, share buttons and photo caption are not the title", () => {
    const { metadata } = parseSeed("001");
    expect(metadata.language).toBe("en");
    expect(metadata.title).toBe("Are there any secret talks between the US administration and the Venezuelan regime?");
    // "(AP)" inside "Last Sunday, the US news agency ... (AP) publishes" is not a dateline.
    expect(metadata.dateline).toBeNull();
    // Only the photo credit "JIM WATSON, FEDERICO PARRA / AFP" names an agency: a weak hint, used
    // because nothing else names an outlet.
    expect(metadata.outlet).toBe("AFP");
    expect(metadata.publishedAt).toBeNull();
  });

  it("002: French; the trailing Unix time wins over the leading timestamp", () => {
    const { metadata, text } = parseSeed("002");
    expect(metadata.language).toBe("fr");
    // The file starts with "2024-07-04 18:03:53" (no zone: local time? UTC?) and ends with
    // 1720111917 = 2024-07-04T16:51:57Z. Unix time is unambiguous about the zone, so it wins.
    expect(metadata.publishedAt).toEqual(new Date("2024-07-04T16:51:57Z"));
    expect(metadata.title).toMatch(/^Les délégations de Venezuela et États Unis .*…$/);
    // Metadata lines stay in the text: offsets point into what the reader sees.
    expect(text.startsWith("2024-07-04 18:03:53\n")).toBe(true);
    expect(text.endsWith("\n1720111917")).toBe(true);
  });

  it("003: French, no metadata lines", () => {
    const { metadata } = parseSeed("003");
    expect(metadata).toMatchObject({ language: "fr", outlet: null, dateline: null, publishedAt: null });
    expect(metadata.title).toMatch(/^Le président Donald Trump souhaite s’entretenir directement .*…$/);
  });

  it("004: French, first line is the headline", () => {
    const { metadata } = parseSeed("004");
    expect(metadata).toMatchObject({
      language: "fr",
      title: "Venezuela : Trump appelle la Russie à quitter le pays, réponse du Kremlin",
      outlet: null,
      dateline: null,
      publishedAt: null,
    });
  });

  it("hashes the normalised text", () => {
    const result = parseSeed("004");
    expect(result.textHash).toBe(createHash("sha256").update(result.text, "utf8").digest("hex"));
    expect(result.textHash).toMatch(/^[0-9a-f]{64}$/);
    // Seed 004 is already in normal form, so the text is exactly the decoded file.
    expect(result.text).toBe(new TextDecoder().decode(seedBytes("004")));
  });
});

describe("parseArticle", () => {
  const utf8 = (text: string) => new TextEncoder().encode(text);

  it("accepts text/markdown and media types with parameters", () => {
    expect(parseArticle(utf8("# Titre\n\nTexte."), "text/markdown").ok).toBe(true);
    expect(parseArticle(utf8("Title\n\nText."), "Text/Plain; charset=UTF-8").ok).toBe(true);
  });

  it("normalises CRLF before hashing, so CRLF and LF copies hash alike", () => {
    const lf = parseArticle(utf8("Title\n\nBody text.\n"), "text/plain");
    const crlf = parseArticle(utf8("\uFEFFTitle\r\n\r\nBody text.\r\n"), "text/plain");
    expect(crlf.ok && crlf.text).toBe("Title\n\nBody text.");
    expect(crlf.ok && crlf.textHash).toBe(lf.ok && lf.textHash);
  });

  it("refuses other media types, saying what is accepted", () => {
    const result = parseArticle(utf8("<p>Hello</p>"), "text/html");
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.reason).toContain("text/plain");
      expect(result.reason).toContain("text/markdown");
      expect(result.reason).toContain('"text/html"');
    }
  });

  it("refuses an empty file", () => {
    expect(parseArticle(new Uint8Array(), "text/plain")).toEqual({ ok: false, reason: "The file is empty." });
  });

  it("refuses a file of only blank space", () => {
    expect(parseArticle(utf8(" \r\n\t\r\n"), "text/plain")).toEqual({
      ok: false,
      reason: "The file contains no text, only blank space.",
    });
  });

  it("refuses binary data", () => {
    const result = parseArticle(new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x00, 0x01]), "text/plain");
    expect(result).toEqual({ ok: false, reason: "This looks like a binary file, not text." });
  });

  it("refuses Latin-1 bytes with a hint", () => {
    const result = parseArticle(new Uint8Array([0x44, 0xe9, 0x6a, 0xe0, 0x20, 0x76, 0x75]), "text/plain");
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain("Windows-1252 (Latin-1)");
  });

  it("refuses files over 2 MiB, naming the limit", () => {
    const exactly = new Uint8Array(2 * 1024 * 1024).fill(0x61);
    expect(parseArticle(exactly, "text/plain").ok).toBe(true);
    const over = new Uint8Array(2 * 1024 * 1024 + 1).fill(0x61);
    const result = parseArticle(over, "text/plain");
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain("2 MiB");
  });
});
