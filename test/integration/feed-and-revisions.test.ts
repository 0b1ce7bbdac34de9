// The read use cases of the verdict workflow and of the public pages, against PostgreSQL: the
// editor's view, the review queue, one revision under review with its word diff, the revisions
// readers saw, and the feed. Readers only ever get what was published.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { saveVerdictDraft } from "@/lib/verdicts/save-verdict-draft";
import { submitVerdict } from "@/lib/verdicts/submit-verdict";
import { reviewVerdict } from "@/lib/verdicts/review-verdict";
import { publishVerdict } from "@/lib/publishing/publish-verdict";
import { getVerdictForEditing } from "@/lib/verdicts/get-verdict-for-editing";
import { listReviewQueue, type ReviewQueueItem } from "@/lib/verdicts/list-review-queue";
import { getReviewItem } from "@/lib/verdicts/get-review-item";
import { diffRevisions, diffText } from "@/lib/verdicts/diff-revisions";
import { getPublishedRevision } from "@/lib/publishing/get-published-revision";
import { getPublishedFactCheck } from "@/lib/publishing/get-published-fact-check";
import { listFeedEntries } from "@/lib/publishing/list-feed-entries";
import {
  listPublishedFactChecks,
  listPublishedFactChecksCached,
  listPublishedPages,
  publicationsGeneration,
} from "@/lib/publishing/list-published-fact-checks";
import { listFeedEntriesCached } from "@/lib/publishing/list-feed-entries";
import { makeSlug } from "@/lib/publishing/make-slug";
import { expectDomainError, makeClaim, makeUser, verdictContent } from "@/test/integration/support";

const db = getDb();

let editor: Actor;
let reviewer: Actor;
let secondReviewer: Actor;
let admin: Actor;

beforeAll(async () => {
  editor = await makeUser("editor");
  reviewer = await makeUser("reviewer");
  secondReviewer = await makeUser("reviewer");
  admin = await makeUser("admin");
});

afterAll(async () => {
  await db.$disconnect();
});

const versionOf = async (verdictId: string) => (await db.verdict.findUniqueOrThrow({ where: { id: verdictId } })).version;

/**
 * One verdict through the whole workflow: revision 1 sent back, revision 2 approved and published,
 * revision 3 published as a correction, revision 4 approved but not published.
 */
async function correctedVerdict() {
  const claim = await makeClaim(editor);
  const draft = await saveVerdictDraft(editor, { claimId: claim.id, expectedVersion: null, ...verdictContent("one") });
  const verdictId = draft.verdictId;
  const r1 = await submitVerdict(editor, { verdictId, expectedVersion: draft.version });
  await reviewVerdict(reviewer, { verdictId, revisionId: r1.revisionId, decision: "request_changes", comment: "Name the second source." });
  const second = { ...verdictContent("two"), explanation: "The office confirmed the talks. A second source, the agency, confirmed them too." };
  const edited = await saveVerdictDraft(editor, { claimId: claim.id, expectedVersion: await versionOf(verdictId), ...second });
  const r2 = await submitVerdict(editor, { verdictId, expectedVersion: edited.version });
  await reviewVerdict(reviewer, { verdictId, revisionId: r2.revisionId, decision: "approve", comment: "Good." });
  const published = await publishVerdict(secondReviewer, { verdictId, revisionId: r2.revisionId });
  const third = { ...second, rating: "mostly_false" as const, headline: "Mostly false after all" };
  const reopened = await saveVerdictDraft(editor, { claimId: claim.id, expectedVersion: await versionOf(verdictId), ...third });
  const r3 = await submitVerdict(editor, { verdictId, expectedVersion: reopened.version });
  await reviewVerdict(secondReviewer, { verdictId, revisionId: r3.revisionId, decision: "approve" });
  await publishVerdict(reviewer, {
    verdictId,
    revisionId: r3.revisionId,
    correction: { whatChanged: "The rating is now Mostly false.", why: "The agency withdrew its confirmation." },
  });
  const fourth = { ...third, summary: "An approved summary nobody published." };
  const again = await saveVerdictDraft(editor, { claimId: claim.id, expectedVersion: await versionOf(verdictId), ...fourth });
  const r4 = await submitVerdict(editor, { verdictId, expectedVersion: again.version });
  await reviewVerdict(reviewer, { verdictId, revisionId: r4.revisionId, decision: "approve" });
  return { claim, verdictId, slug: published.slug, revisions: [r1, r2, r3, r4].map((r) => r.revisionId) as [string, string, string, string] };
}

