import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { exportAnnotations } from "@/lib/articles/export-annotations";
import { addPassage } from "@/lib/claims/add-passage";
import { saveVerdictDraft } from "@/lib/verdicts/save-verdict-draft";
import { submitVerdict } from "@/lib/verdicts/submit-verdict";
import { reviewVerdict } from "@/lib/verdicts/review-verdict";
import { publishVerdict } from "@/lib/publishing/publish-verdict";
import { updateArticleDetails } from "@/lib/articles/update-article-details";
import { expectDomainError, importSmallArticle, makeClaim, makeUser, unique, verdictContent } from "./support";

type Annotation = {
  type: string;
  motivation: string;
  body: { type: string; value?: string; language?: string; purpose?: string; source?: string; id?: string }[];
  target: { type: string; source: string; selector: [{ type: string; exact: string; prefix: string; suffix: string }, { type: string; start: number; end: number }] };
};
type Collection = { "@context": string; type: string; total: number; first: { type: string; items: Annotation[] } };

let editor: Actor;
beforeAll(async () => {
  editor = await makeUser("editor");
});
afterAll(() => getDb().$disconnect());

describe("exportAnnotations", () => {
  it("exports passages as W3C annotations with code-point offsets, also after emoji", async () => {
    const body = `Crowds cheered 🎉🇻🇪 as the minister said “the talks had my approval” ${unique()}.`;
    const article = await importSmallArticle(editor, { body });
    const quote = "the talks had my approval";
    const start = article.text.indexOf(quote);
    const claim = await makeClaim(editor);
    await addPassage(editor, { claimId: claim.id, articleRevisionId: article.revisionId, start, end: start + quote.length, exact: quote });

    const collection = (await exportAnnotations(editor, article.articleId)) as unknown as Collection;
    expect(collection["@context"]).toBe("http://www.w3.org/ns/anno.jsonld");
    expect(collection.type).toBe("AnnotationCollection");
    expect(collection.total).toBe(1);
    expect(collection.first.type).toBe("AnnotationPage");
    const [annotation] = collection.first.items;
    expect(annotation).toMatchObject({ type: "Annotation", body: [{ type: "TextualBody", language: "en" }], target: { type: "SpecificResource" } });
    const [quoteSelector, position] = annotation!.target.selector;
    expect(quoteSelector).toMatchObject({ type: "TextQuoteSelector", exact: quote });
    expect(position.type).toBe("TextPositionSelector");
    // Code points: the two emoji flags and the party popper count one per code point, not per UTF-16 unit.
    const codePoints = [...article.text];
    expect(codePoints.slice(position.start, position.end).join("")).toBe(quote);
    expect(position.start).toBeLessThan(start);
  });

  it("shows anonymous readers only published claims, and a 404 for an article with none", async () => {
    const article = await importSmallArticle(editor);
    const claim = await makeClaim(editor);
    const quote = "Opposition leaders disputed that account";
    const start = article.text.indexOf(quote);
    await addPassage(editor, { claimId: claim.id, articleRevisionId: article.revisionId, start, end: start + quote.length, exact: quote });
    await expectDomainError(exportAnnotations(null, article.articleId), "not_found");
    await expectDomainError(exportAnnotations(null, "not-a-uuid"), "not_found");
    expect(((await exportAnnotations(editor, article.articleId)) as unknown as Collection).total).toBe(1);
  });

  it("links a published claim's fact-check as a SpecificResource that may carry a purpose, and leaves out passages awaiting confirmation", async () => {
    const reviewer = await makeUser("reviewer");
    const article = await importSmallArticle(editor);
    const claim = await makeClaim(editor);
    const quote = "Opposition leaders disputed that account";
    const start = article.text.indexOf(quote);
    await addPassage(editor, { claimId: claim.id, articleRevisionId: article.revisionId, start, end: start + quote.length, exact: quote });
    const draft = await saveVerdictDraft(editor, { claimId: claim.id, expectedVersion: null, ...verdictContent() });
    const submitted = await submitVerdict(editor, { verdictId: draft.verdictId, expectedVersion: draft.version });
    await reviewVerdict(reviewer, { verdictId: draft.verdictId, revisionId: submitted.revisionId, decision: "approve" });
    const { slug } = await publishVerdict(reviewer, { verdictId: draft.verdictId, revisionId: submitted.revisionId });

    for (const reader of [null, editor]) {
      const [annotation] = ((await exportAnnotations(reader, article.articleId)) as unknown as Collection).first.items;
      expect(annotation!.body).toEqual([
        expect.objectContaining({ type: "TextualBody", purpose: "describing", value: expect.stringContaining(claim.statement) }),
        { type: "SpecificResource", purpose: "assessing", source: expect.stringMatching(new RegExp(`/fact-checks/${slug}$`)) },
      ]);
      // W3C: a body with an id is an external web resource, and such a body may not carry a purpose.
      for (const body of annotation!.body) expect(body.id === undefined || body.purpose === undefined).toBe(true);
    }

    // Readers keep the article's title and address as the snapshot froze them; the workbench sees the edit.
    const frozen = JSON.stringify(await exportAnnotations(null, article.articleId));
    const edited = { title: `Retitled ${unique()}`, url: "https://example.org/retitled" };
    await updateArticleDetails(editor, { articleId: article.articleId, expectedVersion: 1, language: "en", ...edited });
    expect(JSON.stringify(await exportAnnotations(null, article.articleId))).toBe(frozen);
    const live = (await exportAnnotations(editor, article.articleId)) as unknown as Collection & { label: string };
    expect(live.label).toContain(edited.title);
    expect(live.first.items[0]!.target.source).toBe(edited.url);

    // A re-anchoring whose words changed waits for an editor: the workbench export leaves it out.
    await getDb().passage.updateMany({ where: { claimId: claim.id }, data: { status: "fuzzy" } });
    expect(((await exportAnnotations(editor, article.articleId)) as unknown as Collection).total).toBe(0);
  });
});
