// Importing an article: nothing imported is lost, the same text is not stored twice, and a file that
// is not UTF-8 text, a page whose text would blow up, or a date no article has is refused with a
// message that says what to do.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { importArticle } from "@/lib/articles/import-article";
import { latestDate } from "@/lib/validation";
import { expectRefusedWithoutWrites, makeUser, rowsWrittenBy, unique } from "@/test/integration/support";

const db = getDb();

afterAll(async () => {
  await db.$disconnect();
});

let editor: Actor;
beforeAll(async () => {
  editor = await makeUser("editor");
});

const encode = (text: string) => new TextEncoder().encode(text);
const BOM = [0xef, 0xbb, 0xbf];

/** An English article with a unique sentence, with the given line ending. */
function articleText(token: string, eol: "\n" | "\r\n" = "\n"): string {
  return [
    `Minister confirms talks ${token}`,
    "",
    "Washington (AFP) - The minister said on Tuesday that the talks had taken place with his approval.",
    `Opposition leaders disputed that account, reference ${token}.`,
    "",
  ].join(eol);
}

describe("importArticle", () => {
  it("keeps the raw bytes exactly (BOM and CRLF included) while the text is normalised", async () => {
    const token = unique();
    const raw = Uint8Array.from([...BOM, ...encode(`\r\n${articleText(token, "\r\n")}\r\n\r\n`)]);
    let result: Awaited<ReturnType<typeof importArticle>> | undefined;
    const written = await rowsWrittenBy(async () => {
      result = await importArticle(editor, { bytes: raw, mediaType: "text/plain; charset=utf-8" });
    });
    expect(written).toEqual({ articles: 1, article_revisions: 1, audit_events: 1 });
    if (result?.status !== "imported") throw new Error("expected an import");

    const revision = await db.articleRevision.findUniqueOrThrow({ where: { id: result.revisionId }, include: { article: true } });
    expect(Buffer.from(revision.raw).equals(Buffer.from(raw))).toBe(true);
    expect(revision.rawMediaType).toBe("text/plain; charset=utf-8");
    expect(revision.text).toBe(articleText(token).trimEnd());
    expect(revision.text).not.toContain("\r");
    expect(revision.text.startsWith("\uFEFF")).toBe(false);
    expect(revision.textHash).toMatch(/^[0-9a-f]{64}$/);
    expect(revision.number).toBe(1);
    expect(revision.article).toMatchObject({
      title: `Minister confirms talks ${token}`,
      outlet: "AFP",
      language: "en",
      createdById: editor.id,
    });

    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityType: "article", entityId: result.articleId } });
    expect(audit).toMatchObject({ action: "article.imported", actorId: editor.id, after: expect.objectContaining({ revisionId: revision.id }) });
  });

  it("recognises the same text imported again, even with other line endings, and writes nothing", async () => {
    const token = unique();
    const first = await importArticle(editor, { bytes: encode(articleText(token, "\n")), mediaType: "text/plain" });
    expect(first.status).toBe("imported");

    for (const bytes of [
      encode(articleText(token, "\n")),
      encode(articleText(token, "\r\n")),
      Uint8Array.from([...BOM, ...encode(`${articleText(token, "\r\n")}   \r\n`)]),
    ]) {
      let again: Awaited<ReturnType<typeof importArticle>> | undefined;
      const written = await rowsWrittenBy(async () => {
        again = await importArticle(editor, { bytes, mediaType: "text/markdown" });
      });
      expect(again).toEqual({ status: "duplicate", articleId: first.articleId, title: first.title });
      expect(written).toEqual({});
    }
  });

  it("imports two texts that differ by one character as two articles", async () => {
    const token = unique();
    const a = await importArticle(editor, { bytes: encode(articleText(token)), mediaType: "text/plain" });
    const b = await importArticle(editor, { bytes: encode(articleText(token).replace("Tuesday", "Monday")), mediaType: "text/plain" });
    expect([a.status, b.status]).toEqual(["imported", "imported"]);
    expect(a.articleId).not.toBe(b.articleId);
  });

  it("refuses an empty file", async () => {
    const error = await expectRefusedWithoutWrites(() => importArticle(editor, { bytes: new Uint8Array(), mediaType: "text/plain" }), "invalid");
    expect(error.message).toBe("The file is empty.");
  });

  it("refuses a file of blank space only", async () => {
    const error = await expectRefusedWithoutWrites(() => importArticle(editor, { bytes: encode(" \r\n\t\n  "), mediaType: "text/plain" }), "invalid");
    expect(error.message).toBe("The file contains no text, only blank space.");
  });

  it("refuses a binary file", async () => {
    // The start of a PNG file: a signature, then NUL bytes.
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    const error = await expectRefusedWithoutWrites(() => importArticle(editor, { bytes: png, mediaType: "text/plain" }), "invalid");
    expect(error.message).toBe("This looks like a binary file, not text.");
  });

  it("refuses text that is not valid UTF-8, and says how to fix it", async () => {
    // "Le président a confirmé" in Latin-1: é is the lone byte 0xE9.
    const latin1 = Uint8Array.from([...encode("Le pr"), 0xe9, ...encode("sident a confirm"), 0xe9, ...encode(` ${unique()}`)]);
    const latinError = await expectRefusedWithoutWrites(() => importArticle(editor, { bytes: latin1, mediaType: "text/plain" }), "invalid");
    expect(latinError.message).toMatch(/not valid UTF-8.*Windows-1252.*re-save it as UTF-8/);

    const broken = Uint8Array.from([...encode("Broken "), 0xc3, 0x28, 0x81, ...encode(` sequence ${unique()}`)]);
    const brokenError = await expectRefusedWithoutWrites(() => importArticle(editor, { bytes: broken, mediaType: "text/plain" }), "invalid");
    expect(brokenError.message).toBe("This file is not valid UTF-8 text; re-save it as UTF-8.");

    const utf16 = Uint8Array.from([0xff, 0xfe, 0x48, 0x00, 0x69, 0x00]);
    const utf16Error = await expectRefusedWithoutWrites(() => importArticle(editor, { bytes: utf16, mediaType: "text/plain" }), "invalid");
    expect(utf16Error.message).toMatch(/UTF-16/);
  });

  it("refuses a file type other than plain text, Markdown or HTML", async () => {
    const error = await expectRefusedWithoutWrites(
      () => importArticle(editor, { bytes: encode(`%PDF-1.7 ${unique()}`), mediaType: "application/pdf" }),
      "invalid",
    );
    expect(error.message).toContain('not "application/pdf"');
  });

  it("uses the title, outlet, language and other details the editor gave over those read from the text", async () => {
    const token = unique();
    const result = await importArticle(editor, {
      bytes: encode(articleText(token)),
      mediaType: "text/plain",
      details: {
        title: `Edited title ${token}`,
        outlet: "Le Monde",
        language: "fr",
        author: "A. Reporter",
        url: "https://example.org/news/talks",
        publishedAt: new Date("2019-05-22T08:00:00Z"),
      },
    });
    expect(result).toMatchObject({ status: "imported", title: `Edited title ${token}` });
    expect(await db.article.findUniqueOrThrow({ where: { id: result.articleId } })).toMatchObject({
      title: `Edited title ${token}`,
      outlet: "Le Monde",
      language: "fr",
      author: "A. Reporter",
      url: "https://example.org/news/talks",
      publishedAt: new Date("2019-05-22T08:00:00Z"),
    });
  });

  it("refuses a list bomb, naming the limit, and writes nothing", async () => {
    // 64 KiB of one-letter items in lists numbered from 999999999999999: before the limits, every
    // 5-byte "<li>y" became a line of hundreds of characters (72 million characters in all).
    const bomb = '<ol start="999999999999999"><li>x'.repeat(400) + `<li>y ${unique()}` + "<li>y".repeat(10_000);
    const error = await expectRefusedWithoutWrites(() => importArticle(editor, { bytes: encode(bomb), mediaType: "text/html" }), "invalid");
    expect(error.message).toContain("more than the limit of 3 characters per byte of HTML");
  });

  it("imports a deeply nested but real list, indented three levels deep at most", async () => {
    const token = unique();
    const levels = ["Budget", "Defence", "Army", "Infantry", "First brigade", "First battalion", "First company"];
    const nested = levels.reduceRight((inner, item) => `<ul><li>${item}${inner}</li><li>Other than ${item.toLowerCase()}</li></ul>`, "");
    const page = `<html><head><title>Where the money goes ${token}</title></head><body><p>Washington (AFP) - The plan, item by item (reference ${token}).</p>${nested}</body></html>`;
    const result = await importArticle(editor, { bytes: encode(page), mediaType: "text/html" });
    if (result.status !== "imported") throw new Error("expected an import");
    const { text } = await db.articleRevision.findUniqueOrThrow({ where: { id: result.revisionId } });
    const lines = text.split("\n");
    for (const item of levels) expect(lines).toContain(`${" ".repeat(Math.min(levels.indexOf(item), 3) * 2)}- ${item}`);
    expect(lines).toContain("      - Other than first company");
    expect(Math.max(...lines.map((line) => line.length - line.trimStart().length))).toBe(6);
  });

  it("refuses a publication date of year 99999 or -100000, or outside 1800 to the year after next, naming the field", async () => {
    const range = `the publication date must be between 1800-01-01 and ${latestDate()}`;
    for (const publishedAt of [new Date("+099999-01-01T00:00:00Z"), "-100000-01-01T00:00:00Z", "1799-12-31", `${Number(latestDate().slice(0, 4)) + 1}-01-01`]) {
      const error = await expectRefusedWithoutWrites(
        () => importArticle(editor, { bytes: encode(articleText(unique())), mediaType: "text/plain", details: { publishedAt } }),
        "invalid",
      );
      expect(error.message, String(publishedAt)).toBe(`Nothing was saved. publishedAt: ${range}`);
      expect(error.details).toEqual({ fields: { publishedAt: [range] } });
    }
    const error = await expectRefusedWithoutWrites(
      () => importArticle(editor, { bytes: encode(articleText(unique())), mediaType: "text/plain", details: { publishedAt: "not a date" } }),
      "invalid",
    );
    expect(error.message).toBe("Nothing was saved. publishedAt: use a date like 2019-05-22 for the publication date");
  });
});
