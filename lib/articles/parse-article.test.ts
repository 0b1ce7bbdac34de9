import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

import { MAX_ARTICLE_BYTES, MAX_ARTICLE_TEXT_LENGTH, parseArticle } from "./parse-article";

const SEEDS = new URL("../../seeds/articles/", import.meta.url);

// Seed files are named "<nnn>_<hash>.txt"; look them up by number.
function seedBytes(number: string): Uint8Array {
  const name = readdirSync(SEEDS).find((file) => file.startsWith(`${number}_`) && file.endsWith(".txt"));
  if (!name) throw new Error(`seed ${number} not found`);
  return new Uint8Array(readFileSync(new URL(name, SEEDS)));
}

async function parseSeed(number: string) {
  const result = await parseArticle(seedBytes(number), "text/plain");
  if (!result.ok) throw new Error(`seed ${number} refused: ${result.reason}`);
  return result;
}

describe("parseArticle on the seed articles", () => {
  it("000: AFP dispatch from Washington, 2019, English", async () => {
    const { metadata } = await parseSeed("000");
    expect(metadata).toMatchObject({ outlet: "AFP", dateline: "Washington", language: "en" });
    // Only "© 2019 AFP" dates it, so the year is all we know.
    expect(metadata.publishedAt?.getUTCFullYear()).toBe(2019);
    expect(metadata.publishedAt).toEqual(new Date("2019-01-01T00:00:00Z"));
    // First line is the dateline, so the title is the shortened first sentence.
    expect(metadata.title).toMatch(/^The White House tried Wednesday to sweep the idea of a dialogue .*…$/);
    expect(metadata.title.length).toBeLessThanOrEqual(120);
  });

  it("001: English, share buttons and photo caption are not the title", async () => {
    const { metadata } = await parseSeed("001");
    expect(metadata.language).toBe("en");
    expect(metadata.title).toBe("Are there any secret talks between the US administration and the Venezuelan regime?");
    // "(AP)" inside "Last Sunday, the US news agency ... (AP) publishes" is not a dateline.
    expect(metadata.dateline).toBeNull();
    // Only the photo credit "JIM WATSON, FEDERICO PARRA / AFP" names an agency: a weak hint, used
    // because nothing else names an outlet.
    expect(metadata.outlet).toBe("AFP");
    expect(metadata.publishedAt).toBeNull();
  });

  it("002: French; the trailing Unix time wins over the leading timestamp", async () => {
    const { metadata, text } = await parseSeed("002");
    expect(metadata.language).toBe("fr");
    // The file starts with "2024-07-04 18:03:53" (no zone: local time? UTC?) and ends with
    // 1720111917 = 2024-07-04T16:51:57Z. Unix time is unambiguous about the zone, so it wins.
    expect(metadata.publishedAt).toEqual(new Date("2024-07-04T16:51:57Z"));
    expect(metadata.title).toMatch(/^Les délégations de Venezuela et États Unis .*…$/);
    // Metadata lines stay in the text: offsets point into what the reader sees.
    expect(text.startsWith("2024-07-04 18:03:53\n")).toBe(true);
    expect(text.endsWith("\n1720111917")).toBe(true);
  });

  it("003: French, no metadata lines", async () => {
    const { metadata } = await parseSeed("003");
    expect(metadata).toMatchObject({ language: "fr", outlet: null, dateline: null, publishedAt: null });
    expect(metadata.title).toMatch(/^Le président Donald Trump souhaite s’entretenir directement .*…$/);
  });

  it("004: French, first line is the headline", async () => {
    const { metadata } = await parseSeed("004");
    expect(metadata).toMatchObject({
      language: "fr",
      title: "Venezuela : Trump appelle la Russie à quitter le pays, réponse du Kremlin",
      outlet: null,
      dateline: null,
      publishedAt: null,
    });
  });

  it("hashes the normalised text", async () => {
    const result = await parseSeed("004");
    expect(result.textHash).toBe(createHash("sha256").update(result.text, "utf8").digest("hex"));
    expect(result.textHash).toMatch(/^[0-9a-f]{64}$/);
    // Seed 004 is already in normal form, so the text is exactly the decoded file.
    expect(result.text).toBe(new TextDecoder().decode(seedBytes("004")));
  });
});

