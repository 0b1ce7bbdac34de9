// Reads an HTML page's own description of the article: canonical address, outlet, authors,
// publication and update times, headline and language, from <link rel="canonical">, Open Graph and article:*
// <meta> tags, schema.org Article JSON-LD, the first <time datetime> inside <article>, and
// <html lang>.
//
// A focused pass of htmlparser2 (already what html-to-text parses with) rather than a metadata
// library: metascraper and its peers bring a DOM (cheerio), dozens of rules for sites, images and
// videos we do not want, and fetch helpers; what a fact-checker needs is these few tags, each
// value checked here. It runs in the conversion's worker thread, inside its time and memory
// limits (html-to-text-pool.ts), after the depth check, and reads only:
// - <meta> and <link> before <body> opens (the head; a page without <body> is read to its end),
// - <script type="application/ld+json">: at most MAX_JSON_LD_SCRIPTS of at most
//   MAX_JSON_LD_CHARACTERS each, walked over at most MAX_JSON_LD_NODES objects; bad JSON is skipped,
// - the first <time datetime> inside an <article>, and the lang attribute of <html>.
//
// Every value is checked, and one that fails is left out (a wrong field is worse than a missing
// one): addresses must be absolute http(s) URLs of at most MAX_URL_LENGTH characters (a relative
// canonical cannot be resolved: the import has no address of its own); times must be ISO 8601 as
// parseTimestamp reads them and within the dates a person may type (lib/validation.ts); names
// have their whitespace collapsed, must contain a letter, must not be addresses (article:author is
// often a profile page), and are at most MAX_NAME_LENGTH characters.
//
// Preferences, first found wins: title: og:title, JSON-LD headline; outlet: og:site_name, JSON-LD
// publisher name; authors: JSON-LD author names, then <meta name="author">, then article:author
// (duplicates dropped, joined with ", "); published: article:published_time, JSON-LD
// datePublished, then the <time>; updated: article:modified_time, og:updated_time, JSON-LD
// dateModified; language: <html lang>, then og:locale.
import { Parser } from "htmlparser2";
import { dateInput } from "../validation";
import { parseTimestamp } from "./extract-article-metadata";

export type HtmlMetadata = {
  url: string | null;
  title: string | null;
  outlet: string | null;
  author: string | null;
  publishedAt: Date | null;
  updatedAt: Date | null;
  language: string | null;
};

export const MAX_JSON_LD_SCRIPTS = 20;
export const MAX_JSON_LD_CHARACTERS = 200_000;
const MAX_JSON_LD_NODES = 5_000;
const MAX_URL_LENGTH = 2000;
const MAX_NAME_LENGTH = 120;
const MAX_TITLE_LENGTH = 300;
const MAX_AUTHOR_LENGTH = 200;

// schema.org types of a news or blog article (Article and its subtypes).
const ARTICLE_TYPES = new Set([
  "Article",
  "NewsArticle",
  "AnalysisNewsArticle",
  "AskPublicNewsArticle",
  "BackgroundNewsArticle",
  "OpinionNewsArticle",
  "ReportageNewsArticle",
  "ReviewNewsArticle",
  "BlogPosting",
  "LiveBlogPosting",
  "Report",
  "ScholarlyArticle",
]);

const publicationDate = dateInput("the publication date");