let corrected: Awaited<ReturnType<typeof correctedVerdict>>;
beforeAll(async () => {
  corrected = await correctedVerdict();
});

describe("diffRevisions", () => {
  it("returns a word diff as data, merged into runs of kept, removed and added text", () => {
    expect(diffText("The cat sat on the mat.", "The dog sat on the mat today.")).toEqual([
      { kind: "same", text: "The " },
      { kind: "removed", text: "cat" },
      { kind: "added", text: "dog" },
      { kind: "same", text: " sat on the mat " },
      { kind: "added", text: "today" },
      { kind: "same", text: "." },
    ]);
    expect(diffText("same", "same")).toEqual([{ kind: "same", text: "same" }]);
    expect(diffText("", "")).toEqual([]);
  });

  it("keeps markup as plain text in the parts", () => {
    const parts = diffText("safe", "<script>alert(1)</script>")!;
    expect(parts.map((part) => part.text).join("")).toContain("safe");
    expect(parts.filter((part) => part.kind !== "removed").map((part) => part.text).join("")).toBe("<script>alert(1)</script>");
  });

  it("reports the rating and each field, and whether anything changed", () => {
    const before = { rating: "mixed" as const, headline: "A", summary: "S", explanation: "E" };
    expect(diffRevisions(before, before).changed).toBe(false);
    const diff = diffRevisions(before, { ...before, rating: "false", summary: "S2" });
    expect(diff.changed).toBe(true);
    expect(diff.rating).toEqual({ changed: true, before: "mixed", after: "false" });
    expect(diff.fields.map((field) => [field.field, field.changed])).toEqual([
      ["headline", false],
      ["summary", true],
      ["explanation", false],
    ]);
  });
});

describe("getVerdictForEditing", () => {
  it("shows a claim without a verdict as a blank draft the editor may start, and read-only to an admin", async () => {
    const claim = await makeClaim(editor);
    const view = await getVerdictForEditing(editor, claim.id);
    expect(view).toMatchObject({
      claim: { id: claim.id, statement: claim.statement, claimant: "A test minister" },
      verdict: null,
      revisions: [],
      permissions: { canEdit: true, canSubmit: true, canReview: false },
    });
    expect((await getVerdictForEditing(admin, claim.id))?.permissions).toEqual({ canEdit: false, canSubmit: false, canReview: false });
  });

  it("returns null for an unknown claim or a malformed id, and refuses a disabled user", async () => {
    expect(await getVerdictForEditing(editor, "00000000-0000-4000-8000-000000000000")).toBeNull();
    expect(await getVerdictForEditing(editor, "not-a-uuid")).toBeNull();
    const disabled = await makeUser("editor", "disabled");
    const claim = await makeClaim(editor);
    await expectDomainError(getVerdictForEditing(disabled, claim.id), "forbidden");
  });

  it("carries the draft with its version, the reviewer's request and every revision with its reviews", async () => {
    const claim = await makeClaim(editor);
    const draft = await saveVerdictDraft(editor, { claimId: claim.id, expectedVersion: null, ...verdictContent("draft") });
    const submitted = await submitVerdict(editor, { verdictId: draft.verdictId, expectedVersion: draft.version });
    const inReview = await getVerdictForEditing(editor, claim.id);
    expect(inReview?.verdict).toMatchObject({ status: "in_review", currentRevision: { id: submitted.revisionId, number: 1 } });
    expect(inReview?.permissions).toMatchObject({ canEdit: false, canSubmit: false });

    await reviewVerdict(reviewer, { verdictId: draft.verdictId, revisionId: submitted.revisionId, decision: "request_changes", comment: "Cite it." });
    const sentBack = (await getVerdictForEditing(editor, claim.id))!;
    expect(sentBack.permissions).toMatchObject({ canEdit: true, canSubmit: true });
    expect(sentBack.verdict).toMatchObject({
      status: "changes_requested",
      version: await versionOf(draft.verdictId),
      draft: { rating: "mixed", headline: verdictContent("draft").headline },
      changesRequested: { decision: "request_changes", comment: "Cite it.", reviewerName: reviewer.name, revisionNumber: 1 },
    });
    expect(sentBack.revisions).toEqual([
      expect.objectContaining({
        number: 1,
        authorName: editor.name,
        publication: null,
        isPublic: false,
        reviews: [expect.objectContaining({ decision: "request_changes", reviewerName: reviewer.name, comment: "Cite it." })],
      }),
    ]);
  });

  it("marks which revisions readers saw: the first publication and the correction", async () => {
    const view = (await getVerdictForEditing(editor, corrected.claim.id))!;
    expect(view.verdict).toMatchObject({ status: "approved", publication: { slug: corrected.slug, publishedRevisionNumber: 3 } });
    expect(view.revisions.map((revision) => [revision.number, revision.publication, revision.isPublic])).toEqual([
      [4, null, false],
      [3, "correction", true],
      [2, "first", false],
      [1, null, false],
    ]);
  });
});

