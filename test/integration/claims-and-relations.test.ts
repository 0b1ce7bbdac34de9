// Claim pages and the claim graph against a real PostgreSQL: the claim detail (passages of current
// revisions only), editing a claim with an optimistic version, removing a link, suggestions of
// related claims, the graph and its filters, and consistency warnings. The database is shared with
// the other integration files, so every test works on claims and claimants of its own.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import type { Rating } from "@/lib/generated/prisma/enums";
import { addPassage } from "@/lib/claims/add-passage";
import { getClaimDetail, getClaimPassages } from "@/lib/claims/get-claim-detail";
import { updateClaim } from "@/lib/claims/update-claim";
import { reviseArticle } from "@/lib/articles/revise-article";
import { relateClaims } from "@/lib/relations/relate-claims";
import { removeRelation } from "@/lib/relations/remove-relation";
import { suggestRelatedClaims } from "@/lib/relations/suggest-related-claims";
import { getClaimGraph } from "@/lib/relations/get-claim-graph";
import { listClaimFilterOptions } from "@/lib/claims/list-claim-filter-options";
import { findConsistencyWarnings } from "@/lib/relations/find-consistency-warnings";
import { searchClaims } from "@/lib/search/search-claims";
import { saveVerdictDraft } from "@/lib/verdicts/save-verdict-draft";
import { submitVerdict } from "@/lib/verdicts/submit-verdict";
import {
  expectDomainError,
  expectRefusedWithoutWrites,
  importSmallArticle,
  makeClaim,
  makeUser,
  rowsWrittenBy,
  unique,
  verdictContent,
} from "./support";
import { matchReasonsIn } from "@/test/support/reason-words";

/** The rationale the page fills in, in English. */
const inEnglish = matchReasonsIn("en");

const db = getDb();

let editor: Actor;
let admin: Actor;

beforeAll(async () => {
  editor = await makeUser("editor");
  admin = await makeUser("admin");
});

afterAll(async () => {
  await db.$disconnect();
});

/** Offsets of the only occurrence of quote in text. */
function locate(text: string, quote: string): { start: number; end: number } {
  const start = text.indexOf(quote);
  if (start < 0 || text.indexOf(quote, start + 1) >= 0) throw new Error(`"${quote}" must appear exactly once`);
  return { start, end: start + quote.length };
}

async function anchor(claimId: string, article: { revisionId: string; text: string }, quote: string) {
  return addPassage(editor, { claimId, articleRevisionId: article.revisionId, exact: quote, ...locate(article.text, quote) });
}

/** Submits a verdict with this rating: its current revision (in review) carries the rating. */
async function rate(claimId: string, rating: Rating) {
  const draft = await saveVerdictDraft(editor, { claimId, expectedVersion: null, ...verdictContent(), rating });
  await submitVerdict(editor, { verdictId: draft.verdictId, expectedVersion: draft.version });
  return draft.verdictId;
}

async function lastAudit(entityId: string) {
  return db.auditEvent.findFirstOrThrow({ where: { entityId }, orderBy: { id: "desc" } });
}

