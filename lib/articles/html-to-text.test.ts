import { describe, expect, it } from "vitest";

import { checkDeclaredCharset, htmlToArticleText, MAX_HTML_DEPTH, MAX_LIST_INDENT_LEVELS, MAX_TEXT_CHARACTERS_PER_HTML_BYTE } from "./html-to-text";

function convert(html: string) {
  const result = htmlToArticleText(html);
  if (!result.ok) throw new Error(`refused: ${result.refusal.key}`);
  return result;
}

const textOf = (html: string) => convert(html).text;

// Every way we know of to smuggle code or URLs into a page, around the text a reader sees.
const HOSTILE = `<!DOCTYPE html>
<html>
<head>
  <meta charset="utf-8">
  <meta http-equiv="refresh" content="0;url=javascript:alert(1)">
  <title>Hostile page</title>
  <base href="javascript:alert(1)//">
  <link rel="stylesheet" href="data:text/css,body{}">
  <style>body { background: url("javascript:alert(1)") } .lead { color: red; }</style>
  <script>alert(1)</script>
  <SCRIPT type="module">document.write("alert(2)")</SCRIPT>
</head>
<body onload="alert(1)">
  <nav><a href="/">Home alert(nav)</a></nav>
  <!-- <script>alert(1)</script> a comment -->
  <h1 onclick="alert(1)">Visible headline</h1>
  <p class="lead" style="color:red" onmouseover="alert(1)">First paragraph, with a
    <a href="javascript:alert(1)">click</a> and a <a href="data:text/html;base64,PHNjcmlwdD4=">data link</a>.</p>
  <p>Image <img src=x onerror=alert(1) alt="alert(alt)"> gone.</p>
  <svg onload="alert(1)"><script>alert(1)</script><text>alert(svg)</text></svg>
  <iframe src="javascript:alert(1)" srcdoc="<script>alert(1)</script>">alert(iframe)</iframe>
  <object data="javascript:alert(1)">alert(object)</object><embed src="javascript:alert(1)">
  <template><p>alert(template)</p><script>alert(1)</script></template>
  <noscript><p>alert(noscript)</p></noscript>
  <form action="javascript:alert(1)"><input value="alert(input)"><button onclick="alert(1)">alert(button)</button></form>
  <button>alert(button2)</button><textarea>alert(textarea)</textarea>
  <div hidden>alert(hidden)</div>
  <math><mi>alert(math)</mi></math>
  <p>Write &lt;script&gt; tags as text &amp; stay calm.</p>
  <aside>alert(aside)</aside>
  <footer>alert(footer)</footer>
  <script>alert(1)
</body>
</html>`;

describe("htmlToArticleText on a hostile page", () => {
  const { text, title } = convert(HOSTILE);

  it("keeps no code, URL, attribute or hidden content", () => {
    for (const banned of ["alert(", "onerror", "onload", "onclick", "javascript:", "data:", "<svg", "color:", "background", "{", "refresh"]) {
      expect(text).not.toContain(banned);
    }
  });

  it("keeps the visible text, with entities decoded into literal text", () => {
    expect(text).toBe(
      [
        "Visible headline",
        "First paragraph, with a click and a data link.",
        "Image gone.",
        "Write <script> tags as text & stay calm.",
      ].join("\n\n"),
    );
    expect(title).toBe("Visible headline");
  });
});