describe("parseArticle", () => {
  const utf8 = (text: string) => new TextEncoder().encode(text);

  it("accepts text/markdown and media types with parameters", async () => {
    expect((await parseArticle(utf8("# Titre\n\nTexte."), "text/markdown")).ok).toBe(true);
    expect((await parseArticle(utf8("Title\n\nText."), "Text/Plain; charset=UTF-8")).ok).toBe(true);
  });

  it("normalises CRLF before hashing, so CRLF and LF copies hash alike", async () => {
    const lf = await parseArticle(utf8("Title\n\nBody text.\n"), "text/plain");
    const crlf = await parseArticle(utf8("\uFEFFTitle\r\n\r\nBody text.\r\n"), "text/plain");
    expect(crlf.ok && crlf.text).toBe("Title\n\nBody text.");
    expect(crlf.ok && crlf.textHash).toBe(lf.ok && lf.textHash);
  });

  it("refuses other media types, saying what is accepted", async () => {
    const result = await parseArticle(utf8("%PDF-1.7"), "application/pdf");
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.reason).toContain("text/plain");
      expect(result.reason).toContain("text/markdown");
      expect(result.reason).toContain("text/html");
      expect(result.reason).toContain('"application/pdf"');
    }
  });

  it("keeps markup in plain text as it is", async () => {
    const result = await parseArticle(utf8("<p>Hello</p>"), "text/plain");
    expect(result.ok && result.text).toBe("<p>Hello</p>");
  });

  it("refuses an empty file", async () => {
    expect(await parseArticle(new Uint8Array(), "text/plain")).toMatchObject({ ok: false, reason: "The file is empty." });
  });

  it("refuses a file of only blank space", async () => {
    expect(await parseArticle(utf8(" \r\n\t\r\n"), "text/plain")).toMatchObject({
      ok: false,
      reason: "The file contains no text, only blank space.",
    });
  });

  it("refuses binary data", async () => {
    const result = await parseArticle(new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x00, 0x01]), "text/plain");
    expect(result).toMatchObject({ ok: false, reason: "This looks like a binary file, not text." });
  });

  it("refuses Latin-1 bytes with a hint", async () => {
    const result = await parseArticle(new Uint8Array([0x44, 0xe9, 0x6a, 0xe0, 0x20, 0x76, 0x75]), "text/plain");
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain("Windows-1252 (Latin-1)");
  });

  it("refuses files over 2 MiB, naming the limit", async () => {
    // 2 MiB of three-byte characters: fewer characters than the text limit.
    const exactly = utf8(`${"€".repeat((2 * 1024 * 1024 - 2) / 3)}ab`);
    expect(exactly.length).toBe(MAX_ARTICLE_BYTES);
    expect((await parseArticle(exactly, "text/plain")).ok).toBe(true);
    const over = new Uint8Array(2 * 1024 * 1024 + 1).fill(0x61);
    const result = await parseArticle(over, "text/plain");
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain("2 MiB");
  });

  it("refuses a text over a million characters, naming the limit", async () => {
    expect(MAX_ARTICLE_TEXT_LENGTH).toBe(1_000_000);
    const text = (length: number) => utf8(`Title\n\n${"a".repeat(length - 7)}`);
    expect((await parseArticle(text(MAX_ARTICLE_TEXT_LENGTH), "text/plain")).ok).toBe(true);
    expect(await parseArticle(text(MAX_ARTICLE_TEXT_LENGTH + 1), "text/markdown")).toMatchObject({
      ok: false,
      reason: "The article's text is 1,000,001 characters long, over the limit of 1,000,000 characters for an article.",
    });
  });
});

