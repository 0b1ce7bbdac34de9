import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { importArticle } from "@/lib/articles/import-article";
import { reviseArticle } from "@/lib/articles/revise-article";
import { addPassage } from "@/lib/claims/add-passage";
import { getPublishedFactCheck } from "@/lib/publishing/get-published-fact-check";
import { takeFactCheckSnapshot } from "@/lib/publishing/take-fact-check-snapshot";
import { makeClaim, makeUser, publishClaim, unique } from "./support";

const encode = (text: string) => new TextEncoder().encode(text);

let editor: Actor;
let reviewer: Actor;
beforeAll(async () => {
  editor = await makeUser("editor");
  reviewer = await makeUser("reviewer");
});
afterAll(() => getDb().$disconnect());

/** A plain-text article quoted once by the claim; `details` as the import form would send them. */
async function quotedArticle(claimId: string, details: { url?: string; outlet?: string; publishedAt?: string }) {
  const token = unique();
  const quote = `the minister approved the talks ${token}`;
  const body = `Reporting from the capital. Officials said ${quote} last week. Nobody else confirmed it.`;
  const imported = await importArticle(editor, { bytes: encode(`Source ${token}\n\n${body}\n`), mediaType: "text/plain", details: { language: "en", ...details } });
  if (imported.status !== "imported") throw new Error("the unique article was reported as a duplicate");
  const { text, createdAt } = await getDb().articleRevision.findUniqueOrThrow({ where: { id: imported.revisionId } });
  const start = text.indexOf(quote);
  await addPassage(editor, { claimId, articleRevisionId: imported.revisionId, start, end: start + quote.length, exact: quote });
  return { articleId: imported.articleId, importedAt: createdAt, title: `Source ${token}`, body };
}

describe("the sources of a published fact-check", () => {
  it("names every quoted article with its address and the version quoted, and its ClaimReview links each appearance", async () => {
    const claim = await makeClaim(editor);
    const url = `https://news.example/${unique()}`;
    const addressed = await quotedArticle(claim.id, { url, outlet: "Caracas Daily", publishedAt: "2024-07-02T08:00:00Z" });
    const bare = await quotedArticle(claim.id, {});
    const { slug } = await publishClaim(claim.id, { author: editor, reviewer });

    const factCheck = (await getPublishedFactCheck(slug))!;
    expect(factCheck.sources).toEqual([
      expect.objectContaining({ id: addressed.articleId, url, outlet: "Caracas Daily", version: { date: new Date("2024-07-02T08:00:00Z"), known: "published" } }),
      // No date from the outlet: the page says when the newsroom retrieved it.
      expect.objectContaining({ id: bare.articleId, url: null, version: { date: bare.importedAt, known: "retrieved" } }),
    ]);
    const claimed = factCheck.claimReview.itemReviewed as { appearance: { url?: string }[]; firstAppearance: { url?: string } };
    expect(claimed.appearance.map((appearance) => appearance.url)).toEqual([url, undefined]);
    expect(claimed.firstAppearance.url).toBe(url);
  });

  it("does not give a later revision the date of an earlier version", async () => {
    const claim = await makeClaim(editor);
    const article = await quotedArticle(claim.id, { url: `https://news.example/${unique()}`, publishedAt: "2024-07-02T08:00:00Z" });
    const first = await getDb().$transaction((tx) => takeFactCheckSnapshot(tx, claim.id));
    expect(first.passages[0]!.article.versionPublishedAt).toBe("2024-07-02T08:00:00.000Z");

    await reviseArticle(editor, { articleId: article.articleId, expectedRevisionNumber: 1, bytes: encode(`${article.title}\n\n${article.body}\n\nAn update added a line.\n`), mediaType: "text/plain" });
    const second = await getDb().$transaction((tx) => takeFactCheckSnapshot(tx, claim.id));
    expect(second.passages[0]!.article).toMatchObject({ revisionNumber: 2, versionPublishedAt: null });
  });
});
