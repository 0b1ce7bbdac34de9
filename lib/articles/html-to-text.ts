// Turns an HTML page (already decoded from strict UTF-8, see decode-article-bytes.ts) into the
// readable text of the article, plus a proposed title. The markup is parsed by `html-to-text`
// (htmlparser2 underneath), after a first streaming pass of htmlparser2 itself that bounds the
// nesting depth (see MAX_HTML_DEPTH); nothing here looks at markup with regular expressions.
//
// What reaches the text: the text content a reader sees, with entities decoded ("&lt;script&gt;"
// becomes the literal text "<script>", which is harmless: the text is stored and shown as text).
// What never does:
// - attributes of any kind: no formatter used here prints one, so event handlers, style
//   attributes and javascript:/data: URLs cannot leak. Links become their text only; images are
//   dropped with their alt text (alt text is not what a reader sees on the page, and an article's
//   visible caption lives in <figcaption>, which is kept);
// - the contents of script, style, noscript, template, iframe, object, embed and other embedded
//   content, forms and their controls, buttons, nav, footer, aside, svg, media fallbacks, dialogs,
//   and elements with the `hidden` attribute (see SKIPPED);
// - comments, doctype and processing instructions (the walker only reads text and elements).
//
// Layout: headings, paragraphs, lists, block quotes, tables and figures are blocks separated by
// one blank line, like the plain-text seed articles; <div>-like containers and table cells start a
// new line; <br> is a line break. No word wrapping, headings keep their case, list items are
// prefixed with "- " (unordered) or "1. " (ordered), nested lists indented (MAX_LIST_INDENT_LEVELS
// deep at most). Runs of blank lines, including lines holding only spaces such as the
// "<p>&nbsp;</p>" spacers editors leave, shrink to one blank line.
//
// Size: the text may not exceed MAX_TEXT_CHARACTERS_PER_HTML_BYTE characters per byte of the page.
// The conversion runs in a worker thread with a time limit (see html-to-text-pool.ts).
//
// Title: the first <h1> with text (the headline the reader sees, which is also in the text), else
// the <title> element (often suffixed with the site's name, hence second). A candidate longer than
// MAX_TITLE_LENGTH or without a letter is not a headline and is passed over. Whitespace inside it
// is collapsed to single spaces.
//
// Metadata: the page's own address, outlet, authors, date and language (read-html-metadata.ts),
// read here so that it runs within the same worker limits.
//
// Character encoding: the first <meta charset="..."> or <meta http-equiv="Content-Type"
// content="...; charset=..."> is reported as `declaredCharset` for checkDeclaredCharset below.
import type { ErrorMessageKey } from "@/lib/refusal";
import { Parser } from "htmlparser2";
import { compile, type DomNode, type FormatCallback, type SelectorDefinition } from "html-to-text";
import { readHtmlMetadata, type HtmlMetadata } from "./read-html-metadata";

export type HtmlArticleText =
  | { ok: true; text: string; title: string | null; declaredCharset: string | null; metadata: HtmlMetadata }
  | { ok: false; refusal: ErrorMessageKey };

// Deeper nesting than this is not a real page. The limit matters twice over: htmlparser2 keeps its
// open elements in an array it unshifts and searches for every tag, so parsing costs the number of
// tags times the depth (2 MiB of "<b>" took minutes), and html-to-text walks the tree
// recursively, overflowing the stack at about 5,000 levels. nestsDeeperThan checks the depth in a
// first, streaming pass that stops as soon as the limit is passed, so it costs at most the number
// of tags times the limit.
export const MAX_HTML_DEPTH = 1000;

// The text of a page is a fraction of its markup (tags, attributes, scripts, styles): a news page's
// text is typically a tenth of its bytes, and even a bare page of paragraphs gives less than one
// character per byte. What adds characters is layout: "- " and line breaks for list items, and the
// indentation of nested lists (at most MAX_LIST_INDENT_LEVELS deep). A page whose text would be
// more than 3 characters per byte is built to blow up, such as thousands of one-letter items in
// lists numbered from 999999999999999; it is refused rather than stored.
export const MAX_TEXT_CHARACTERS_PER_HTML_BYTE = 3;
const MAX_TITLE_LENGTH = 200;