function checkedUrl(value: unknown): string | null {
  if (typeof value !== "string") return null;
  const text = value.trim();
  if (text.length > MAX_URL_LENGTH || !/^https?:\/\//i.test(text)) return null;
  try {
    const url = new URL(text);
    return url.href.length <= MAX_URL_LENGTH ? url.href : null;
  } catch {
    return null;
  }
}

function checkedName(value: unknown, maxLength = MAX_NAME_LENGTH): string | null {
  if (typeof value !== "string") return null;
  const name = value.replace(/\s+/gu, " ").trim();
  if (name === "" || Array.from(name).length > maxLength || !/\p{L}/u.test(name)) return null;
  if (/^(?:https?:)?\/\//i.test(name) || /^www\./i.test(name)) return null;
  return name;
}

function checkedTime(value: unknown): Date | null {
  if (typeof value !== "string") return null;
  const time = parseTimestamp(value.trim());
  return time && publicationDate.safeParse(time).success ? time : null;
}

// "fr-FR", "fr_FR", "FR" -> "fr"; anything else (a three-letter or made-up code) -> null.
function checkedLanguage(value: unknown): string | null {
  if (typeof value !== "string") return null;
  const primary = value.trim().split(/[-_]/u)[0]?.toLowerCase() ?? "";
  return /^[a-z]{2}$/.test(primary) ? primary : null;
}

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function types(node: JsonObject): string[] {
  const type = node["@type"];
  return (Array.isArray(type) ? type : [type]).filter((entry): entry is string => typeof entry === "string");
}

/** Every object in the parsed JSON-LD documents, breadth first, at most MAX_JSON_LD_NODES. */
function jsonLdNodes(documents: unknown[]): JsonObject[] {
  const nodes: JsonObject[] = [];
  const pending: unknown[] = [...documents];
  for (let index = 0; index < pending.length && nodes.length < MAX_JSON_LD_NODES; index += 1) {
    const value = pending[index];
    if (Array.isArray(value)) pending.push(...value);
    else if (isObject(value)) {
      nodes.push(value);
      pending.push(...Object.values(value).filter((child) => typeof child === "object" && child !== null));
    }
  }
  return nodes;
}

/** A name from a string or an object with one, following an {"@id"} reference to another node. */
function nameOf(value: unknown, byId: ReadonlyMap<string, JsonObject>, maxLength?: number): string | null {
  if (typeof value === "string") return checkedName(value, maxLength);
  if (!isObject(value)) return null;
  const node = typeof value["@id"] === "string" && value.name === undefined ? (byId.get(value["@id"]) ?? value) : value;
  return checkedName(node.name, maxLength);
}

type JsonLdArticle = { headline: string | null; outlet: string | null; authors: string[]; published: Date | null; modified: Date | null };

function readJsonLd(scripts: string[]): JsonLdArticle | null {
  const documents: unknown[] = [];
  for (const script of scripts) {
    try {
      documents.push(JSON.parse(script));
    } catch {
      // Not JSON: some pages ship broken JSON-LD. Nothing to read from it.
    }
  }
  const nodes = jsonLdNodes(documents);
  const byId = new Map<string, JsonObject>();
  for (const node of nodes) if (typeof node["@id"] === "string" && !byId.has(node["@id"])) byId.set(node["@id"], node);
  const article = nodes.find((node) => types(node).some((type) => ARTICLE_TYPES.has(type)));
  if (!article) return null;
  const authors = (Array.isArray(article.author) ? article.author : [article.author])
    .map((author) => nameOf(author, byId))
    .filter((name): name is string => name !== null);
  return {
    headline: checkedName(article.headline, MAX_TITLE_LENGTH),
    outlet: nameOf(article.publisher, byId),
    authors,
    published: checkedTime(article.datePublished),
    modified: checkedTime(article.dateModified),
  };
}

function joinAuthors(candidates: string[]): string | null {
  const unique = [...new Map(candidates.map((name) => [name.toLowerCase(), name])).values()];
  return unique.length === 0 ? null : checkedName(unique.join(", "), MAX_AUTHOR_LENGTH);
}

export function readHtmlMetadata(html: string): HtmlMetadata {
  const meta = new Map<string, string>();
  // <meta name="author"> and <meta property="article:author">, in page order.
  const authorMetas: Record<"author" | "article:author", string[]> = { author: [], "article:author": [] };
  let canonical: string | null = null;
  let htmlLang: string | null = null;
  let timeInArticle: string | null = null;
  let inHead = true;
  let articleDepth = 0;
  const scripts: string[] = [];
  let script: { text: string } | null = null;

  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (name === "html") htmlLang ??= attributes.lang ?? null;
        else if (name === "body") inHead = false;
        else if (name === "article") articleDepth += 1;
        else if (name === "time" && articleDepth > 0 && attributes.datetime !== undefined) timeInArticle ??= attributes.datetime;
        else if (name === "script" && (attributes.type ?? "").trim().toLowerCase() === "application/ld+json") {
          if (scripts.length < MAX_JSON_LD_SCRIPTS) script = { text: "" };
        } else if (inHead && name === "link") {
          const rel = (attributes.rel ?? "").toLowerCase().split(/\s+/u);
          if (rel.includes("canonical")) canonical ??= attributes.href ?? null;
        } else if (inHead && name === "meta" && attributes.content !== undefined) {
          const key = (attributes.property ?? attributes.name ?? "").trim().toLowerCase();
          if (key === "author" || key === "article:author") authorMetas[key].push(attributes.content);
          else if (key !== "" && !meta.has(key)) meta.set(key, attributes.content);
        }
      },
      ontext(text) {
        if (!script) return;
        script.text += text;
        // Too long to be an article's description: dropped, and what follows is not collected.
        if (script.text.length > MAX_JSON_LD_CHARACTERS) script = null;
      },
      onclosetag(name) {
        if (name === "article") articleDepth = Math.max(0, articleDepth - 1);
        else if (name === "script" && script) {
          scripts.push(script.text);
          script = null;
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.end(html);

  const jsonLd = readJsonLd(scripts);
  const authors = [...(jsonLd?.authors ?? []), ...[...authorMetas.author, ...authorMetas["article:author"]].map((name) => checkedName(name))].filter(
    (name): name is string => name !== null,
  );
  return {
    url: checkedUrl(canonical) ?? checkedUrl(meta.get("og:url")),
    title: checkedName(meta.get("og:title"), MAX_TITLE_LENGTH) ?? jsonLd?.headline ?? null,
    outlet: checkedName(meta.get("og:site_name")) ?? jsonLd?.outlet ?? null,
    author: joinAuthors(authors),
    publishedAt: checkedTime(meta.get("article:published_time")) ?? jsonLd?.published ?? checkedTime(timeInArticle),
    updatedAt: checkedTime(meta.get("article:modified_time")) ?? checkedTime(meta.get("og:updated_time")) ?? jsonLd?.modified ?? null,
    language: checkedLanguage(htmlLang) ?? checkedLanguage(meta.get("og:locale")),
  };
}