describe("getClaimDetail", () => {
  it("shows the passages on each article's current revision; earlier revisions keep theirs", async () => {
    const article = await importSmallArticle(editor);
    const claim = await makeClaim(editor);
    await anchor(claim.id, article, "Opposition leaders disputed that account");

    const before = await getClaimDetail(editor, claim.id);
    expect(before?.passages).toHaveLength(1);
    expect(before?.passages[0]).toMatchObject({ exact: "Opposition leaders disputed that account", article: { id: article.articleId, revisionNumber: 1 } });
    expect(before?.passages[0]?.prefix.length).toBeGreaterThan(0);
    expect(before?.passages[0]?.suffix.length).toBeGreaterThan(0);

    const title = article.text.split("\n")[0]!;
    const revised = `${title}\n\nA new first paragraph, added by the outlet (${unique()}).\n\n${article.text.slice(title.length).trim()}\n`;
    await reviseArticle(editor, { articleId: article.articleId, expectedRevisionNumber: 1, bytes: new TextEncoder().encode(revised), mediaType: "text/plain" });

    const after = await getClaimDetail(editor, claim.id);
    expect(after?.passages).toHaveLength(1);
    expect(after?.passages[0]).toMatchObject({ exact: "Opposition leaders disputed that account", article: { revisionNumber: 2 } });
    expect(after?.passages[0]?.id).not.toBe(before?.passages[0]?.id);
    expect(after?.earlierRevisionPassageCount).toBe(1);
    // The passages offered to justify a link are the current ones too.
    expect((await getClaimPassages(editor, { claimId: claim.id })).map((passage) => passage.id)).toEqual([after?.passages[0]?.id]);
  });

  it("lists relations in both directions with their wording side, rationale and justifying passages", async () => {
    const article = await importSmallArticle(editor);
    const maduro = await makeClaim(editor);
    const bolton = await makeClaim(editor);
    const trump = await makeClaim(editor);
    const passage = await anchor(maduro.id, article, "Officials in both capitals declined");
    await relateClaims(editor, { type: "contradicts", fromClaimId: maduro.id, toClaimId: bolton.id, rationale: "They disagree.", passageIds: [passage.id] });
    await relateClaims(editor, { type: "supports", fromClaimId: trump.id, toClaimId: maduro.id, rationale: "Trump confirms the contacts." });
    await rate(bolton.id, "mostly_false");

    const detail = await getClaimDetail(editor, maduro.id);
    expect(detail?.relations.map((relation) => [relation.type, relation.direction, relation.other.id])).toEqual([
      ["contradicts", "outgoing", bolton.id],
      ["supports", "incoming", trump.id],
    ]);
    expect(detail?.relations[0]).toMatchObject({
      rationale: "They disagree.",
      other: { rating: "mostly_false", verdictStatus: "in_review" },
      passages: [{ id: passage.id, claimId: maduro.id, articleId: article.articleId, isCurrentRevision: true }],
    });
    const fromTrump = await getClaimDetail(editor, trump.id);
    expect(fromTrump?.relations.map((relation) => [relation.type, relation.direction])).toEqual([["supports", "outgoing"]]);
  });

  it("summarises the verdict and says what the reader may do; unknown ids read as null", async () => {
    const claim = await makeClaim(editor);
    await rate(claim.id, "mixed");
    const detail = await getClaimDetail(admin, claim.id);
    expect(detail?.verdict).toMatchObject({ status: "in_review", current: { number: 1, rating: "mixed" }, publication: null });
    expect(detail?.verdict?.history).toHaveLength(1);
    expect(detail?.permissions).toEqual({ canEdit: false, canRelate: false, canDraftVerdict: false, workingVersionOnly: true });
    expect((await getClaimDetail(editor, claim.id))?.permissions).toMatchObject({ canEdit: true, canRelate: true, canDraftVerdict: true });

    expect(await getClaimDetail(editor, "00000000-0000-4000-8000-000000000000")).toBeNull();
    expect(await getClaimDetail(editor, "not-a-uuid")).toBeNull();
  });
});