const SKIPPED = [
  // Code, styles and what only shows without scripts.
  "script",
  "style",
  "noscript",
  "template",
  // Embedded documents, plug-ins and media, whose text is fallback content.
  "iframe",
  "frame",
  "frameset",
  "noframes",
  "object",
  "embed",
  "applet",
  "param",
  "svg",
  "math",
  "canvas",
  "video",
  "audio",
  "picture",
  "source",
  "track",
  "map",
  "area",
  "img",
  // Forms and controls.
  "form",
  "button",
  "input",
  "select",
  "option",
  "optgroup",
  "textarea",
  "datalist",
  "output",
  // Page furniture around the article; dialogs are cookie banners and newsletter pop-ups.
  "nav",
  "footer",
  "aside",
  "dialog",
  // Document head parts without text.
  "link",
  "base",
  // Hidden from every reader.
  "[hidden]",
];

// html-to-text lets the first block inside a container decide the line breaks before the
// container, so a table that opens with a (line-level) row, right after a line-level <div>, starts
// on the next line rather than after a blank one. Captions are paragraphs for that reason too.
const PARAGRAPH_BLOCKS = ["p", "blockquote", "dl", "table", "figure", "figcaption", "caption", "address", "details"];
const LINE_BLOCKS = [
  ...["div", "section", "article", "main", "header", "hgroup", "center", "search", "summary"],
  ...["tr", "td", "th", "dt", "dd", "legend", "fieldset"],
];

type Collected = { title: string | null; headline: string | null; declaredCharset: string | null; listLevel: number };

type BlockTextBuilder = Parameters<FormatCallback>[2];

// html-to-text (since version 9) hands the metadata object given to the converter to every
// formatter as `builder.metadata`; @types/html-to-text leaves that property and argument out.
function collected(builder: BlockTextBuilder): Collected {
  return (builder as unknown as { metadata: Collected }).metadata;
}

function collapseWhitespace(text: string): string {
  return text.replace(/\s+/gu, " ").trim();
}

function usableTitle(candidate: string): string | null {
  const title = collapseWhitespace(candidate);
  if (title === "" || Array.from(title).length > MAX_TITLE_LENGTH || !/\p{L}/u.test(title)) return null;
  return title;
}

function attribute(elem: DomNode, name: string): string | undefined {
  const attribs: unknown = elem.attribs;
  if (typeof attribs !== "object" || attribs === null) return undefined;
  const value: unknown = (attribs as Record<string, unknown>)[name];
  return typeof value === "string" ? value : undefined;
}

