// Importing many files in one batch: each file gets its own answer, the raw bytes and an audit row
// are kept for each article, the same text is recognised within the batch and against earlier
// imports, and a refused file does not stop the others.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { importArticle } from "@/lib/articles/import-article";
import { importArticles } from "@/lib/articles/import-articles";
import { previewArticles } from "@/lib/articles/preview-articles";
import { expectDomainError, makeUser, rowsWrittenBy, unique } from "@/test/integration/support";

const db = getDb();
afterAll(async () => {
  await db.$disconnect();
});

let editor: Actor;
let admin: Actor;
beforeAll(async () => {
  editor = await makeUser("editor");
  admin = await makeUser("admin");
});

const encode = (text: string) => new TextEncoder().encode(text);
const article = (title: string) =>
  encode(`${title}\r\n\r\nThe harbour master said on Monday that the tanker had left port with its full cargo, reference ${title}.\r\n`);

describe("importArticles", () => {
  it("imports a batch in one go, one answer per file in order, and refuses only the files that cannot be imported", async () => {
    const token = unique();
    const earlier = await importArticle(editor, { bytes: article(`Earlier ${token}`), mediaType: "text/plain" });
    const files = [
      { name: "one.txt", bytes: article(`One ${token}`), mediaType: "text/plain" },
      { name: "empty.txt", bytes: encode("  \n"), mediaType: "text/plain" },
      { name: "two.md", bytes: article(`Two ${token}`), mediaType: "text/markdown", details: { title: `Second report ${token}`, language: "en" } },
      { name: "again.txt", bytes: article(`Earlier ${token}`), mediaType: "text/plain" },
      { name: "one-copy.txt", bytes: article(`One ${token}`), mediaType: "text/plain" },
      { name: "bad-date.txt", bytes: article(`Three ${token}`), mediaType: "text/plain", details: { publishedAt: "not a date" } },
      { name: "photo.png", bytes: Uint8Array.from([0x89, 0x50, 0x4e, 0x47]), mediaType: "image/png" },
    ];
    let answer: Awaited<ReturnType<typeof importArticles>> | undefined;
    const written = await rowsWrittenBy(async () => {
      answer = await importArticles(editor, { files });
    });
    const results = answer!.results;
    expect(results.map((result) => [result.name, result.status])).toEqual([
      ["one.txt", "imported"],
      ["empty.txt", "refused"],
      ["two.md", "imported"],
      ["again.txt", "duplicate"],
      ["one-copy.txt", "duplicate"],
      ["bad-date.txt", "refused"],
      ["photo.png", "refused"],
    ]);
    expect(written).toMatchObject({ articles: 2, article_revisions: 2, audit_events: 2 });
    const [one, empty, two, again, copy, badDate, photo] = results;
    expect(empty).toMatchObject({ reason: "The file contains no text, only blank space." });
    expect(badDate).toMatchObject({ reason: expect.stringContaining("publishedAt") });
    expect(photo).toMatchObject({ reason: expect.stringContaining("not \"image/png\"") });
    expect(again).toMatchObject({ articleId: earlier.articleId });
    if (one?.status !== "imported" || two?.status !== "imported") throw new Error("not imported");
    expect(copy).toMatchObject({ articleId: one.articleId });
    expect(two.title).toBe(`Second report ${token}`);

    // Raw bytes kept exactly (CRLF included), the text normalised, one audit row each in the same shape as a single import.
    const revision = await db.articleRevision.findUniqueOrThrow({ where: { id: one.revisionId } });
    expect(Buffer.from(revision.raw).equals(Buffer.from(files[0]!.bytes))).toBe(true);
    expect(revision.text).not.toContain("\r");
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityId: two.articleId, action: "article.imported" } });
    expect(audit.actorId).toBe(editor.id);
    expect(audit.after).toMatchObject({ title: `Second report ${token}`, language: "en", revisionId: two.revisionId });
  });

  it("tells in a preview which files are already imported, and writes nothing", async () => {
    const token = unique();
    await importArticles(editor, { files: [{ name: "a.txt", bytes: article(`Kept ${token}`), mediaType: "text/plain" }] });
    let answer: Awaited<ReturnType<typeof previewArticles>> | undefined;
    const written = await rowsWrittenBy(async () => {
      answer = await previewArticles(editor, {
        files: [
          { name: "a.txt", bytes: article(`Kept ${token}`), mediaType: "text/plain" },
          { name: "b.txt", bytes: article(`New ${token}`), mediaType: "text/plain" },
          { name: "c.txt", bytes: encode(""), mediaType: "text/plain" },
        ],
      });
    });
    expect(Object.values(written).every((count) => count === 0)).toBe(true);
    const [kept, fresh, empty] = answer!.results;
    expect(kept).toMatchObject({ status: "ready", preview: { title: `Kept ${token}`, duplicateOf: { title: `Kept ${token}` } } });
    expect(fresh).toMatchObject({ status: "ready", preview: { duplicateOf: null } });
    expect(empty).toMatchObject({ status: "refused", reason: "The file is empty.", refusal: { key: "fileEmpty" } });
  });

  it("imports the same text once when two batches race", async () => {
    const token = unique();
    const files = Array.from({ length: 20 }, (_, index) => ({ name: `${index}.txt`, bytes: article(`Race ${index} ${token}`), mediaType: "text/plain" }));
    const [first, second] = await Promise.all([importArticles(editor, { files }), importArticles(editor, { files: [...files].reverse() })]);
    const imported = [...first.results, ...second.results].filter((result) => result.status === "imported").length;
    expect(imported).toBe(20);
    const stored = await db.article.count({ where: { title: { endsWith: token } } });
    expect(stored).toBe(20);
  });

  it("refuses a person whose role cannot import, and a batch of more than 100 files", async () => {
    const file = { name: "x.txt", bytes: article(`Refused ${unique()}`), mediaType: "text/plain" };
    await expectDomainError(importArticles(admin, { files: [file] }), "forbidden");
    await expectDomainError(importArticles(editor, { files: Array.from({ length: 101 }, () => file) }), "invalid");
    await expectDomainError(importArticles(editor, { files: [] }), "invalid");
  });
});