describe("updateClaim", () => {
  const edit = (claimId: string, version: number, overrides: Record<string, unknown> = {}) =>
    updateClaim(editor, {
      claimId,
      expectedVersion: version,
      statement: "The talks had the minister's full approval",
      claimant: "A test minister",
      language: "en",
      tags: "test, edited",
      ...overrides,
    });

  it("saves the change, bumps the version and writes one audit row with the changed fields", async () => {
    const claim = await makeClaim(editor);
    const statement = `The talks had the minister's full approval ${unique()}`;
    let result: Awaited<ReturnType<typeof updateClaim>> | undefined;
    const written = await rowsWrittenBy(async () => {
      result = await edit(claim.id, 1, { statement, claimantSameAs: "https://www.wikidata.org/wiki/Q1", claimedAt: "2019-05-22" });
    });
    expect(written).toEqual({ audit_events: 1 });
    expect(result).toEqual({ id: claim.id, version: 2, changed: true });
    const saved = await db.claim.findUniqueOrThrow({ where: { id: claim.id } });
    expect(saved).toMatchObject({ statement, version: 2, tags: ["test", "edited"], claimantSameAs: "https://www.wikidata.org/wiki/Q1" });
    expect(saved.claimedAt?.toISOString().slice(0, 10)).toBe("2019-05-22");

    const audit = await lastAudit(claim.id);
    expect(audit).toMatchObject({ action: "claim.updated", entityType: "claim", actorId: editor.id });
    expect(audit.before).toEqual({ version: 1, statement: claim.statement, claimantSameAs: null, claimedAt: null, tags: ["test"] });
    expect(audit.after).toEqual({ version: 2, statement, claimantSameAs: "https://www.wikidata.org/wiki/Q1", claimedAt: "2019-05-22", tags: ["test", "edited"] });

    // The search index follows the new wording.
    const found = await searchClaims(editor, { q: statement.split(" ").at(-1)! });
    expect(found.items.map((item) => item.id)).toContain(claim.id);
  });

  it("refuses a stale version with a conflict carrying the saved values, and writes nothing", async () => {
    const claim = await makeClaim(editor);
    await edit(claim.id, 1, { statement: `First editor's wording ${unique()}` });
    const error = await expectRefusedWithoutWrites(() => edit(claim.id, 1, { statement: `Second editor's wording ${unique()}` }), "conflict");
    expect(error.message).toContain("Someone else saved this claim");
    expect(error.details).toMatchObject({ theirs: { version: 2, claimant: "A test minister" } });
  });

  it("saves nothing when nothing changed", async () => {
    const claim = await makeClaim(editor, { tags: ["test"] });
    let result: Awaited<ReturnType<typeof updateClaim>> | undefined;
    const written = await rowsWrittenBy(async () => {
      result = await updateClaim(editor, { claimId: claim.id, expectedVersion: 1, statement: claim.statement, claimant: "A test minister", language: "en", tags: ["test"] });
    });
    expect(written).toEqual({});
    expect(result).toEqual({ id: claim.id, version: 1, changed: false });
  });

  it("rewords a claim in review as a working version: the revision in review keeps the wording it was submitted with", async () => {
    const claim = await makeClaim(editor);
    const verdictId = await rate(claim.id, "true");
    const reworded = `A new wording ${unique()}`;
    expect(await edit(claim.id, 1, { statement: reworded })).toMatchObject({ version: 2, changed: true });
    const verdict = await db.verdict.findUniqueOrThrow({ where: { id: verdictId }, include: { currentRevision: { include: { snapshot: true } } } });
    expect(verdict.currentRevision?.snapshot?.content).toMatchObject({ claim: { statement: claim.statement } });
  });

  it("refuses bad input and people without claims.write, without writes", async () => {
    const claim = await makeClaim(editor);
    await expectRefusedWithoutWrites(() => edit(claim.id, 1, { statement: "x" }), "invalid");
    await expectRefusedWithoutWrites(() => edit(claim.id, 1, { claimantSameAs: "javascript:alert(1)" }), "invalid");
    await expectRefusedWithoutWrites(() => edit(claim.id, 1, { claimedAt: "22/05/2019" }), "invalid");
    await expectRefusedWithoutWrites(
      () => updateClaim(admin, { claimId: claim.id, expectedVersion: 1, statement: "Admins do not edit claims", claimant: "x", language: "en" }),
      "forbidden",
    );
    await expectRefusedWithoutWrites(() => edit("00000000-0000-4000-8000-000000000000", 1), "not_found");
  });
});