describe("parseArticle on HTML", () => {
  const utf8 = (text: string) => new TextEncoder().encode(text);

  async function parseHtml(html: string | Uint8Array, mediaType = "text/html") {
    const result = await parseArticle(typeof html === "string" ? utf8(html) : html, mediaType);
    if (!result.ok) throw new Error(`refused: ${result.reason}`);
    return result;
  }

  const HOSTILE = `<!doctype html>
<html><head>
<meta charset="utf-8">
<title>Les négociations reprennent</title>
<style>p { color: red } body{background:url(javascript:alert(1))}</style>
<script>alert(1)</script>
</head>
<body onload="alert(1)">
<nav><a href="/">Accueil</a> <a href="/monde">Monde</a></nav>
<!-- <script>alert("comment")</script> -->
<p>Caracas (AFP)</p>
<p onclick="alert(1)">Le gouvernement vénézuélien a annoncé lundi la reprise des discussions avec l’opposition,
  sous l’égide de la <a href="javascript:alert(1)">Norvège</a>.<img src=x onerror=alert(1)></p>
<svg onload=alert(1)><circle r="1"/></svg>
<iframe src="https://example.com/ad">alert(iframe)</iframe>
<template><p>alert(template)</p></template>
<h2>Une &lt;script&gt; dans le texte</h2>
<p>Les discussions doivent durer <b>trois jours</b>.<br>Aucun calendrier n’a été fixé.</p>
<form><button onclick="alert(1)">Partager</button></form>
<footer>© 2024 Le Site — alert(footer)</footer>
<script>alert(2)</script>
</body></html>`;

  it("keeps only the readable text of a hostile page", async () => {
    const { text } = await parseHtml(HOSTILE);
    for (const banned of ["alert(", "onerror", "onload", "onclick", "javascript:", "<svg", "color: red", "background", "Accueil", "Partager"]) {
      expect(text).not.toContain(banned);
    }
    expect(text).toBe(
      [
        "Caracas (AFP)",
        "Le gouvernement vénézuélien a annoncé lundi la reprise des discussions avec l’opposition, sous l’égide de la Norvège.",
        "Une <script> dans le texte",
        "Les discussions doivent durer trois jours.\nAucun calendrier n’a été fixé.",
      ].join("\n\n"),
    );
  });

  it("reads the metadata from the text, with the page's title", async () => {
    const result = await parseHtml(HOSTILE);
    expect(result.metadata).toMatchObject({
      title: "Les négociations reprennent",
      dateline: "Caracas",
      outlet: "AFP",
      language: "fr",
      publishedAt: null,
    });
    expect(result.textHash).toBe(createHash("sha256").update(result.text, "utf8").digest("hex"));
  });

  it("takes the first <h1> over <title>, and the text's own title when the page has neither", async () => {
    const page = (head: string, body: string) => `<html><head>${head}</head><body>${body}</body></html>`;
    const both = await parseHtml(page("<title>Headline | Site</title>", "<h1>Headline</h1><p>Body text here.</p>"));
    expect(both.metadata.title).toBe("Headline");
    expect(both.text).toBe("Headline\n\nBody text here.");
    expect((await parseHtml(page("<title>From the title</title>", "<p>Body text here.</p>"))).metadata.title).toBe("From the title");
    expect((await parseHtml(page("", "<p>First sentence. Second sentence.</p>"))).metadata.title).toBe("First sentence");
  });

  it("prefers what the page says of itself over what the text suggests", async () => {
    const page = `<html lang="en"><head>
<link rel="canonical" href="https://daily.example/vote">
<meta property="og:title" content="Vote count disputed">
<meta property="og:site_name" content="Caracas Daily">
<meta name="author" content="Ana Pérez">
<meta property="article:published_time" content="2024-07-02T09:30:00Z">
<meta property="article:modified_time" content="2024-07-03T10:00:00Z">
</head><body><h1>Disputed</h1><p>Caracas (AFP)</p><p>Le gouvernement vénézuélien a annoncé lundi la reprise des discussions.</p>
<p>© 2019 AFP</p></body></html>`;
    expect((await parseHtml(page)).metadata).toMatchObject({
      title: "Vote count disputed",
      url: "https://daily.example/vote",
      outlet: "Caracas Daily",
      author: "Ana Pérez",
      publishedAt: new Date("2024-07-02T09:30:00Z"),
      updatedAt: new Date("2024-07-03T10:00:00Z"),
      language: "en",
      dateline: "Caracas",
    });
    expect((await parseHtml(HOSTILE)).metadata).toMatchObject({ url: null, author: null, updatedAt: null, outlet: "AFP" });
  });

  it("treats HTML like plain text once it is text: same normalisation and hash", async () => {
    const html = await parseHtml("\uFEFF<p>Title</p>\r\n<p>Body text.</p>");
    const plain = await parseArticle(utf8("Title\n\nBody text."), "text/plain");
    expect(html.text).toBe("Title\n\nBody text.");
    expect(plain.ok && plain.textHash).toBe(html.textHash);
  });

  it("accepts a media type with parameters, and does not touch the bytes", async () => {
    const bytes = utf8("<p>Hello</p>");
    const copy = bytes.slice();
    expect((await parseArticle(bytes, "Text/HTML; charset=UTF-8")).ok).toBe(true);
    expect(bytes).toEqual(copy);
  });

  it("refuses HTML that is not UTF-8, as for text", async () => {
    // "<p>Café</p>" saved as Windows-1252.
    const latin1 = new Uint8Array([...utf8('<meta charset="windows-1252"><p>Caf'), 0xe9, ...utf8("</p>")]);
    const result = await parseArticle(latin1, "text/html");
    expect(result).toMatchObject({
      ok: false,
      reason: "This file is not valid UTF-8: it looks like Windows-1252 (Latin-1); re-save it as UTF-8.",
    });
  });

  it("honours <meta charset>: UTF-8 is fine, another encoding must agree with the bytes", async () => {
    expect((await parseHtml('<meta charset="utf-8"><p>Café</p>')).text).toBe("Café");
    expect((await parseHtml('<meta charset="iso-8859-1"><p>Plain ASCII page</p>')).text).toBe("Plain ASCII page");
    const mislabelled = await parseArticle(utf8('<meta charset="iso-8859-1"><p>Café</p>'), "text/html");
    expect(mislabelled).toMatchObject({
      ok: false,
      reason: 'This page declares its character encoding as "iso-8859-1", not UTF-8; re-save it as UTF-8 (with <meta charset="utf-8">).',
    });
  });

  it("refuses a page with no text", async () => {
    const reason = "The page contains no text, only markup and blank space.";
    expect(await parseArticle(utf8("<html></html>"), "text/html")).toMatchObject({ ok: false, reason });
    const scriptsOnly = "<html><head><title>T</title><script>alert(1)</script></head><body>\n <p>&nbsp;</p> </body></html>";
    expect(await parseArticle(utf8(scriptsOnly), "text/html")).toMatchObject({ ok: false, reason });
    expect(await parseArticle(new Uint8Array(), "text/html")).toMatchObject({ ok: false, reason: "The file is empty." });
  });

  it("refuses pages over 2 MiB, and nesting no article has", async () => {
    // Mostly markup, as pages are: a comment fills the page up to its size.
    const page = (size: number) => utf8(`<p>Body text.</p><!--${"x".repeat(size - 24)}-->`);
    expect(page(MAX_ARTICLE_BYTES).length).toBe(MAX_ARTICLE_BYTES);
    expect((await parseArticle(page(MAX_ARTICLE_BYTES), "text/html")).ok).toBe(true);
    const over = await parseArticle(page(MAX_ARTICLE_BYTES + 1), "text/html");
    expect(over).toMatchObject({ ok: false, reason: "The file is larger than the 2 MiB limit for an article." });
    const deep = await parseArticle(utf8("<div>".repeat(5000)), "text/html");
    expect(!deep.ok && deep.reason).toContain("levels deep");
  });

  it("refuses a page whose text is too long for its size or for an article, naming the limit", async () => {
    const bomb = await parseArticle(utf8('<ol start="999999999999999"><li>x'.repeat(3) + "<li>y".repeat(12_000)), "text/html");
    expect(!bomb.ok && bomb.reason).toContain("more than the limit of 3 characters per byte of HTML");
    const long = await parseArticle(utf8(`<pre>${"a".repeat(MAX_ARTICLE_TEXT_LENGTH + 1)}</pre>`), "text/html");
    expect(!long.ok && long.reason).toContain("over the limit of 1,000,000 characters for an article");
  });
});
