// Anchoring claims in articles (passages with W3C selectors) and linking claims to each other.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { addPassage } from "@/lib/claims/add-passage";
import { relateClaims } from "@/lib/relations/relate-claims";
import { expectRefusedWithoutWrites, importSmallArticle, makeClaim, makeUser, rowsWrittenBy } from "@/test/integration/support";

const db = getDb();

afterAll(async () => {
  await db.$disconnect();
});

let editor: Actor;
let article: Awaited<ReturnType<typeof importSmallArticle>>;

beforeAll(async () => {
  editor = await makeUser("editor");
  article = await importSmallArticle(editor);
});

/** Offsets of the only occurrence of quote in the test article. */
function locate(quote: string): { start: number; end: number } {
  const start = article.text.indexOf(quote);
  if (start < 0 || article.text.indexOf(quote, start + 1) >= 0) throw new Error(`"${quote}" must appear exactly once`);
  return { start, end: start + quote.length };
}

describe("addPassage", () => {
  it("stores both selectors, with up to 32 characters of context on each side, and one audit row", async () => {
    const claim = await makeClaim(editor);
    const quote = "Opposition leaders disputed that account";
    const { start, end } = locate(quote);
    let id = "";
    const written = await rowsWrittenBy(async () => {
      ({ id } = await addPassage(editor, { claimId: claim.id, articleRevisionId: article.revisionId, start, end, exact: quote }));
    });
    expect(written).toEqual({ passages: 1, audit_events: 1 });
    const passage = await db.passage.findUniqueOrThrow({ where: { id } });
    expect(passage).toMatchObject({
      claimId: claim.id,
      articleId: article.articleId,
      articleRevisionId: article.revisionId,
      exact: quote,
      start,
      end,
      prefix: article.text.slice(start - 32, start),
      suffix: article.text.slice(end, end + 32),
      status: "anchored",
      confidence: 1,
      createdById: editor.id,
    });
    expect(passage.prefix).toHaveLength(32);
    expect(passage.suffix).toHaveLength(32);
  });

  it("keeps shorter context at the very start and end of the text", async () => {
    const claim = await makeClaim(editor);
    const first = article.text.slice(0, 4);
    const atStart = await addPassage(editor, { claimId: claim.id, articleRevisionId: article.revisionId, start: 0, end: 4, exact: first });
    expect(await db.passage.findUniqueOrThrow({ where: { id: atStart.id } })).toMatchObject({ prefix: "", suffix: article.text.slice(4, 36) });

    const length = article.text.length;
    const last = article.text.slice(length - 9);
    const atEnd = await addPassage(editor, { claimId: claim.id, articleRevisionId: article.revisionId, start: length - 9, end: length, exact: last });
    expect(await db.passage.findUniqueOrThrow({ where: { id: atEnd.id } })).toMatchObject({
      prefix: article.text.slice(length - 41, length - 9),
      suffix: "",
    });
  });

  it("refuses offsets outside the text", async () => {
    const claim = await makeClaim(editor);
    const length = article.text.length;
    const error = await expectRefusedWithoutWrites(
      () => addPassage(editor, { claimId: claim.id, articleRevisionId: article.revisionId, start: length - 3, end: length + 5, exact: "xxxxxxxx" }),
      "invalid",
    );
    expect(error.message).toContain(`outside the article's text (0-${length})`);
  });

  it("refuses a quote that is not what the text says at those offsets", async () => {
    const claim = await makeClaim(editor);
    const { start, end } = locate("declined to say");
    const error = await expectRefusedWithoutWrites(
      () => addPassage(editor, { claimId: claim.id, articleRevisionId: article.revisionId, start, end, exact: "refused to say!" }),
      "invalid",
    );
    expect(error.message).toBe("The quoted text does not match the article's text at that place.");
    // Off by one is a mismatch too.
    await expectRefusedWithoutWrites(
      () => addPassage(editor, { claimId: claim.id, articleRevisionId: article.revisionId, start: start + 1, end: end + 1, exact: "declined to say" }),
      "invalid",
    );
  });

  it("refuses a passage of whitespace only", async () => {
    const claim = await makeClaim(editor);
    const start = article.text.indexOf(" ");
    const error = await expectRefusedWithoutWrites(
      () => addPassage(editor, { claimId: claim.id, articleRevisionId: article.revisionId, start, end: start + 1, exact: " " }),
      "invalid",
    );
    expect(error.message).toBe("A passage cannot be only whitespace.");
    const paragraphBreak = article.text.indexOf("\n\n");
    await expectRefusedWithoutWrites(
      () => addPassage(editor, { claimId: claim.id, articleRevisionId: article.revisionId, start: paragraphBreak, end: paragraphBreak + 2, exact: "\n\n" }),
      "invalid",
    );
  });

  it("refuses the same passage twice for one claim with a conflict", async () => {
    const claim = await makeClaim(editor);
    const quote = "talks were only about a transition";
    const input = { claimId: claim.id, articleRevisionId: article.revisionId, ...locate(quote), exact: quote };
    await addPassage(editor, input);
    const error = await expectRefusedWithoutWrites(() => addPassage(editor, input), "conflict");
    expect(error.message).toBe("This passage is already attached to the claim.");
    // Another claim may quote the same words.
    const other = await makeClaim(editor);
    await addPassage(editor, { ...input, claimId: other.id });
    expect(await db.passage.count({ where: { articleRevisionId: article.revisionId, exact: quote } })).toBe(2);
  });

  it("refuses an unknown claim or article revision", async () => {
    const claim = await makeClaim(editor);
    const { start, end } = locate("declined to say");
    await expectRefusedWithoutWrites(
      () => addPassage(editor, { claimId: "00000000-0000-4000-8000-000000000000", articleRevisionId: article.revisionId, start, end, exact: "declined to say" }),
      "not_found",
    );
    await expectRefusedWithoutWrites(
      () => addPassage(editor, { claimId: claim.id, articleRevisionId: "00000000-0000-4000-8000-000000000000", start, end, exact: "declined to say" }),
      "not_found",
    );
  });
});