describe("listReviewQueue", () => {
  const ids = (items: ReviewQueueItem[] | null) => (items ?? []).map((item) => item.revisionId);

  it("offers a reviewer the revisions of others, never their own, which wait for another reviewer", async () => {
    const reviewersOwn = await makeClaim(reviewer);
    const own = await saveVerdictDraft(reviewer, { claimId: reviewersOwn.id, expectedVersion: null, ...verdictContent("own") });
    const ownRevision = await submitVerdict(reviewer, { verdictId: own.verdictId, expectedVersion: own.version });
    const editorsClaim = await makeClaim(editor);
    const others = await saveVerdictDraft(editor, { claimId: editorsClaim.id, expectedVersion: null, ...verdictContent("others") });
    const othersRevision = await submitVerdict(editor, { verdictId: others.verdictId, expectedVersion: others.version });

    const queue = await listReviewQueue(reviewer);
    expect(ids(queue.awaitingReview)).toContain(othersRevision.revisionId);
    expect(ids(queue.awaitingReview)).not.toContain(ownRevision.revisionId);
    expect(ids(queue.waitingForAnotherReviewer)).toContain(ownRevision.revisionId);
    expect(ids(queue.waitingForAnotherReviewer)).not.toContain(othersRevision.revisionId);
    expect(queue.awaitingReview!.find((item) => item.revisionId === othersRevision.revisionId)).toMatchObject({
      verdictId: others.verdictId,
      claimId: editorsClaim.id,
      claimStatement: editorsClaim.statement,
      revisionNumber: 1,
      authorName: editor.name,
      publicSlug: null,
    });

    const editorsQueue = await listReviewQueue(editor);
    expect(editorsQueue.awaitingReview).toBeNull();
    expect(editorsQueue.readyToPublish).toBeNull();
    expect(ids(editorsQueue.waitingForAnotherReviewer)).toContain(othersRevision.revisionId);
    expect((await listReviewQueue(secondReviewer)).awaitingReview!.map((item) => item.revisionId)).toEqual(
      expect.arrayContaining([ownRevision.revisionId, othersRevision.revisionId]),
    );
  });

  it("lists approved revisions to publish (a correction when already public) and sent-back ones to their author", async () => {
    const queue = await listReviewQueue(reviewer);
    const ready = queue.readyToPublish!.find((item) => item.verdictId === corrected.verdictId);
    expect(ready).toMatchObject({ revisionId: corrected.revisions[3], revisionNumber: 4, publicSlug: corrected.slug });
    expect(ready!.decidedAt).toBeInstanceOf(Date);

    const claim = await makeClaim(editor);
    const draft = await saveVerdictDraft(editor, { claimId: claim.id, expectedVersion: null, ...verdictContent("back") });
    const submitted = await submitVerdict(editor, { verdictId: draft.verdictId, expectedVersion: draft.version });
    await reviewVerdict(reviewer, { verdictId: draft.verdictId, revisionId: submitted.revisionId, decision: "request_changes", comment: "No." });
    expect(ids((await listReviewQueue(editor)).sentBack)).toContain(submitted.revisionId);
    expect(ids((await listReviewQueue(secondReviewer)).sentBack)).not.toContain(submitted.revisionId);
  });
});