describe("removeRelation", () => {
  it("removes the link and its justifying passages, with an audit row that keeps what it said", async () => {
    const article = await importSmallArticle(editor);
    const a = await makeClaim(editor);
    const b = await makeClaim(editor);
    const passage = await anchor(a.id, article, "Opposition leaders disputed that account");
    const { id } = await relateClaims(editor, { type: "contradicts", fromClaimId: a.id, toClaimId: b.id, rationale: "They disagree.", passageIds: [passage.id] });

    const written = await rowsWrittenBy(() => removeRelation(editor, { relationId: id }));
    expect(written).toEqual({ claim_relations: -1, relation_passages: -1, audit_events: 1 });
    const audit = await lastAudit(id);
    expect(audit).toMatchObject({ action: "relation.removed", entityType: "claim_relation", actorId: editor.id, after: null });
    expect(audit.before).toMatchObject({ type: "contradicts", fromClaimId: a.id, toClaimId: b.id, rationale: "They disagree.", passageIds: [passage.id] });
    expect((await getClaimDetail(editor, a.id))?.relations).toEqual([]);

    // Removing it again finds nothing; the claims can be linked again.
    await expectRefusedWithoutWrites(() => removeRelation(editor, { relationId: id }), "not_found");
    await relateClaims(editor, { type: "contradicts", fromClaimId: b.id, toClaimId: a.id, rationale: "Linked again." });
  });

  it("needs relations.write", async () => {
    const a = await makeClaim(editor);
    const b = await makeClaim(editor);
    const { id } = await relateClaims(editor, { type: "supports", fromClaimId: a.id, toClaimId: b.id, rationale: "Because." });
    await expectRefusedWithoutWrites(() => removeRelation(admin, { relationId: id }), "forbidden");
    await expectRefusedWithoutWrites(() => removeRelation(editor, { relationId: "nope" }), "invalid");
    expect(await db.claimRelation.count({ where: { id } })).toBe(1);
  });
});

