import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { reviseArticle } from "@/lib/articles/revise-article";
import { addPassage } from "@/lib/claims/add-passage";
import { confirmPassage } from "@/lib/claims/confirm-passage";
import { reattachPassage } from "@/lib/claims/reattach-passage";
import { removePassage } from "@/lib/claims/remove-passage";
import { getArticleForAnnotation } from "@/lib/articles/get-article-for-annotation";
import { auditCount, expectDomainError, expectRefusedWithoutWrites, importSmallArticle, makeClaim, makeUser, unique } from "./support";

const encode = (text: string) => new TextEncoder().encode(text);

let editor: Actor;
let admin: Actor;

beforeAll(async () => {
  editor = await makeUser("editor");
  admin = await makeUser("admin");
});
afterAll(() => getDb().$disconnect());

/** An article of three paragraphs with one claim anchored to a sentence of the second. */
async function articleWithPassage() {
  const token = unique();
  const paragraphs = [
    `First paragraph ${token}: the delegation arrived in the capital on Monday evening for talks.`,
    "Second paragraph: the minister said the contacts had his express authorisation from the start.",
    "Third paragraph: opposition leaders disputed that account the next morning in a statement.",
  ];
  const article = await importSmallArticle(editor, { title: `Revision test ${token}`, body: paragraphs.join("\n\n") });
  const quote = "the contacts had his express authorisation";
  const start = article.text.indexOf(quote);
  const claim = await makeClaim(editor);
  const passage = await addPassage(editor, { claimId: claim.id, articleRevisionId: article.revisionId, start, end: start + quote.length, exact: quote });
  return { ...article, paragraphs, quote, claim, passage, title: `Revision test ${token}` };
}

async function revise(articleId: string, text: string, expectedRevisionNumber = 1) {
  return reviseArticle(editor, { articleId, expectedRevisionNumber, bytes: encode(text), mediaType: "text/plain" });
}

describe("reviseArticle", () => {
  it("keeps a passage whose text did not move, and the earlier revision keeps its own passage", async () => {
    const article = await articleWithPassage();
    const result = await revise(article.articleId, `${article.title}\n\n${article.paragraphs.join("\n\n")}\n\nA fourth paragraph was added at the end.`);
    expect(result).toMatchObject({ revisionNumber: 2, summary: { anchored: 1, moved: 0, fuzzy: 0, orphaned: 0 } });
    const view = await getArticleForAnnotation(editor, article.articleId);
    expect(view.revision.number).toBe(2);
    const [passage] = view.passages;
    expect(passage?.status).toBe("anchored");
    expect(view.revision.text.slice(passage!.start!, passage!.end!)).toBe(article.quote);
    const old = await getArticleForAnnotation(editor, article.articleId, 1);
    expect(old.passages.map((p) => p.id)).toEqual([article.passage.id]);
  });

  it("moves a passage whose paragraph moved, and shows where it was before", async () => {
    const article = await articleWithPassage();
    const [first, second, third] = article.paragraphs;
    await revise(article.articleId, `${article.title}\n\n${third}\n\nAn inserted paragraph pushes everything down.\n\n${first}\n\n${second}`);
    const view = await getArticleForAnnotation(editor, article.articleId);
    const [passage] = view.passages;
    expect(passage?.status).toBe("moved");
    expect(view.revision.text.slice(passage!.start!, passage!.end!)).toBe(article.quote);
    expect(passage?.previous).toMatchObject({ exact: article.quote, revisionNumber: 1 });
  });

  it("orphans a passage whose text is gone, keeping its quote for the editor to re-attach", async () => {
    const article = await articleWithPassage();
    const [first, , third] = article.paragraphs;
    const result = await revise(article.articleId, `${article.title}\n\n${first}\n\n${third}`);
    expect(result.summary).toEqual({ anchored: 0, moved: 0, fuzzy: 0, orphaned: 1 });
    const view = await getArticleForAnnotation(editor, article.articleId);
    const [passage] = view.passages;
    expect(passage).toMatchObject({ status: "orphaned", start: null, end: null, exact: article.quote });

    // The editor re-attaches it to other words of the new text.
    const words = "opposition leaders disputed that account";
    const start = view.revision.text.indexOf(words);
    await reattachPassage(editor, { passageId: passage!.id, start, end: start + words.length, exact: words });
    const after = await getArticleForAnnotation(editor, article.articleId);
    expect(after.passages[0]).toMatchObject({ status: "anchored", confidence: 1, exact: words, start, end: start + words.length });
  });

  it("refuses a stale revision number, identical text and bad input, writing nothing", async () => {
    const article = await articleWithPassage();
    await expectRefusedWithoutWrites(() => revise(article.articleId, `${article.title}\n\n${article.paragraphs.join("\n\n")}`), "invalid");
    await revise(article.articleId, `${article.title}\n\nSomething else entirely, written by the outlet later.`);
    await expectRefusedWithoutWrites(() => revise(article.articleId, "A third text that nobody has seen yet.", 1), "conflict");
    await expectRefusedWithoutWrites(
      () => reviseArticle(editor, { articleId: article.articleId, expectedRevisionNumber: 2, bytes: new Uint8Array([0, 1, 2, 0]), mediaType: "text/plain" }),
      "invalid",
    );
    await expectRefusedWithoutWrites(
      () => reviseArticle(admin, { articleId: article.articleId, expectedRevisionNumber: 2, bytes: encode("Admins do not edit articles."), mediaType: "text/plain" }),
      "forbidden",
    );
  });
});

describe("passage decisions", () => {
  it("confirms a moved passage, refuses to confirm an orphan, and drops a passage with an audit row", async () => {
    const article = await articleWithPassage();
    const [first, second, third] = article.paragraphs;
    await revise(article.articleId, `${article.title}\n\n${third}\n\n${first}\n\n${second}`);
    const [moved] = (await getArticleForAnnotation(editor, article.articleId)).passages;
    await confirmPassage(editor, { passageId: moved!.id });
    expect((await getArticleForAnnotation(editor, article.articleId)).passages[0]).toMatchObject({ status: "anchored", confidence: 1 });

    await revise(article.articleId, `${article.title}\n\n${third}`, 2);
    const [orphan] = (await getArticleForAnnotation(editor, article.articleId)).passages;
    expect(orphan?.status).toBe("orphaned");
    await expectDomainError(confirmPassage(editor, { passageId: orphan!.id }), "illegal_transition");

    const before = await auditCount();
    await removePassage(editor, { passageId: orphan!.id });
    expect(await auditCount()).toBe(before + 1);
    expect((await getArticleForAnnotation(editor, article.articleId)).passages).toEqual([]);
  });

  it("refuses a re-attachment whose quote does not match the text, writing nothing", async () => {
    const article = await articleWithPassage();
    await expectRefusedWithoutWrites(
      () => reattachPassage(editor, { passageId: article.passage.id, start: 0, end: 5, exact: "not what the text says" }),
      "invalid",
    );
  });
});