describe("getReviewItem", () => {
  it("compares a revision with the last reviewed one and says who may decide", async () => {
    const claim = await makeClaim(editor);
    const draft = await saveVerdictDraft(editor, { claimId: claim.id, expectedVersion: null, ...verdictContent("first") });
    const r1 = await submitVerdict(editor, { verdictId: draft.verdictId, expectedVersion: draft.version });
    const first = (await getReviewItem(reviewer, r1.revisionId))!;
    expect(first).toMatchObject({ state: "review", comparedWith: null, diff: null, permissions: { canReview: true, canPublish: false } });
    expect((await getReviewItem(editor, r1.revisionId))!.state).toBe("own");
    expect((await getReviewItem(editor, r1.revisionId))!.permissions).toEqual({ canReview: false, canPublish: false });
    expect((await getReviewItem(admin, r1.revisionId))!.state).toBe("not_reviewer");

    await reviewVerdict(reviewer, { verdictId: draft.verdictId, revisionId: r1.revisionId, decision: "request_changes", comment: "Be precise." });
    expect((await getReviewItem(reviewer, r1.revisionId))!.state).toBe("sent_back");
    const edited = await saveVerdictDraft(editor, {
      claimId: claim.id,
      expectedVersion: await versionOf(draft.verdictId),
      ...verdictContent("first"),
      summary: "A more precise summary.",
    });
    const r2 = await submitVerdict(editor, { verdictId: draft.verdictId, expectedVersion: edited.version });
    const second = (await getReviewItem(reviewer, r2.revisionId))!;
    expect(second.comparedWith).toEqual({ id: r1.revisionId, number: 1, lastDecision: "request_changes", wasPublic: false });
    const summary = second.diff!.fields.find((field) => field.field === "summary")!;
    expect(summary.changed).toBe(true);
    expect(summary.parts!.filter((part) => part.kind === "added").map((part) => part.text).join("")).toContain("precise");
    expect(second.history.map((entry) => entry.number)).toEqual([2, 1]);
    expect(second.history[1]!.reviews).toEqual([expect.objectContaining({ decision: "request_changes", comment: "Be precise." })]);
    expect((await getReviewItem(reviewer, r1.revisionId))!).toMatchObject({ state: "superseded", current: { id: r2.revisionId, number: 2 } });

    await reviewVerdict(reviewer, { verdictId: draft.verdictId, revisionId: r2.revisionId, decision: "approve" });
    expect((await getReviewItem(secondReviewer, r2.revisionId))!).toMatchObject({ state: "approved", permissions: { canReview: false, canPublish: true } });
    expect((await getReviewItem(editor, r2.revisionId))!.permissions.canPublish).toBe(false);
  });

  it("compares a correction with the published revision", async () => {
    const item = (await getReviewItem(reviewer, corrected.revisions[2]))!;
    expect(item.comparedWith).toMatchObject({ number: 2, lastDecision: "approve", wasPublic: true });
    expect(item.diff!.rating).toEqual({ changed: true, before: "mixed", after: "mostly_false" });
    expect(item.publication).toEqual({ slug: corrected.slug, publishedRevisionNumber: 3 });
  });

  it("returns null for an unknown or malformed revision id", async () => {
    expect(await getReviewItem(reviewer, "00000000-0000-4000-8000-000000000000")).toBeNull();
    expect(await getReviewItem(reviewer, "../../etc")).toBeNull();
  });
});

describe("getPublishedRevision", () => {
  it("finds the revisions readers saw, and no other", async () => {
    const earlier = await getPublishedRevision(corrected.slug, 2);
    expect(earlier).toMatchObject({
      slug: corrected.slug,
      number: 2,
      isCurrent: false,
      currentRevisionNumber: 3,
      rating: { rating: "mixed" },
      replacedBy: { number: 3, whatChanged: "The rating is now Mostly false.", why: "The agency withdrew its confirmation." },
      claim: { statement: corrected.claim.statement },
    });
    expect(await getPublishedRevision(corrected.slug, 3)).toMatchObject({ isCurrent: true, replacedBy: null, headline: "Mostly false after all" });
    // Sent back, approved but unpublished, or missing: all the same "not found".
    expect(await getPublishedRevision(corrected.slug, 1)).toBeNull();
    expect(await getPublishedRevision(corrected.slug, 4)).toBeNull();
    expect(await getPublishedRevision(corrected.slug, 99)).toBeNull();
    expect(await getPublishedRevision(corrected.slug, 0)).toBeNull();
    expect(await getPublishedRevision(corrected.slug, Number.NaN)).toBeNull();
    expect(await getPublishedRevision("no-such-fact-check", 1)).toBeNull();
    expect(await getPublishedRevision("<script>", 1)).toBeNull();
  });

  it("finds nothing for a verdict that was never published", async () => {
    const claim = await makeClaim(editor);
    const draft = await saveVerdictDraft(editor, { claimId: claim.id, expectedVersion: null, ...verdictContent() });
    const submitted = await submitVerdict(editor, { verdictId: draft.verdictId, expectedVersion: draft.version });
    await reviewVerdict(reviewer, { verdictId: draft.verdictId, revisionId: submitted.revisionId, decision: "approve" });
    // The address its publication would get answers nothing.
    expect(await getPublishedRevision(makeSlug(claim.statement), 1)).toBeNull();
    expect(await getPublishedFactCheck(makeSlug(claim.statement))).toBeNull();
    expect((await listFeedEntries(200)).some((entry) => entry.claimStatement === claim.statement)).toBe(false);
  });
});