describe("htmlToArticleText layout", () => {
  it("separates headings, paragraphs and lists by one blank line, without wrapping", () => {
    const long = "word ".repeat(60).trim();
    const html = `<h2>Part one</h2><p>${long}</p><p>Line one<br>line two</p><ul><li>apple</li><li>pear</li></ul>
      <ol><li>first</li><li>second</li></ol><h3>Part two</h3><blockquote><p>A quote.</p></blockquote>`;
    expect(textOf(html)).toBe(
      `Part one\n\n${long}\n\nLine one\nline two\n\n- apple\n- pear\n\n1. first\n2. second\n\nPart two\n\nA quote.`,
    );
  });

  it("puts containers on their own lines and keeps captions, dropping images", () => {
    const html = `<article><div>One</div><div>Two</div></article>
      <figure><img src="photo.jpg" alt="A photo"><figcaption>Caption / AFP</figcaption></figure><p>After.</p>`;
    expect(textOf(html)).toBe("One\nTwo\n\nCaption / AFP\n\nAfter.");
  });

  it("collapses source whitespace and empty spacer paragraphs", () => {
    const html = "<p>  Several\n   spaces\tand\nnewlines </p><p>&nbsp;</p><p></p><hr><p>Next</p>";
    expect(textOf(html)).toBe("Several spaces and newlines\n\nNext");
  });

  it("keeps what a reader sees: case, no-break spaces, zero-width spaces, <pre> layout", () => {
    expect(textOf("<h1>MiXeD Case</h1><p>10&nbsp;km in\u200Bside</p>")).toBe("MiXeD Case\n\n10\u00A0km in\u200Bside");
    expect(textOf("<pre>a  b\n  c</pre>")).toBe("a  b\n  c");
  });

  it("numbers ordered lists plainly whatever their attributes", () => {
    expect(textOf('<ol start="abc" type="i"><li>a</li><li>b</li></ol>')).toBe("1. a\n2. b");
    expect(textOf("<ol reversed><li>a</li><li>b</li></ol>")).toBe("2. a\n1. b");
    expect(textOf('<ol start="3"><li>a</li></ol>')).toBe("3. a");
  });

  it("reads a fragment without <html> or <body>", () => {
    expect(textOf("<p>Just a paragraph</p>and loose text")).toBe("Just a paragraph\n\nand loose text");
  });

  it("returns empty text for a page without text", () => {
    expect(convert("<html></html>")).toMatchObject({ ok: true, text: "", title: null, declaredCharset: null });
    expect(textOf("<html><head><title>Only a title</title><script>x()</script></head><body> </body></html>")).toBe("");
  });
});

describe("htmlToArticleText title", () => {
  it("prefers the first <h1> with text to <title>", () => {
    const html = "<title>Headline | The Site</title><h1><img alt=logo></h1><h1>The  real\nheadline</h1><h1>Second</h1>";
    expect(convert(html).title).toBe("The real headline");
  });

  it("falls back to <title>, entities decoded", () => {
    expect(convert("<head><title> Caf&eacute; &amp; co </title></head><p>Body.</p>").title).toBe("Café & co");
  });

  it("passes over candidates that cannot be headlines", () => {
    const long = "x".repeat(201);
    expect(convert(`<title>Fine title</title><h1>${long}</h1>`).title).toBe("Fine title");
    expect(convert("<title>2024</title><p>Text.</p>").title).toBeNull();
    expect(convert("<p>No headline here.</p>").title).toBeNull();
  });
});

describe("htmlToArticleText declared charset", () => {
  it("reads <meta charset> and the http-equiv form", () => {
    expect(convert('<meta charset=" UTF-8 "><p>x</p>').declaredCharset).toBe("UTF-8");
    const httpEquiv = '<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1"><p>x</p>';
    expect(convert(httpEquiv).declaredCharset).toBe("ISO-8859-1");
    expect(convert("<p>x</p>").declaredCharset).toBeNull();
  });
});

