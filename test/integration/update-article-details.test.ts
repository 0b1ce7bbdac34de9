// Correcting an article's details after import: audited with before and after, guarded by the
// article's version, refused without writing anything to roles that cannot write articles, and
// never touching the revision text.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { importArticle } from "@/lib/articles/import-article";
import { updateArticleDetails } from "@/lib/articles/update-article-details";
import { expectRefusedWithoutWrites, makeUser, rowsWrittenBy, unique } from "@/test/integration/support";

const db = getDb();

afterAll(async () => {
  await db.$disconnect();
});

let editor: Actor;
beforeAll(async () => {
  editor = await makeUser("editor");
});

const HTML_HEAD = `<meta property="article:published_time" content="2024-07-02T13:30:00Z"><meta property="article:modified_time" content="2024-07-03T08:00:00Z"><meta property="og:site_name" content="Caracas Daily">`;

async function importHtml(): Promise<{ articleId: string; revisionId: string; token: string }> {
  const token = unique();
  const html = `<html lang="en"><head>${HTML_HEAD}</head><body><h1>Vote disputed ${token}</h1><p>The opposition claimed victory, reference ${token}.</p></body></html>`;
  // The import form sends the proposed days back as it shows them: the times of day are kept.
  const details = { publishedAt: "2024-07-02", sourceUpdatedAt: "2024-07-03" };
  const result = await importArticle(editor, { bytes: new TextEncoder().encode(html), mediaType: "text/html", details });
  if (result.status !== "imported") throw new Error("expected an import");
  return { articleId: result.articleId, revisionId: result.revisionId, token };
}

describe("updateArticleDetails", () => {
  it("saves the changed details with an audit row naming only those fields, and leaves the revision as it was", async () => {
    const { articleId, revisionId, token } = await importHtml();
    const revisionBefore = await db.articleRevision.findUniqueOrThrow({ where: { id: revisionId } });
    let result: Awaited<ReturnType<typeof updateArticleDetails>> | undefined;
    const written = await rowsWrittenBy(async () => {
      result = await updateArticleDetails(editor, {
        articleId,
        expectedVersion: 1,
        title: `Vote disputed ${token}`,
        outlet: "Caracas Daily",
        author: "Ana Pérez, Luis Gómez",
        url: "https://daily.example/vote",
        language: "es",
        // The same day as imported: the imported time of day is kept.
        publishedAt: "2024-07-02",
        sourceUpdatedAt: "2024-07-03",
      });
    });
    expect(written).toEqual({ audit_events: 1 });
    expect(result).toEqual({ id: articleId, version: 2, changed: true });

    const article = await db.article.findUniqueOrThrow({ where: { id: articleId } });
    expect(article).toMatchObject({
      author: "Ana Pérez, Luis Gómez",
      url: "https://daily.example/vote",
      language: "es",
      publishedAt: new Date("2024-07-02T13:30:00Z"),
      sourceUpdatedAt: new Date("2024-07-03T08:00:00Z"),
      version: 2,
    });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityId: articleId, action: "article.details_updated" } });
    expect(audit).toMatchObject({
      actorId: editor.id,
      entityType: "article",
      before: { version: 1, author: null, url: null, language: "en" },
      after: { version: 2, author: "Ana Pérez, Luis Gómez", url: "https://daily.example/vote", language: "es" },
    });
    const revisionAfter = await db.articleRevision.findUniqueOrThrow({ where: { id: revisionId } });
    expect(revisionAfter).toEqual(revisionBefore);
  });

  it("clears what is left blank (the update date too) and sets a new day at midnight UTC", async () => {
    const { articleId, token } = await importHtml();
    await updateArticleDetails(editor, { articleId, expectedVersion: 1, title: `T ${token}`, outlet: " ", language: "en", publishedAt: "2024-07-05" });
    const article = await db.article.findUniqueOrThrow({ where: { id: articleId } });
    expect(article).toMatchObject({ outlet: null, publishedAt: new Date("2024-07-05T00:00:00Z") });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityId: articleId, action: "article.details_updated" } });
    expect(audit.before).toEqual({
      version: 1,
      title: `Vote disputed ${token}`,
      outlet: "Caracas Daily",
      publishedAt: "2024-07-02T13:30:00.000Z",
      sourceUpdatedAt: "2024-07-03T08:00:00.000Z",
    });
    expect(audit.after).toEqual({ version: 2, title: `T ${token}`, outlet: null, publishedAt: "2024-07-05T00:00:00.000Z", sourceUpdatedAt: null });
  });

  it("writes nothing when nothing changed", async () => {
    const { articleId, token } = await importHtml();
    const input = {
      articleId,
      expectedVersion: 1,
      title: `Vote disputed ${token}`,
      outlet: "Caracas Daily",
      language: "en",
      publishedAt: "2024-07-02",
      sourceUpdatedAt: "2024-07-03",
    };
    let result: Awaited<ReturnType<typeof updateArticleDetails>> | undefined;
    expect(await rowsWrittenBy(async () => (result = await updateArticleDetails(editor, input)))).toEqual({});
    expect(result).toEqual({ id: articleId, version: 1, changed: false });
  });

  it("refuses a stale version with the saved values, writing nothing", async () => {
    const { articleId, token } = await importHtml();
    await updateArticleDetails(editor, { articleId, expectedVersion: 1, title: `First ${token}`, language: "en" });
    const error = await expectRefusedWithoutWrites(
      () => updateArticleDetails(editor, { articleId, expectedVersion: 1, title: `Second ${token}`, language: "en" }),
      "conflict",
    );
    expect(error.details).toMatchObject({ theirs: { version: 2, title: `First ${token}` }, yours: { title: `Second ${token}` } });
  });

  it("refuses roles without articles.write, bad input and unknown articles, writing nothing", async () => {
    const { articleId } = await importHtml();
    const admin = await makeUser("admin");
    const disabled = await makeUser("editor", "disabled");
    const input = { articleId, expectedVersion: 1, title: "Changed", language: "en" };
    await expectRefusedWithoutWrites(() => updateArticleDetails(admin, input), "forbidden");
    await expectRefusedWithoutWrites(() => updateArticleDetails(disabled, input), "forbidden");
    await expectRefusedWithoutWrites(() => updateArticleDetails(editor, { ...input, url: "javascript:alert(1)" }), "invalid");
    await expectRefusedWithoutWrites(() => updateArticleDetails(editor, { ...input, publishedAt: "1750-01-01" }), "invalid");
    await expectRefusedWithoutWrites(() => updateArticleDetails(editor, { ...input, title: " " }), "invalid");
    await expectRefusedWithoutWrites(
      () => updateArticleDetails(editor, { ...input, articleId: "00000000-0000-4000-8000-000000000000" }),
      "not_found",
    );
  });
});
