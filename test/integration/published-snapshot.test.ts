// Published means approved: after publication, every kind of workbench write on the claim changes
// its working version only. What readers get (the page's data, its ClaimReview, its feed entry, the
// annotation export) stays exactly as approved until a new revision is approved and published.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { addPassage } from "@/lib/claims/add-passage";
import { removePassage } from "@/lib/claims/remove-passage";
import { updateClaim } from "@/lib/claims/update-claim";
import { relateClaims } from "@/lib/relations/relate-claims";
import { removeRelation } from "@/lib/relations/remove-relation";
import { reviseArticle } from "@/lib/articles/revise-article";
import { exportAnnotations } from "@/lib/articles/export-annotations";
import { getPublishedFactCheck } from "@/lib/publishing/get-published-fact-check";
import { listFeedEntries } from "@/lib/publishing/list-feed-entries";
import { saveVerdictDraft } from "@/lib/verdicts/save-verdict-draft";
import { submitVerdict } from "@/lib/verdicts/submit-verdict";
import { reviewVerdict } from "@/lib/verdicts/review-verdict";
import { publishVerdict } from "@/lib/publishing/publish-verdict";
import { resolveSourceChange } from "@/lib/sources/resolve-source-change";
import { importSmallArticle, makeClaim, makeUser, verdictContent } from "@/test/integration/support";

const db = getDb();
let editor: Actor;
let secondEditor: Actor;
let reviewer: Actor;

beforeAll(async () => {
  [editor, secondEditor, reviewer] = await Promise.all([makeUser("editor"), makeUser("editor"), makeUser("reviewer")]);
});
afterAll(() => db.$disconnect());

/** Brings a claim's verdict to publication (or a correction) through the use cases; returns its slug. */
async function publish(claimId: string, correction?: { whatChanged: string; why: string }) {
  const verdict = await db.verdict.findUnique({ where: { claimId } });
  const draft = await saveVerdictDraft(editor, { claimId, expectedVersion: verdict?.version ?? null, ...verdictContent() });
  const submitted = await submitVerdict(secondEditor, { verdictId: draft.verdictId, expectedVersion: draft.version });
  await reviewVerdict(reviewer, { verdictId: draft.verdictId, revisionId: submitted.revisionId, decision: "approve" });
  return (await publishVerdict(reviewer, { verdictId: draft.verdictId, revisionId: submitted.revisionId, correction })).slug;
}

describe("what readers see after publication", () => {
  it("stays as approved through every kind of workbench write, and changes with the next publication", async () => {
    const article = await importSmallArticle(editor);
    const quote = "Opposition leaders disputed that account";
    const start = article.text.indexOf(quote);
    const claim = await makeClaim(editor);
    const quoted = await addPassage(editor, { claimId: claim.id, articleRevisionId: article.revisionId, start, end: start + quote.length, exact: quote });
    const other = await makeClaim(editor);
    await publish(other.id);
    const slug = await publish(claim.id);

    const readersView = async () => ({
      page: await getPublishedFactCheck(slug),
      feed: (await listFeedEntries(200)).filter((entry) => entry.slug === slug),
      annotations: await exportAnnotations(null, article.articleId),
    });
    const approved = await readersView();
    expect(approved.page?.claim.statement).toBe(claim.statement);
    expect(approved.page?.byline).toEqual({ authors: [editor.name, secondEditor.name].sort(), reviewer: reviewer.name, original: null });
    expect(approved.page?.claimReview).toMatchObject({ author: { "@type": "Organization" } });

    const current = () => db.claim.findUniqueOrThrow({ where: { id: claim.id } });
    const edit = async (fields: Record<string, unknown>) => {
      const saved = await current();
      await updateClaim(editor, {
        claimId: saved.id,
        expectedVersion: saved.version,
        statement: saved.statement,
        claimant: saved.claimant,
        language: saved.language,
        tags: saved.tags,
        claimantSameAs: saved.claimantSameAs ?? undefined,
        claimedAt: saved.claimedAt?.toISOString().slice(0, 10),
        ...fields,
      });
    };
    const otherQuote = "Officials in both capitals declined";
    const otherStart = article.text.indexOf(otherQuote);
    const writes: [string, () => Promise<unknown>][] = [
      ["claim wording", () => edit({ statement: `${claim.statement}, reworded` })],
      ["claimant link", () => edit({ claimantSameAs: "https://www.wikidata.org/wiki/Q42" })],
      ["claim date", () => edit({ claimedAt: "2019-05-21" })],
      ["passage added", () => addPassage(editor, { claimId: claim.id, articleRevisionId: article.revisionId, start: otherStart, end: otherStart + otherQuote.length, exact: otherQuote })],
      ["passage removed", () => removePassage(editor, { passageId: quoted.id })],
      ["link added", () => relateClaims(editor, { type: "contradicts", fromClaimId: claim.id, toClaimId: other.id, rationale: "They cannot both hold." })],
      [
        "link removed",
        async () => removeRelation(editor, { relationId: (await db.claimRelation.findFirstOrThrow({ where: { fromClaimId: claim.id } })).id }),
      ],
      [
        "new article revision",
        () =>
          reviseArticle(editor, {
            articleId: article.articleId,
            expectedRevisionNumber: 1,
            bytes: new TextEncoder().encode(`${article.text.replace("disputed that account", "rejected that version")}\n`),
            mediaType: "text/plain",
          }),
      ],
    ];
    for (const [kind, write] of writes) {
      await write();
      expect(await readersView(), `after the ${kind}`).toEqual(approved);
    }

    // The changed source raised an item; a reviewer settles it, then the next publication shows the working version.
    const item = await db.sourceChangeItem.findFirstOrThrow({ where: { verdict: { claimId: claim.id }, status: "open" } });
    await resolveSourceChange(reviewer, { itemId: item.id, expectedVersion: item.version, note: "The new revision is quoted in the correction." });
    await publish(claim.id, { whatChanged: "The claim is worded as the claimant said it.", why: "Our first wording was loose." });
    const corrected = await readersView();
    expect(corrected.page?.claim.statement).toBe(`${claim.statement}, reworded`);
    expect(corrected.page?.passages.map((passage) => passage.exact)).toEqual([otherQuote]);
    expect(corrected.page?.claimReview).toMatchObject({ itemReviewed: { author: { sameAs: "https://www.wikidata.org/wiki/Q42" } } });
    expect(corrected.feed).toHaveLength(2);
    expect(corrected.annotations).not.toEqual(approved.annotations);
  });
});