describe("htmlToArticleText depth limit", () => {
  it("refuses nesting deeper than the limit, quickly", () => {
    const started = Date.now();
    const result = htmlToArticleText("<b>".repeat(700_000));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.refusal).toEqual({ key: "pageTooDeep", params: { depth: MAX_HTML_DEPTH } });
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it("accepts nesting up to the limit, and closed elements do not add up", () => {
    expect(textOf(`${"<div>".repeat(MAX_HTML_DEPTH)}deep`)).toBe("deep");
    expect(textOf("<div>x</div>".repeat(MAX_HTML_DEPTH + 10))).toContain("x\nx");
    expect(textOf("<p>x".repeat(MAX_HTML_DEPTH + 10))).toContain("x\n\nx");
  });
});

describe("htmlToArticleText nested lists", () => {
  // Four levels of real items, the fourth and fifth past the indentation limit.
  const NESTED = `<ul>
    <li>Budget<ul>
      <li>Defence<ol>
        <li>Army<ul>
          <li>Infantry<ul><li>First brigade</li><li>Second brigade</li></ul>Both in the north.</li>
          <li>Artillery</li>
        </ul></li>
        <li>Navy</li>
      </ol></li>
      <li>Health</li>
    </ul></li>
    <li>Taxes</li>
  </ul><p>After the list.</p>`;

  it(`indents nested lists ${MAX_LIST_INDENT_LEVELS} levels deep at most, keeping every item and its prefix`, () => {
    expect(MAX_LIST_INDENT_LEVELS).toBe(3);
    expect(textOf(NESTED)).toBe(
      [
        "- Budget",
        "  - Defence",
        "    1. Army",
        "       - Infantry",
        "       - First brigade",
        "       - Second brigade",
        "       Both in the north.",
        "       - Artillery",
        "    2. Navy",
        "  - Health",
        "- Taxes",
        "",
        "After the list.",
      ].join("\n"),
    );
  });

  it("gives the nested-list page of issue 11 about as much text as it has bytes, quickly", () => {
    // 64 KiB: 490 nested lists, then thousands of items in the deepest. It gave 12.3 million
    // characters (each line indented by every level above it) and took 12 seconds.
    const opened = "<ul><li>x".repeat(490);
    const html = opened + "<li>y".repeat((64 * 1024 - opened.length) / 5);
    const started = Date.now();
    const text = textOf(html);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(text.length).toBeLessThan(2 * html.length);
    const indentation = Math.max(...text.split("\n").map((line) => line.length - line.trimStart().length));
    // Items past the limit sit under the third level's text: three "- " prefixes in.
    expect(indentation).toBe(2 * MAX_LIST_INDENT_LEVELS);
  });

  it(`refuses a page whose text would exceed ${MAX_TEXT_CHARACTERS_PER_HTML_BYTE} characters per byte, naming the limit`, () => {
    // One-letter items numbered from 999999999999999: each "<li>y" (5 bytes) became a line of
    // about 70 characters, three levels of 17-character numbers deep.
    const html = '<ol start="999999999999999"><li>x'.repeat(3) + "<li>y".repeat(12_000);
    const result = htmlToArticleText(html);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.refusal).toMatchObject({ key: "pageTextTooLarge", params: { bytes: 60_099, ratio: MAX_TEXT_CHARACTERS_PER_HTML_BYTE } });
    }
    // The same items in nested bulleted lists are fine.
    expect(htmlToArticleText("<ul><li>x".repeat(3) + "<li>y".repeat(12_000)).ok).toBe(true);
  });
});

describe("checkDeclaredCharset", () => {
  const utf8 = (text: string) => new TextEncoder().encode(text);

  it("accepts no declaration, any UTF-8 label, and UTF-16 (read as UTF-8 by HTML)", () => {
    for (const label of [null, "utf-8", "UTF8", " unicode-1-1-utf-8 ", "utf-16"]) {
      expect(checkDeclaredCharset(label, utf8("é"), "é")).toBeNull();
    }
  });

  it("accepts another encoding that reads the bytes the same, as for pure ASCII", () => {
    expect(checkDeclaredCharset("windows-1252", utf8("plain ascii"), "plain ascii")).toBeNull();
    expect(checkDeclaredCharset("no-such-charset", utf8("plain ascii"), "plain ascii")).toBeNull();
  });

  it("refuses a declaration that contradicts the UTF-8 reading", () => {
    const refusal = (charset: string) => ({ key: "pageCharsetNotUtf8", params: { charset, tag: '<meta charset="utf-8">' } });
    expect(checkDeclaredCharset("ISO-8859-1", utf8("Café"), "Café")).toEqual(refusal("ISO-8859-1"));
    expect(checkDeclaredCharset("no-such-charset", utf8("Café"), "Café")).toEqual(refusal("no-such-charset"));
    expect(checkDeclaredCharset("iso-2022-jp", utf8("a\u001b$Bb"), "a\u001b$Bb")).toEqual(refusal("iso-2022-jp"));
  });

  it("lets a UTF-8 byte order mark override the declaration", () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8("Café")]);
    expect(checkDeclaredCharset("windows-1252", bytes, "Café")).toBeNull();
  });
});