describe("suggestRelatedClaims", () => {
  /** A made-up name of letters only (figures would be read as numbers), so claims of earlier runs in the same database do not compete. */
  const uniquePlace = () => `Vel${unique().replace(/\d/g, (digit) => "ghijklmnop"[Number(digit)]!)}`;

  it("finds the French wording of an English claim by its numbers, dates and claimant, and says why", async () => {
    const claimant = `Minister Aurel ${uniquePlace()}`;
    const place = uniquePlace();
    const english = await makeClaim(editor, {
      statement: `Unemployment in ${place} fell to 7.1% last quarter, its lowest level in fifteen years.`,
      claimant,
      language: "en",
    });
    const french = await makeClaim(editor, {
      statement: `À ${place}, le chômage est descendu à 7,1 % au dernier trimestre, du jamais vu depuis quinze ans.`,
      claimant,
      language: "fr",
    });
    // Same claimant, same figure, another meaning: related at most, never the same claim.
    const otherMeaning = await makeClaim(editor, {
      statement: `La croissance de ${uniquePlace()} a atteint 7,1 % au dernier trimestre.`,
      claimant,
      language: "fr",
    });
    const suggestions = await suggestRelatedClaims(editor, { claimId: english.id, limit: 30 });
    expect(suggestions[0]?.claim.id).toBe(french.id);
    expect(suggestions[0]).toMatchObject({ match: "likely_same", claim: { language: "fr" } });
    const kinds = suggestions[0]!.reasons.map((reason) => reason.kind);
    expect(kinds).toEqual(expect.arrayContaining(["statement", "numbers", "dates", "claimant"]));
    expect(suggestions[0]!.reasons).toContainEqual(expect.objectContaining({ kind: "numbers", status: "agree", shared: expect.arrayContaining(["7.1%"]) }));
    expect(inEnglish.rationale(suggestions[0]!.match, suggestions[0]!.reasons)).toMatch(/^Likely the same claim: .*same numbers: 7\.1%/);
    // Related or left out (a database shared with earlier runs holds closer claims), never the same claim.
    expect(suggestions.find((suggestion) => suggestion.claim.id === otherMeaning.id)?.match ?? "left out").not.toBe("likely_same");
    // Both ways.
    const back = await suggestRelatedClaims(editor, { claimId: french.id, limit: 30 });
    expect(back.find((suggestion) => suggestion.claim.id === english.id)?.match).toBe("likely_same");
  });

  it("offers a claim and its negation, in either language, as a contradiction and never as the same claim", async () => {
    const claimant = `President Ostrava ${uniquePlace()}`;
    const place = uniquePlace();
    const claim = await makeClaim(editor, { statement: `The operation in ${place} took place with my express authorization.`, claimant, language: "en" });
    const negatedFrench = await makeClaim(editor, { statement: `L'opération de ${place} n'a pas eu lieu avec mon autorisation expresse.`, claimant, language: "fr" });
    const negatedEnglish = await makeClaim(editor, { statement: `The operation in ${place} took place without my express authorization.`, claimant, language: "en" });
    const twin = await makeClaim(editor, { statement: `Cette opération à ${place} a été menée avec mon autorisation expresse, a-t-il assuré.`, claimant, language: "fr" });
    const suggestions = await suggestRelatedClaims(editor, { claimId: claim.id, limit: 30 });
    const byId = new Map(suggestions.map((suggestion) => [suggestion.claim.id, suggestion]));
    const rank = (id: string) => suggestions.findIndex((suggestion) => suggestion.claim.id === id);
    expect(rank(twin.id)).toBeGreaterThanOrEqual(0);
    expect(rank(twin.id)).toBeLessThan(rank(negatedFrench.id));
    expect(rank(twin.id)).toBeLessThan(rank(negatedEnglish.id));
    expect(byId.get(twin.id)?.match).toBe("likely_same");
    expect(byId.get(negatedFrench.id)?.match).toBe("contradicts");
    expect(byId.get(negatedFrench.id)?.reasons).toContainEqual(expect.objectContaining({ kind: "polarity", negatedIn: "other", cues: ["ne … pas"] }));
    expect(inEnglish.rationale("contradicts", byId.get(negatedFrench.id)!.reasons)).toMatch(/^May contradict this claim: .*negated in the other claim \(“ne … pas”\)/);
    expect(byId.get(negatedEnglish.id)?.match).toBe("contradicts");
    // From the negated claim, the affirmative one is the contradiction.
    const fromNegation = await suggestRelatedClaims(editor, { claimId: negatedEnglish.id, limit: 30 });
    expect(fromNegation.find((suggestion) => suggestion.claim.id === claim.id)?.match).toBe("contradicts");
    expect(fromNegation.find((suggestion) => suggestion.claim.id === negatedFrench.id)?.match).toBe("likely_same");
  });

  it("offers opposite words as a contradiction, and the claim at another date or another time never as the same claim", async () => {
    const claimant = `Senator Mirela ${uniquePlace()}`;
    const place = uniquePlace();
    const claim = await makeClaim(editor, { statement: `The Senate of ${place} approved the pension bill in March 2024.`, claimant, language: "en" });
    const twin = await makeClaim(editor, { statement: `En mars 2024, le Sénat de ${place} a adopté le projet de loi sur les retraites.`, claimant, language: "fr" });
    const opposite = await makeClaim(editor, { statement: `En mars 2024, le Sénat de ${place} a rejeté le projet de loi sur les retraites.`, claimant, language: "fr" });
    const otherMonth = await makeClaim(editor, { statement: `En octobre 2024, le Sénat de ${place} a adopté le projet de loi sur les retraites.`, claimant, language: "fr" });
    const future = await makeClaim(editor, { statement: `The Senate of ${place} will approve the pension bill.`, claimant, language: "en" });
    const suggestions = await suggestRelatedClaims(editor, { claimId: claim.id, limit: 30 });
    const byId = new Map(suggestions.map((suggestion) => [suggestion.claim.id, suggestion]));
    expect(byId.get(twin.id)?.match).toBe("likely_same");
    expect(byId.get(opposite.id)?.match).toBe("contradicts");
    expect(byId.get(opposite.id)?.reasons).toContainEqual(expect.objectContaining({ kind: "opposite", pair: "approve-reject", thisWords: "approved", otherWords: "rejeté" }));
    expect(inEnglish.rationale("contradicts", byId.get(opposite.id)!.reasons)).toContain("opposite words: “approved” here, “rejeté” in the other claim");
    expect(byId.get(otherMonth.id)?.match ?? "left out").not.toBe("likely_same");
    expect(byId.get(otherMonth.id)?.reasons).toContainEqual(expect.objectContaining({ kind: "dates", status: "differ" }));
    expect(byId.get(future.id)?.match ?? "left out").not.toBe("likely_same");
    // From the French side, the same.
    const back = await suggestRelatedClaims(editor, { claimId: opposite.id, limit: 30 });
    expect(back.find((suggestion) => suggestion.claim.id === claim.id)?.match).toBe("contradicts");
    expect(back.find((suggestion) => suggestion.claim.id === twin.id)?.match).toBe("contradicts");
  });

  it("sees a claim edited after the first suggestions were made", async () => {
    const claimant = `Mayor Vesna ${uniquePlace()}`;
    const place = uniquePlace();
    const claim = await makeClaim(editor, { statement: `The city of ${place} planted 40,000 trees in 2024.`, claimant, language: "en" });
    const other = await makeClaim(editor, { statement: `La ville de ${place} a construit 12 écoles en 2020.`, claimant, language: "fr" });
    expect((await suggestRelatedClaims(editor, { claimId: claim.id, limit: 30 })).find((s) => s.claim.id === other.id)?.match).toBe("related");
    await updateClaim(editor, { claimId: other.id, expectedVersion: 1, statement: `En 2024, la ville de ${place} a planté 40 000 arbres.`, claimant, language: "fr" });
    expect((await suggestRelatedClaims(editor, { claimId: claim.id, limit: 30 })).find((s) => s.claim.id === other.id)?.match).toBe("likely_same");
  });

  it("suggests other claims of the same claimant and claims anchored on overlapping passages", async () => {
    const claimant = `Ms Overlap ${unique()}`;
    const article = await importSmallArticle(editor);
    const target = await makeClaim(editor, { statement: "Zebra crossings were repainted across the capital", claimant });
    const sameClaimant = await makeClaim(editor, { statement: "Harvests doubled in the northern valleys", claimant: claimant.toUpperCase() });
    const overlapping = await makeClaim(editor, { statement: "Opponents contested the official version", claimant: `Someone else ${unique()}` });
    const elsewhere = await makeClaim(editor, { statement: "Opponents contested the official version elsewhere", claimant: `A third ${unique()}` });
    await anchor(target.id, article, "Opposition leaders disputed that account and said the talks");
    await anchor(overlapping.id, article, "that account and said the talks were only about a transition");
    await anchor(elsewhere.id, article, "Officials in both capitals declined");

    const suggestions = await suggestRelatedClaims(editor, { claimId: target.id, limit: 30 });
    const byId = new Map(suggestions.map((suggestion) => [suggestion.claim.id, suggestion]));
    expect(byId.get(sameClaimant.id)?.reasons.map((reason) => reason.kind)).toEqual(["statement", "claimant"]);
    expect(byId.get(sameClaimant.id)?.match).toBe("related");
    const title = article.text.split("\n")[0];
    expect(byId.get(overlapping.id)?.reasons).toContainEqual(expect.objectContaining({ kind: "passage_overlap", articleTitles: [title] }));
    expect(inEnglish.rationale(byId.get(overlapping.id)!.match, byId.get(overlapping.id)!.reasons)).toContain(`passages overlap in “${title}”`);
    // Same article, no overlap, different words: nothing to suggest.
    expect(byId.has(elsewhere.id)).toBe(false);
  });

  it("never suggests the claim itself nor a claim already linked to it", async () => {
    const claimant = `Mr Linked ${uniquePlace()}`;
    // The same words four times (makeClaim's default adds random figures, which the matcher reads).
    const statement = `The talks in ${uniquePlace()} had the minister's approval`;
    const target = await makeClaim(editor, { claimant, statement });
    const linkedFrom = await makeClaim(editor, { claimant, statement });
    const linkedTo = await makeClaim(editor, { claimant, statement });
    const free = await makeClaim(editor, { claimant, statement });
    await relateClaims(editor, { type: "same_claim", fromClaimId: target.id, toClaimId: linkedFrom.id, rationale: "Same." });
    await relateClaims(editor, { type: "supports", fromClaimId: linkedTo.id, toClaimId: target.id, rationale: "Supports." });
    const ids = (await suggestRelatedClaims(editor, { claimId: target.id, limit: 30 })).map((suggestion) => suggestion.claim.id);
    expect(ids).toContain(free.id);
    expect(ids).not.toContain(target.id);
    expect(ids).not.toContain(linkedFrom.id);
    expect(ids).not.toContain(linkedTo.id);
  });

  it("is readable by anyone with claims.read and refuses unknown claims", async () => {
    const claim = await makeClaim(editor);
    await expect(suggestRelatedClaims(admin, { claimId: claim.id })).resolves.toBeInstanceOf(Array);
    await expectDomainError(suggestRelatedClaims(editor, { claimId: "00000000-0000-4000-8000-000000000000" }), "not_found");
  });
});