describe("relateClaims", () => {
  const rationale = "One says the talks were approved, the other that they were not.";

  it("links two claims, with the passages that justify the link, and one audit row", async () => {
    const [from, to] = [await makeClaim(editor), await makeClaim(editor)];
    const quote = "talks with the neighbouring government had his full approval";
    const passage = await addPassage(editor, { claimId: from.id, articleRevisionId: article.revisionId, ...locate(quote), exact: quote });
    let id = "";
    const written = await rowsWrittenBy(async () => {
      ({ id } = await relateClaims(editor, { type: "contradicts", fromClaimId: from.id, toClaimId: to.id, rationale, passageIds: [passage.id] }));
    });
    expect(written).toEqual({ claim_relations: 1, relation_passages: 1, audit_events: 1 });
    expect(await db.claimRelation.findUniqueOrThrow({ where: { id }, include: { passages: true } })).toMatchObject({
      type: "contradicts",
      fromClaimId: from.id,
      toClaimId: to.id,
      rationale,
      passages: [{ passageId: passage.id }],
    });
  });

  it("refuses to link a claim to itself", async () => {
    const claim = await makeClaim(editor);
    const error = await expectRefusedWithoutWrites(
      () => relateClaims(editor, { type: "supports", fromClaimId: claim.id, toClaimId: claim.id, rationale }),
      "invalid",
    );
    expect(error.message).toBe("A claim cannot be linked to itself.");
  });

  it("refuses a duplicate relation with a conflict", async () => {
    const [a, b] = [await makeClaim(editor), await makeClaim(editor)];
    await relateClaims(editor, { type: "supports", fromClaimId: a.id, toClaimId: b.id, rationale });
    const error = await expectRefusedWithoutWrites(
      () => relateClaims(editor, { type: "supports", fromClaimId: a.id, toClaimId: b.id, rationale: "Said again." }),
      "conflict",
    );
    expect(error.message).toBe("These claims are already linked as supporting.");
  });

  it("refuses the mirror of contradicts (it is the same relation), but allows the mirror of supports", async () => {
    const [a, b] = [await makeClaim(editor), await makeClaim(editor)];
    await relateClaims(editor, { type: "contradicts", fromClaimId: a.id, toClaimId: b.id, rationale });
    const error = await expectRefusedWithoutWrites(
      () => relateClaims(editor, { type: "contradicts", fromClaimId: b.id, toClaimId: a.id, rationale }),
      "conflict",
    );
    expect(error.message).toBe("These claims are already linked as contradicting.");

    await relateClaims(editor, { type: "supports", fromClaimId: a.id, toClaimId: b.id, rationale });
    await relateClaims(editor, { type: "supports", fromClaimId: b.id, toClaimId: a.id, rationale });
    expect(await db.claimRelation.count({ where: { type: "supports", fromClaimId: { in: [a.id, b.id] } } })).toBe(2);
  });

  it("refuses the mirror of same_claim", async () => {
    const [a, b] = [await makeClaim(editor), await makeClaim(editor, { language: "fr" })];
    await relateClaims(editor, { type: "same_claim", fromClaimId: a.id, toClaimId: b.id, rationale: "The same claim in French." });
    await expectRefusedWithoutWrites(
      () => relateClaims(editor, { type: "same_claim", fromClaimId: b.id, toClaimId: a.id, rationale: "The same claim in English." }),
      "conflict",
    );
  });

  it("refuses justifying passages that belong to another claim", async () => {
    const [a, b, stranger] = [await makeClaim(editor), await makeClaim(editor), await makeClaim(editor)];
    const quote = "Officials in both capitals";
    const strangersPassage = await addPassage(editor, { claimId: stranger.id, articleRevisionId: article.revisionId, ...locate(quote), exact: quote });
    const error = await expectRefusedWithoutWrites(
      () => relateClaims(editor, { type: "supports", fromClaimId: a.id, toClaimId: b.id, rationale, passageIds: [strangersPassage.id] }),
      "invalid",
    );
    expect(error.message).toBe("Every justifying passage must belong to one of the two claims.");
  });

  it("refuses a link to a claim that does not exist", async () => {
    const claim = await makeClaim(editor);
    await expectRefusedWithoutWrites(
      () => relateClaims(editor, { type: "supports", fromClaimId: claim.id, toClaimId: "00000000-0000-4000-8000-000000000000", rationale }),
      "not_found",
    );
  });
});
