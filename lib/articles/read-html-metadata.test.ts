import { describe, expect, it } from "vitest";
import { MAX_JSON_LD_CHARACTERS, readHtmlMetadata } from "./read-html-metadata";

const page = (head: string, body = "<p>Text.</p>", lang = "") => `<!doctype html><html${lang}><head>${head}</head><body>${body}</body></html>`;
const jsonLd = (value: unknown) => `<script type="application/ld+json">${typeof value === "string" ? value : JSON.stringify(value)}</script>`;

describe("readHtmlMetadata: meta tags", () => {
  it("reads the canonical link, Open Graph and article:* tags, and <html lang>", () => {
    const html = page(
      `<link rel="canonical" href="https://daily.example/world/caracas-vote">
       <meta property="og:url" content="https://daily.example/other">
       <meta property="og:title" content="Opposition   claims victory &amp; fraud">
       <meta property="og:site_name" content="Caracas Daily">
       <meta name="author" content="Ana Pérez">
       <meta property="article:author" content="https://www.facebook.com/anaperez">
       <meta property="article:author" content="Luis Gómez">
       <meta property="article:published_time" content="2024-07-02T09:30:00-04:00">
       <meta property="article:modified_time" content="2024-07-03T08:00:00Z">
       <meta property="og:locale" content="en_US">`,
      "<p>Text.</p>",
      ' lang="es-VE"',
    );
    expect(readHtmlMetadata(html)).toEqual({
      url: "https://daily.example/world/caracas-vote",
      title: "Opposition claims victory & fraud",
      outlet: "Caracas Daily",
      author: "Ana Pérez, Luis Gómez",
      publishedAt: new Date("2024-07-02T13:30:00Z"),
      updatedAt: new Date("2024-07-03T08:00:00Z"),
      language: "es",
    });
  });

  it("falls back to og:url and og:locale", () => {
    const html = page(`<meta property="og:url" content="http://lemonde.example/a"><meta property="og:locale" content="fr_FR">`);
    expect(readHtmlMetadata(html)).toMatchObject({ url: "http://lemonde.example/a", language: "fr" });
  });

  it("leaves out what fails its check", () => {
    const html = page(
      `<link rel="canonical" href="/relative/path">
       <meta property="og:url" content="javascript:alert(1)">
       <meta property="og:site_name" content="   ">
       <meta name="author" content="${"x".repeat(121)}">
       <meta property="article:published_time" content="next Tuesday">
       <meta property="og:title" content="2024">`,
      "<p>Text.</p>",
      ' lang="english"',
    );
    expect(readHtmlMetadata(html)).toEqual({ url: null, title: null, outlet: null, author: null, publishedAt: null, updatedAt: null, language: null });
  });

  it("refuses a canonical address over 2000 characters and dates outside the accepted range", () => {
    const html = page(
      `<link rel="canonical" href="https://daily.example/${"a".repeat(2000)}"><meta property="article:published_time" content="1750-01-01">`,
    );
    expect(readHtmlMetadata(html)).toMatchObject({ url: null, publishedAt: null });
  });

  it("reads meta tags only in the head", () => {
    const html = page("", `<meta property="og:site_name" content="Injected"><link rel="canonical" href="https://evil.example/">`);
    expect(readHtmlMetadata(html)).toMatchObject({ outlet: null, url: null });
  });
});

describe("readHtmlMetadata: JSON-LD", () => {
  it("reads a NewsArticle: headline, publisher, authors and datePublished", () => {
    const html = page(
      jsonLd({
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        headline: "Le scrutin contesté",
        datePublished: "2024-07-03",
        dateModified: "2024-07-04T10:15:00+02:00",
        author: [{ "@type": "Person", name: "Marie Dupont" }, "Jean Martin", { "@type": "Person", name: "Marie Dupont" }],
        publisher: { "@type": "Organization", name: "Le Monde" },
      }),
    );
    expect(readHtmlMetadata(html)).toMatchObject({
      title: "Le scrutin contesté",
      outlet: "Le Monde",
      author: "Marie Dupont, Jean Martin",
      publishedAt: new Date("2024-07-03T00:00:00Z"),
      updatedAt: new Date("2024-07-04T08:15:00Z"),
    });
  });

  it("finds the article in an array, in a @graph and nested, and follows @id references", () => {
    const graph = {
      "@context": "https://schema.org",
      "@graph": [
        { "@type": "Organization", "@id": "#org", name: "Caracas Daily" },
        { "@type": "Person", "@id": "#ana", name: "Ana Pérez" },
        { "@type": "WebPage", mainEntity: { "@type": ["ReportageNewsArticle"], publisher: { "@id": "#org" }, author: { "@id": "#ana" } } },
      ],
    };
    expect(readHtmlMetadata(page(jsonLd([{ "@type": "BreadcrumbList" }, graph])))).toMatchObject({
      outlet: "Caracas Daily",
      author: "Ana Pérez",
    });
  });

  it("skips broken JSON and over-long scripts without throwing", () => {
    const long = jsonLd({ "@type": "NewsArticle", headline: "Too long", padding: "x".repeat(MAX_JSON_LD_CHARACTERS) });
    const html = page(`${jsonLd("{not json")}${long}${jsonLd({ "@type": "Article", headline: "Kept" })}`);
    expect(readHtmlMetadata(html).title).toBe("Kept");
  });

  it("prefers the meta tags over JSON-LD", () => {
    const html = page(`<meta property="og:site_name" content="From OG">${jsonLd({ "@type": "NewsArticle", publisher: { name: "From JSON-LD" } })}`);
    expect(readHtmlMetadata(html).outlet).toBe("From OG");
  });
});

describe("readHtmlMetadata: <time>", () => {
  it("takes the first <time datetime> inside <article> when nothing else dates the page", () => {
    const html = page(
      "",
      `<header><time datetime="2020-01-01">Site founded</time></header>
       <article><h1>Vote</h1><time datetime="2024-07-02T10:00Z">2 July</time><time datetime="2024-07-05">Updated</time></article>`,
    );
    expect(readHtmlMetadata(html).publishedAt).toEqual(new Date("2024-07-02T10:00:00Z"));
  });

  it("ignores a <time> outside any article", () => {
    expect(readHtmlMetadata(page("", `<time datetime="2024-07-02">2 July</time>`)).publishedAt).toBeNull();
  });
});