describe("getClaimGraph", () => {
  it("filters by claimant, adds the claims linked to them as context, and draws typed edges", async () => {
    const claimant = `Graph claimant ${unique()}`;
    const a = await makeClaim(editor, { claimant });
    const b = await makeClaim(editor, { claimant });
    const outside = await makeClaim(editor, { claimant: `Outsider ${unique()}` });
    const unrelated = await makeClaim(editor, { claimant: `Unrelated ${unique()}` });
    const contradiction = await relateClaims(editor, { type: "contradicts", fromClaimId: a.id, toClaimId: b.id, rationale: "No." });
    const support = await relateClaims(editor, { type: "supports", fromClaimId: outside.id, toClaimId: a.id, rationale: "Yes." });

    const graph = await getClaimGraph(editor, { claimant: claimant.toLowerCase() });
    expect(graph.nodes.map((node) => [node.id, node.context]).sort()).toEqual(
      [
        [a.id, false],
        [b.id, false],
        [outside.id, true],
      ].sort(),
    );
    expect(graph.nodes.map((node) => node.id)).not.toContain(unrelated.id);
    expect(graph.edges.map((edge) => [edge.id, edge.type, edge.source, edge.target]).sort()).toEqual(
      [
        [contradiction.id, "contradicts", a.id, b.id],
        [support.id, "supports", outside.id, a.id],
      ].sort(),
    );
    expect(graph.truncated).toBe(false);

    const limited = await getClaimGraph(editor, { claimant, limit: 1 });
    expect(limited.nodes).toHaveLength(1);
    expect(limited.truncated).toBe(true);
  });

  it("filters by article (claims with a passage in it) and marks links whose ratings disagree", async () => {
    const article = await importSmallArticle(editor);
    const inArticle = await makeClaim(editor);
    const alsoInArticle = await makeClaim(editor);
    const linkedOutside = await makeClaim(editor);
    await anchor(inArticle.id, article, "Opposition leaders disputed that account");
    await anchor(alsoInArticle.id, article, "Officials in both capitals declined");
    const link = await relateClaims(editor, { type: "contradicts", fromClaimId: inArticle.id, toClaimId: linkedOutside.id, rationale: "They disagree." });
    await rate(inArticle.id, "true");
    await rate(linkedOutside.id, "mostly_true");

    const graph = await getClaimGraph(editor, { articleId: article.articleId });
    expect(new Map(graph.nodes.map((node) => [node.id, node.context]))).toEqual(
      new Map([
        [inArticle.id, false],
        [alsoInArticle.id, false],
        [linkedOutside.id, true],
      ]),
    );
    expect(graph.nodes.find((node) => node.id === inArticle.id)).toMatchObject({ rating: "true", verdictStatus: "in_review" });
    expect(graph.edges).toHaveLength(1);
    expect(graph.edges[0]).toMatchObject({ id: link.id, type: "contradicts" });
    expect(graph.edges[0]?.warning).toContain("contradict each other, yet both are rated true");

    const options = await listClaimFilterOptions(editor);
    expect(options.articles.map((entry) => entry.id)).toContain(article.articleId);
    expect(options.claimants).toContain("A test minister");
  });

  it("refuses bad filters and anonymous callers", async () => {
    await expectDomainError(getClaimGraph(editor, { articleId: "not-a-uuid" }), "invalid");
    await expectDomainError(getClaimGraph(null as unknown as Actor, {}), "unauthenticated");
  });
});

