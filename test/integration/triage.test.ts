import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { getArticleForAnnotation } from "@/lib/articles/get-article-for-annotation";
import { importArticle } from "@/lib/articles/import-article";
import { reviseArticle } from "@/lib/articles/revise-article";
import { createClaim } from "@/lib/claims/create-claim";
import { findCheckWorthySentences } from "@/lib/triage/find-check-worthy-sentences";
import { listSentencesToCheck } from "@/lib/triage/list-sentences-to-check";
import { uncoveredCandidates } from "@/lib/triage/uncovered-candidates";
import { makeUser, rowsWrittenBy, unique } from "./support";

// Check-worthiness triage on imported articles: the candidates of an imported article are in the "to
// check" list; making a claim of one writes the passage and the claim through the existing use case,
// and the sentence leaves the list; a new revision gives the candidates of its new text.

const encode = (text: string) => new TextEncoder().encode(text);

let editor: Actor;
let reviewer: Actor;
beforeAll(async () => {
  editor = await makeUser("editor");
  reviewer = await makeUser("reviewer");
});
afterAll(() => getDb().$disconnect());

describe("triage of an imported article", () => {
  it("lists its candidates, and making a claim of one writes the passage and the claim", async () => {
    const token = unique();
    const statistic = `Unemployment fell to 3.9% in March, the lowest level since 2001, the Labor Department said in report ${token}.`;
    const text = [
      `Jobs report ${token}`,
      "",
      "It was a grey morning in the capital.",
      "",
      statistic,
      "",
      "Will the good news last?",
      "",
      "I think the government should be careful.",
    ].join("\n");
    const imported = await importArticle(editor, { bytes: encode(text), mediaType: "text/plain", details: { language: "en" } });
    if (imported.status !== "imported") throw new Error("the unique article was reported as a duplicate");

    // The list, as a reviewer reads it: the statistic is there, the question and the opinion are not.
    const listed = (await listSentencesToCheck(reviewer, { limit: 200 })).filter((sentence) => sentence.article.id === imported.articleId);
    expect(listed.map((sentence) => sentence.text)).toEqual([statistic]);
    const candidate = listed[0]!;
    expect(candidate.reasons.map((reason) => `${reason.code}: ${reason.detail}`)).toEqual(expect.arrayContaining([expect.stringMatching(/^figure: 3\.9%/), "attributed: said"]));
    expect(candidate.claimant).toBe("Labor Department");

    // What the annotator does with one key: the sentence is the passage, the proposal the claim.
    const article = await getArticleForAnnotation(editor, imported.articleId);
    expect(article.revision.text.slice(candidate.start, candidate.end)).toBe(candidate.text);
    const written = await rowsWrittenBy(() =>
      createClaim(editor, {
        statement: candidate.statement,
        claimant: candidate.claimant,
        language: "en",
        tags: [],
        passage: { articleRevisionId: article.revision.id, start: candidate.start, end: candidate.end, exact: candidate.text },
      }),
    );
    expect(written).toMatchObject({ claims: 1, passages: 1, audit_events: 2 });

    const after = await getArticleForAnnotation(editor, imported.articleId);
    expect(after.passages).toHaveLength(1);
    expect(after.passages[0]).toMatchObject({ start: candidate.start, end: candidate.end, exact: candidate.text });
    expect(after.claims[0]).toMatchObject({ statement: candidate.statement, claimant: "Labor Department" });
    // Covered now: the annotator and the list no longer propose it.
    expect(uncoveredCandidates(findCheckWorthySentences(after.revision.text, "en"), after.passages)).toEqual([]);
    expect((await listSentencesToCheck(reviewer, { limit: 200 })).some((sentence) => sentence.article.id === imported.articleId)).toBe(false);
  });

  it("gives the candidates of a new revision's text", async () => {
    const token = unique();
    const first = `Les prix ${token}\n\nIl faisait doux mardi matin sur la capitale.\n`;
    const imported = await importArticle(editor, { bytes: encode(first), mediaType: "text/plain", details: { language: "fr" } });
    if (imported.status !== "imported") throw new Error("the unique article was reported as a duplicate");
    const ofArticle = async () => (await listSentencesToCheck(editor, { limit: 200 })).filter((sentence) => sentence.article.id === imported.articleId).map((s) => s.text);
    expect(await ofArticle()).toEqual([]);

    const added = `Selon l'Insee, les prix ont augmenté de 4,2 % en un an, la plus forte hausse depuis 1985 (${token}).`;
    await reviseArticle(editor, { articleId: imported.articleId, expectedRevisionNumber: 1, bytes: encode(`${first}\n${added}\n`), mediaType: "text/plain" });
    expect(await ofArticle()).toEqual([added]);
  });
});