describe("the public view of a corrected fact-check", () => {
  it("shows the published revision only, with its corrections naming the revisions they link", async () => {
    const factCheck = (await getPublishedFactCheck(corrected.slug))!;
    expect(factCheck).toMatchObject({ headline: "Mostly false after all", revisionNumber: 3, rating: { rating: "mostly_false" } });
    expect(factCheck.summary).not.toContain("nobody published");
    expect(factCheck.corrections).toEqual([
      expect.objectContaining({ fromRevision: 2, toRevision: 3, whatChanged: "The rating is now Mostly false." }),
    ]);
    const listed = (await listPublishedFactChecks(100)).find((item) => item.slug === corrected.slug);
    if (listed) expect(listed).toMatchObject({ headline: "Mostly false after all", corrected: true });
    expect((await listPublishedPages()).map((page) => page.slug)).toContain(corrected.slug);
  });
});

describe("listFeedEntries", () => {
  it("has one entry for the publication and one for the correction, newest first, each with its own revision", async () => {
    const entries = (await listFeedEntries(200)).filter((entry) => entry.slug === corrected.slug);
    expect(entries.map((entry) => [entry.kind, entry.revisionNumber])).toEqual([
      ["corrected", 3],
      ["published", 2],
    ]);
    const [correction, publication] = entries as [(typeof entries)[0], (typeof entries)[0]];
    expect(correction).toMatchObject({
      headline: "Mostly false after all",
      rating: { rating: "mostly_false" },
      claimStatement: corrected.claim.statement,
      correction: { whatChanged: "The rating is now Mostly false.", why: "The agency withdrew its confirmation.", previousRevisionNumber: 2 },
    });
    expect(publication).toMatchObject({ headline: verdictContent("two").headline, rating: { rating: "mixed" }, correction: null });
    expect(correction.date.getTime()).toBeGreaterThanOrEqual(publication.date.getTime());
    expect(new Set(entries.map((entry) => entry.id)).size).toBe(2);
  });

  it("is ordered newest first across fact-checks and bounded", async () => {
    const entries = await listFeedEntries(5);
    expect(entries.length).toBeLessThanOrEqual(5);
    const times = entries.map((entry) => entry.date.getTime());
    expect([...times].sort((a, b) => b - a)).toEqual(times);
  });
});

describe("the reader lists' cache", () => {
  it("serves the same list until a publication or correction changes the generation, then reads again", async () => {
    const before = await publicationsGeneration();
    const first = await listPublishedFactChecksCached(100);
    expect(await listPublishedFactChecksCached(100)).toBe(first);
    expect(await publicationsGeneration()).toBe(before);

    const claim = await makeClaim(editor);
    const draft = await saveVerdictDraft(editor, { claimId: claim.id, expectedVersion: null, ...verdictContent("cache") });
    const submitted = await submitVerdict(editor, { verdictId: draft.verdictId, expectedVersion: draft.version });
    await reviewVerdict(reviewer, { verdictId: draft.verdictId, revisionId: submitted.revisionId, decision: "approve" });
    // An approval changes nothing readers see: the same list is served.
    expect(await listPublishedFactChecksCached(100)).toBe(first);

    const { slug } = await publishVerdict(reviewer, { verdictId: draft.verdictId, revisionId: submitted.revisionId });
    expect(await publicationsGeneration()).not.toBe(before);
    const after = await listPublishedFactChecksCached(100);
    expect(after).not.toBe(first);
    expect(after[0]).toMatchObject({ slug, headline: verdictContent("cache").headline });
    expect((await listFeedEntriesCached(50))[0]).toMatchObject({ slug, kind: "published" });
  });
});
