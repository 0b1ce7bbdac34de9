import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { exportAnnotations } from "@/lib/articles/export-annotations";
import { importArticle } from "@/lib/articles/import-article";
import { reviseArticle } from "@/lib/articles/revise-article";
import { addPassage } from "@/lib/claims/add-passage";
import { ANNOTATION_MUSTS, failedAnnotationMusts } from "@/test/w3c/annotation-musts";
import { makeClaim, makeUser, publishClaim, unique } from "./support";

// Every annotation the export gives, to readers and to the workbench, checked against the W3C Web
// Annotation test suite's 54 must-assertions (test/w3c/web-annotation).

type Collection = { "@context": string; first: { items: { id: string; body: unknown; target: { source: string } }[] } };

const encode = (text: string) => new TextEncoder().encode(text);
const PARAGRAPHS = [
  "Alpha: the delegation arrived in the capital on Monday evening for talks.",
  "Bravo: the minister said the contacts had his express authorisation from the start.",
  "Charlie: opposition leaders disputed that account the next morning in a statement.",
  "Delta: officials in both capitals declined to say who had authorised the meetings.",
];
const QUOTES = ["the delegation arrived in the capital", "the contacts had his express authorisation", "opposition leaders disputed that account", "officials in both capitals declined to say"];

let editor: Actor;
let reviewer: Actor;
beforeAll(async () => {
  editor = await makeUser("editor");
  reviewer = await makeUser("reviewer");
});
afterAll(() => getDb().$disconnect());

/** An article (with an address or without) whose four paragraphs each hold a quoted passage of its own claim. */
async function articleWithFourPassages(url: string | undefined) {
  const title = `W3C export test ${unique()}`;
  const imported = await importArticle(editor, { bytes: encode(`${title}\n\n${PARAGRAPHS.join("\n\n")}\n`), mediaType: "text/plain", details: { language: "en", url } });
  if (imported.status !== "imported") throw new Error("the unique article was reported as a duplicate");
  const { text } = await getDb().articleRevision.findUniqueOrThrow({ where: { id: imported.revisionId } });
  const claims = [];
  for (const quote of QUOTES) {
    const claim = await makeClaim(editor);
    const start = text.indexOf(quote);
    await addPassage(editor, { claimId: claim.id, articleRevisionId: imported.revisionId, start, end: start + quote.length, exact: quote });
    claims.push(claim);
  }
  return { articleId: imported.articleId, title, claims };
}

/** Each annotation of the collection as the suite reads one: in the collection's JSON-LD context. */
async function exportedAnnotations(reader: Actor | null, articleId: string) {
  const collection = (await exportAnnotations(reader, articleId)) as unknown as Collection;
  return collection.first.items.map((item) => ({ "@context": collection["@context"], ...item }));
}

function expectEveryMustPassed(annotations: Record<string, unknown>[]) {
  expect(annotations.length).toBeGreaterThan(0);
  for (const annotation of annotations) expect({ id: annotation.id, failed: failedAnnotationMusts(annotation) }).toEqual({ id: annotation.id, failed: [] });
}

describe("the W3C annotation export", () => {
  it("runs the suite's 54 distinct must-assertions, which catch a body that is an external resource with a purpose", () => {
    expect(ANNOTATION_MUSTS).toHaveLength(54);
    const annotation = {
      "@context": "http://www.w3.org/ns/anno.jsonld",
      id: "https://factcheck.example/api/articles/a/annotations#p",
      type: "Annotation",
      body: [{ id: "https://factcheck.example/fact-checks/a", purpose: "assessing" }],
      target: { type: "SpecificResource", source: "https://news.example/a", selector: { type: "TextQuoteSelector", exact: "a quote" } },
    };
    expect(failedAnnotationMusts(annotation).map((failed) => failed.assertion)).toEqual(["bodiesTargets/3.3.5-bodyEWRNoPurpose.json"]);
  });

  it("passes every must for a published claim and unpublished ones, with and without an article address, and leaves out places awaiting confirmation", async () => {
    const address = `https://news.example/articles/${unique()}`;
    const withAddress = await articleWithFourPassages(address);
    const withoutAddress = await articleWithFourPassages(undefined);
    const { slug } = await publishClaim(withAddress.claims[1]!.id, { author: editor, reviewer });
    await publishClaim(withoutAddress.claims[0]!.id, { author: editor, reviewer });

    // Readers: the published claims only, with the article's address as the target when it has one.
    const published = await exportedAnnotations(null, withAddress.articleId);
    expectEveryMustPassed(published);
    expect(published).toHaveLength(1);
    expect(published[0]!.target.source).toBe(address);
    expect(JSON.stringify(published[0]!.body)).toContain(`/fact-checks/${slug}`);
    expectEveryMustPassed(await exportedAnnotations(null, withoutAddress.articleId));

    // The workbench: every claim, published or not.
    const workbench = await exportedAnnotations(editor, withAddress.articleId);
    expectEveryMustPassed(workbench);
    expect(workbench).toHaveLength(4);
    expectEveryMustPassed(await exportedAnnotations(editor, withoutAddress.articleId));

    // A new revision in which one passage stays, one moves, one's words change and one is gone.
    const [alpha, bravo, charlie] = PARAGRAPHS;
    const revised = [alpha, "A paragraph added in the update pushes the next ones down.", bravo, charlie!.replace("disputed", "strongly contested")].join("\n\n");
    const { summary } = await reviseArticle(editor, { articleId: withAddress.articleId, expectedRevisionNumber: 1, bytes: encode(`${withAddress.title}\n\n${revised}\n`), mediaType: "text/plain" });
    expect(summary).toMatchObject({ anchored: 1, moved: 1, fuzzy: 1, orphaned: 1 });

    const afterRevision = await exportedAnnotations(editor, withAddress.articleId);
    expectEveryMustPassed(afterRevision);
    const current = await getDb().passage.findMany({
      where: { article: { id: withAddress.articleId }, articleRevision: { number: 2 } },
      select: { id: true, status: true },
    });
    const exportedIds = afterRevision.map((annotation) => annotation.id.split("#")[1]).sort();
    expect(exportedIds).toEqual(current.filter((passage) => passage.status === "anchored" || passage.status === "moved").map((passage) => passage.id).sort());
    // Readers keep the revision the published snapshot quotes, whatever the article became since.
    expect(await exportedAnnotations(null, withAddress.articleId)).toEqual(published);
  });
});