// "text/html; charset=ISO-8859-1" -> "ISO-8859-1". A parameter value, not markup.
function charsetParameter(contentType: string): string | null {
  for (const parameter of contentType.split(";").slice(1)) {
    const separator = parameter.indexOf("=");
    if (separator < 0 || parameter.slice(0, separator).trim().toLowerCase() !== "charset") continue;
    const value = parameter.slice(separator + 1).trim().replace(/^["']|["']$/gu, "").trim();
    return value === "" ? null : value;
  }
  return null;
}

// <title> is raw text for the parser: its only child is one text node, already entity-decoded.
const recordTitle: FormatCallback = (elem, _walk, builder) => {
  const found = collected(builder);
  if (found.title !== null) return;
  const text = elem.children.map((child) => (child.type === "text" ? (child.data ?? "") : "")).join("");
  found.title = usableTitle(text);
};

const recordCharset: FormatCallback = (elem, _walk, builder) => {
  const found = collected(builder);
  if (found.declaredCharset !== null) return;
  const charset = attribute(elem, "charset")?.trim();
  if (charset) {
    found.declaredCharset = charset;
    return;
  }
  if (attribute(elem, "http-equiv")?.trim().toLowerCase() === "content-type") {
    found.declaredCharset = charsetParameter(attribute(elem, "content") ?? "");
  }
};

// A heading block as rendered, remembering the first <h1> that has text.
const headline: FormatCallback = (elem, walk, builder) => {
  builder.openBlock({ leadingLineBreaks: 2 });
  walk(elem.children, builder);
  builder.closeBlock({
    trailingLineBreaks: 2,
    blockTransform: (text) => {
      const found = collected(builder);
      found.headline ??= usableTitle(text);
      return text;
    },
  });
};

// Lists: unordered items are prefixed "- ", ordered ones "1. ", "2. ", ... from a valid start=
// (else 1), counting down when reversed (the library's own ordered formatter indents the numbers,
// follows type= into letters and roman numerals, and writes "NaN." for start="abc"). A nested list
// is indented under its item's text, as the library does, but only MAX_LIST_INDENT_LEVELS deep:
// a list nested deeper keeps its prefixes and is written at the indentation of the last indented
// level. The library indents without limit, so every level of a deep list added its indentation to
// every line below it (64 KiB of nested lists became 12 million characters of spaces).
export const MAX_LIST_INDENT_LEVELS = 3;

function listPrefixes(elem: DomNode, nodes: DomNode[]): string[] {
  if (elem.name !== "ol") return nodes.map((child) => (child.name === "li" ? "- " : ""));
  const itemCount = nodes.filter((child) => child.name === "li").length;
  const reversed = attribute(elem, "reversed") !== undefined;
  const start = Number.parseInt(attribute(elem, "start") ?? "", 10);
  let next = Number.isSafeInteger(start) ? start : reversed ? itemCount : 1;
  return nodes.map((child) => {
    if (child.name !== "li") return "";
    const prefix = `${next}. `;
    next += reversed ? -1 : 1;
    return prefix;
  });
}

const list: FormatCallback = (elem, walk, builder) => {
  const nodes = elem.children.filter((child) => child.type !== "text" || (child.data ?? "").trim() !== "");
  if (nodes.length === 0) return;
  const prefixes = listPrefixes(elem, nodes);
  const found = collected(builder);
  found.listLevel += 1;
  if (found.listLevel > MAX_LIST_INDENT_LEVELS) {
    // Past the limit, the list is a block of lines, each item starting with its prefix. Blocks,
    // unlike list items, do not indent their lines, so a deep list costs no more than its text.
    builder.openBlock({ leadingLineBreaks: 1 });
    nodes.forEach((node, index) => {
      const prefix = prefixes[index] ?? "";
      builder.openBlock({ leadingLineBreaks: 1 });
      if (prefix !== "") builder.addInline(prefix, { noWordTransform: true });
      walk([node], builder);
      builder.closeBlock({ trailingLineBreaks: 1 });
    });
    builder.closeBlock({ trailingLineBreaks: 1 });
  } else {
    const nested = elem.parent?.name === "li";
    builder.openList({
      interRowLineBreaks: 1,
      leadingLineBreaks: nested ? 1 : 2,
      maxPrefixLength: prefixes.reduce((longest, prefix) => Math.max(longest, prefix.length), 0),
      prefixAlign: "left",
    });
    nodes.forEach((node, index) => {
      builder.openListItem({ prefix: prefixes[index] ?? "" });
      walk([node], builder);
      builder.closeListItem();
    });
    builder.closeList({ trailingLineBreaks: nested ? 1 : 2 });
  }
  found.listLevel -= 1;
};

const block = (selector: string, lineBreaks: number): SelectorDefinition => ({
  selector,
  format: "block",
  options: { leadingLineBreaks: lineBreaks, trailingLineBreaks: lineBreaks },
});

const convert: (html: string, metadata: Collected) => string = compile({
  // Walk the whole document, head included, so that <title> and <meta> are seen.
  baseElements: { selectors: [], returnDomByDefault: true },
  decodeEntities: true,
  formatters: { recordTitle, recordCharset, headline, list },
  // Never truncate silently; parseArticle caps the input at 2 MiB.
  limits: { maxInputLength: Number.MAX_SAFE_INTEGER },
  // The HTML standard's ASCII whitespace; the library's default adds U+200B, which would turn
  // an invisible word-break hint into a space.
  whitespaceCharacters: " \t\n\f\r",
  wordwrap: false,
  selectors: [
    ...SKIPPED.map((selector) => ({ selector, format: "skip" })),
    { selector: "title", format: "recordTitle" },
    { selector: "meta", format: "recordCharset" },
    { selector: "a", format: "anchor", options: { ignoreHref: true } },
    { selector: "h1", format: "headline" },
    ...["h2", "h3", "h4", "h5", "h6"].map((selector) => ({
      selector,
      format: "heading",
      options: { leadingLineBreaks: 2, trailingLineBreaks: 2, uppercase: false },
    })),
    ...PARAGRAPH_BLOCKS.map((selector) => block(selector, 2)),
    ...LINE_BLOCKS.map((selector) => block(selector, 1)),
    { selector: "ul", format: "list" },
    { selector: "ol", format: "list" },
    // <pre> keeps the library's own format, which keeps its spaces and line breaks.
    // A thematic break already falls between blocks; the library would draw a line of dashes.
    { selector: "hr", format: "skip" },
  ],
});

function tidyBlankLines(text: string): string {
  return text
    .split("\n")
    .map((line) => (line.trim() === "" ? "" : line))
    .join("\n")
    .replace(/\n{3,}/gu, "\n\n");
}

// Same parser and options as html-to-text uses, so the depth counted is the depth it will build:
// every element opened, implied ones included, is reported closed again (void ones at once).
function nestsDeeperThan(html: string, limit: number): boolean {
  let depth = 0;
  let tooDeep = false;
  const parser = new Parser(
    {
      onopentagname() {
        depth += 1;
        if (depth > limit) {
          tooDeep = true;
          parser.pause();
        }
      },
      onclosetag() {
        depth -= 1;
      },
    },
    { decodeEntities: true },
  );
  parser.end(html);
  return tooDeep;
}

export function htmlToArticleText(html: string): HtmlArticleText {
  if (nestsDeeperThan(html, MAX_HTML_DEPTH)) {
    return { ok: false, refusal: { key: "pageTooDeep", params: { depth: MAX_HTML_DEPTH } } };
  }
  const found: Collected = { title: null, headline: null, declaredCharset: null, listLevel: 0 };
  const text = tidyBlankLines(convert(html, found));
  const bytes = new TextEncoder().encode(html).length;
  if (text.length > MAX_TEXT_CHARACTERS_PER_HTML_BYTE * bytes) {
    return {
      ok: false,
      refusal: { key: "pageTextTooLarge", params: { length: text.length, bytes, ratio: MAX_TEXT_CHARACTERS_PER_HTML_BYTE } },
    };
  }
  return {
    ok: true,
    text,
    title: found.headline ?? found.title,
    declaredCharset: found.declaredCharset,
    metadata: readHtmlMetadata(html),
  };
}

const UTF8_BOM = [0xef, 0xbb, 0xbf];

// The page's own charset declaration must agree with reading its bytes as UTF-8 (which has
// already succeeded: `utf8Text` is that reading). Returns the refusal, or null.
// - No declaration, a UTF-8 byte order mark (it overrides any declaration), or a declared UTF-8
//   (any of its labels, e.g. "utf8") -> fine. So is a declared UTF-16: the HTML standard reads a
//   <meta> naming UTF-16 as UTF-8, since a page whose <meta> could be parsed is not UTF-16.
// - Another encoding -> fine only if it reads these bytes to the very same text, as any
//   ASCII-compatible encoding does for a pure-ASCII page; otherwise the page says one thing and
//   its bytes another, and we refuse rather than guess.
// - A label the platform does not know -> fine only for pure-ASCII bytes.
export function checkDeclaredCharset(declared: string | null, bytes: Uint8Array, utf8Text: string): ErrorMessageKey | null {
  if (declared === null || UTF8_BOM.every((byte, index) => bytes[index] === byte)) return null;
  let encoding: string | null;
  let decoder: TextDecoder | null;
  try {
    decoder = new TextDecoder(declared, { fatal: true });
    encoding = decoder.encoding;
  } catch {
    decoder = null;
    encoding = null;
  }
  if (encoding === "utf-8" || encoding === "utf-16le" || encoding === "utf-16be") return null;

  let sameText: boolean;
  if (decoder) {
    try {
      sameText = decoder.decode(bytes) === utf8Text;
    } catch {
      sameText = false;
    }
  } else {
    sameText = bytes.every((byte) => byte < 0x80);
  }
  if (sameText) return null;
  return { key: "pageCharsetNotUtf8", params: { charset: declared.trim(), tag: '<meta charset="utf-8">' } };
}