describe("listClaimFilterOptions", () => {
  it("offers each claimant once whatever the case, follows a renamed claimant, and lists every language", async () => {
    const name = `Aaron Filteroption ${unique()}`;
    const first = await makeClaim(editor, { claimant: name.toUpperCase(), language: "de" });
    await makeClaim(editor, { claimant: name, language: "fr" });
    const named = (options: { claimants: string[] }, wanted: string) =>
      options.claimants.filter((claimant) => claimant.toLowerCase() === wanted.toLowerCase());
    const options = await listClaimFilterOptions(editor);
    expect(named(options, name)).toEqual([name.toUpperCase()]);
    expect(new Set(options.claimants.map((claimant) => claimant.toLowerCase())).size).toBe(options.claimants.length);
    expect(options.languages).toEqual(expect.arrayContaining(["de", "en", "fr"]));
    expect(options.languages).toEqual([...new Set(options.languages)].sort());

    // Renaming the only claim of a claimant drops the old name; a name another claim still has stays.
    const solo = `Aaron Solo ${unique()}`;
    const { id } = await makeClaim(editor, { claimant: solo });
    const renamed = `Aaron Renamed ${unique()}`;
    await updateClaim(editor, { claimId: id, expectedVersion: 1, statement: "The renamed claimant said so", claimant: renamed, language: "en" });
    await updateClaim(editor, { claimId: first.id, expectedVersion: 1, statement: "The first claim, reworded", claimant: renamed, language: "de" });
    const after = await listClaimFilterOptions(editor);
    expect(named(after, solo)).toEqual([]);
    expect(named(after, renamed)).toEqual([renamed]);
    expect(named(after, name)).toEqual([name.toUpperCase()]);
  });
});

describe("findConsistencyWarnings", () => {
  it("warns on contradicting claims both rated true, a true claim supported by a false one, and diverging same claims", async () => {
    const a = await makeClaim(editor);
    const b = await makeClaim(editor);
    const c = await makeClaim(editor);
    const d = await makeClaim(editor);
    const draftOnly = await makeClaim(editor);
    const contradiction = await relateClaims(editor, { type: "contradicts", fromClaimId: a.id, toClaimId: b.id, rationale: "Opposite." });
    const support = await relateClaims(editor, { type: "supports", fromClaimId: c.id, toClaimId: a.id, rationale: "Backs it." });
    const same = await relateClaims(editor, { type: "same_claim", fromClaimId: a.id, toClaimId: d.id, rationale: "Translation." });
    await relateClaims(editor, { type: "contradicts", fromClaimId: draftOnly.id, toClaimId: a.id, rationale: "Opposite too." });
    const verdictA = await rate(a.id, "true");
    await rate(b.id, "mostly_true");
    await rate(c.id, "false");
    await rate(d.id, "mixed");
    // A rating saved as a draft and never submitted does not count.
    await saveVerdictDraft(editor, { claimId: draftOnly.id, expectedVersion: null, ...verdictContent(), rating: "true" });

    const forA = await findConsistencyWarnings(editor, { claimId: a.id });
    expect(forA.map((warning) => [warning.relationId, warning.kind])).toEqual([
      [contradiction.id, "contradicting_claims_both_true"],
      [support.id, "true_claim_supported_by_false_claim"],
      [same.id, "same_claim_diverging_ratings"],
    ]);
    expect(forA[1]?.claims.map((claim) => [claim.id, claim.rating])).toEqual([
      [c.id, "false"],
      [a.id, "true"],
    ]);
    expect(forA[2]?.message).toContain("rated True");
    expect(forA[2]?.message).toContain("rated Mixed");

    expect((await findConsistencyWarnings(editor, { verdictId: verdictA })).map((warning) => warning.relationId)).toEqual(forA.map((warning) => warning.relationId));
    expect((await findConsistencyWarnings(editor, { claimId: b.id })).map((warning) => warning.relationId)).toEqual([contradiction.id]);
    expect(await findConsistencyWarnings(editor, { claimId: draftOnly.id })).toEqual([]);
    const everything = (await findConsistencyWarnings(admin)).map((warning) => warning.relationId);
    expect(everything).toEqual(expect.arrayContaining([contradiction.id, support.id, same.id]));
  });

  it("says nothing when ratings agree with the links", async () => {
    const a = await makeClaim(editor);
    const b = await makeClaim(editor);
    const c = await makeClaim(editor);
    await relateClaims(editor, { type: "contradicts", fromClaimId: a.id, toClaimId: b.id, rationale: "Opposite." });
    await relateClaims(editor, { type: "supports", fromClaimId: c.id, toClaimId: a.id, rationale: "Backs it." });
    await rate(a.id, "true");
    await rate(b.id, "false");
    await rate(c.id, "mostly_true");
    expect(await findConsistencyWarnings(editor, { claimId: a.id })).toEqual([]);
  });
});
