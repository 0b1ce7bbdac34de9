// The verdict workflow of DESIGN.md section 3, end to end against the database: every transition is
// one transaction with exactly one audit row; illegal transitions are refused and change nothing;
// concurrent writers get a conflict, never a silent overwrite.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import type { Actor } from "@/lib/auth/actor";
import type { AuditAction } from "@/lib/audit/record-audit-event";
import { saveVerdictDraft } from "@/lib/verdicts/save-verdict-draft";
import { submitVerdict } from "@/lib/verdicts/submit-verdict";
import { reviewVerdict } from "@/lib/verdicts/review-verdict";
import { publishVerdict } from "@/lib/publishing/publish-verdict";
import {
  databaseRefusal,
  expectRefusedWithoutWrites,
  makeClaim,
  makeUser,
  rowsWrittenBy,
  tableCounts,
  verdictContent,
  verdictIn as verdictInState,
  type TableCounts,
} from "@/test/integration/support";

const db = getDb();

afterAll(async () => {
  await db.$disconnect();
});

let editor: Actor;
let reviewer: Actor;
let secondReviewer: Actor;

beforeAll(async () => {
  editor = await makeUser("editor");
  reviewer = await makeUser("reviewer");
  secondReviewer = await makeUser("reviewer");
});

/**
 * Runs one transition and checks that it wrote exactly these rows, with exactly one audit row: the
 * newest one, naming this action and actor.
 */
async function transition<T>(
  expected: { rows: Partial<TableCounts>; action: AuditAction; actor: Actor },
  call: () => Promise<T>,
): Promise<T> {
  let result: T | undefined;
  const written = await rowsWrittenBy(async () => {
    result = await call();
  });
  expect(written).toEqual({ ...expected.rows, audit_events: 1 });
  const audit = await db.auditEvent.findFirstOrThrow({ orderBy: { id: "desc" } });
  expect(audit).toMatchObject({ action: expected.action, actorId: expected.actor.id, requestId: expected.actor.requestId });
  return result as T;
}

/** A submission freezes the draft into a revision, with its authors and the snapshot of its public page. */
const SUBMISSION_ROWS = { verdict_revisions: 1, verdict_revision_authors: 1, fact_check_snapshots: 1 };

const statusOf = async (verdictId: string) => (await db.verdict.findUniqueOrThrow({ where: { id: verdictId } })).status;
const versionOf = async (verdictId: string) => (await db.verdict.findUniqueOrThrow({ where: { id: verdictId } })).version;

const verdictIn = (state: "draft" | "in_review" | "approved" | "published", author: Actor = editor) =>
  verdictInState(state, { author, reviewer });

describe("the verdict workflow", () => {
  it("goes draft -> review -> changes -> review -> approved -> published -> corrected, one audit row per step", async () => {
    const claim = await makeClaim(editor);
    const first = verdictContent("first");

    const draft = await transition({ rows: { verdicts: 1 }, action: "verdict.draft_saved", actor: editor }, () =>
      saveVerdictDraft(editor, { claimId: claim.id, expectedVersion: null, ...first }),
    );
    expect(draft).toMatchObject({ status: "draft", version: 1 });
    const verdictId = draft.verdictId;

    const submitted1 = await transition({ rows: SUBMISSION_ROWS, action: "verdict.submitted", actor: editor }, () =>
      submitVerdict(editor, { verdictId, expectedVersion: draft.version }),
    );
    expect(submitted1.revisionNumber).toBe(1);
    expect(await statusOf(verdictId)).toBe("in_review");

    await transition({ rows: { reviews: 1, notifications: 1 }, action: "verdict.changes_requested", actor: reviewer }, () =>
      reviewVerdict(reviewer, { verdictId, revisionId: submitted1.revisionId, decision: "request_changes", comment: "Cite the second source." }),
    );
    expect(await statusOf(verdictId)).toBe("changes_requested");

    const second = verdictContent("second");
    const edited = await transition({ rows: {}, action: "verdict.draft_saved", actor: editor }, async () =>
      saveVerdictDraft(editor, { claimId: claim.id, expectedVersion: await versionOf(verdictId), ...second }),
    );
    expect(edited.status).toBe("draft");

    const submitted2 = await transition({ rows: SUBMISSION_ROWS, action: "verdict.submitted", actor: editor }, () =>
      submitVerdict(editor, { verdictId, expectedVersion: edited.version }),
    );
    expect(submitted2.revisionNumber).toBe(2);

    await transition({ rows: { reviews: 1, notifications: 1 }, action: "verdict.approved", actor: reviewer }, () =>
      reviewVerdict(reviewer, { verdictId, revisionId: submitted2.revisionId, decision: "approve" }),
    );
    expect(await statusOf(verdictId)).toBe("approved");

    const published = await transition({ rows: { publications: 1, published_search: 1, public_page_changes: 1, notifications: 1 }, action: "verdict.published", actor: secondReviewer }, () =>
      publishVerdict(secondReviewer, { verdictId, revisionId: submitted2.revisionId }),
    );
    expect(published.corrected).toBe(false);
    // A readable slug made from the claim's statement (which ends with a unique token).
    expect(published.slug).toMatch(/^the-talks-had-the-minister-?s-approval-[0-9a-f]{12}$/);
    expect(published.slug.endsWith(claim.statement.split(" ").at(-1)!)).toBe(true);
    expect(await statusOf(verdictId)).toBe("published");

    // Editing a published verdict starts a new draft; readers still see the published revision.
    const third = verdictContent("third");
    const reopened = await transition({ rows: {}, action: "verdict.draft_saved", actor: editor }, async () =>
      saveVerdictDraft(editor, { claimId: claim.id, expectedVersion: await versionOf(verdictId), ...third }),
    );
    expect(reopened.status).toBe("draft");
    expect(await db.publication.findUniqueOrThrow({ where: { verdictId } })).toMatchObject({ publishedRevisionId: submitted2.revisionId });

    const submitted3 = await transition({ rows: SUBMISSION_ROWS, action: "verdict.submitted", actor: editor }, () =>
      submitVerdict(editor, { verdictId, expectedVersion: reopened.version }),
    );
    await transition({ rows: { reviews: 1, notifications: 1 }, action: "verdict.approved", actor: secondReviewer }, () =>
      reviewVerdict(secondReviewer, { verdictId, revisionId: submitted3.revisionId, decision: "approve" }),
    );
    const corrected = await transition({ rows: { corrections: 1, public_page_changes: 1, notifications: 1 }, action: "verdict.corrected", actor: reviewer }, () =>
      publishVerdict(reviewer, {
        verdictId,
        revisionId: submitted3.revisionId,
        correction: { whatChanged: "The summary now names both sources.", why: "A reader pointed out a missing source." },
      }),
    );
    expect(corrected).toMatchObject({ corrected: true, slug: published.slug });

    const final = await db.verdict.findUniqueOrThrow({
      where: { id: verdictId },
      include: { revisions: { orderBy: { number: "asc" } }, publication: { include: { corrections: true } } },
    });
    expect(final.status).toBe("published");
    expect(final.currentRevisionId).toBe(submitted3.revisionId);
    expect(final.revisions.map((revision) => [revision.number, revision.headline])).toEqual([
      [1, first.headline],
      [2, second.headline],
      [3, third.headline],
    ]);
    expect(final.publication).toMatchObject({ slug: published.slug, publishedRevisionId: submitted3.revisionId });
    expect(final.publication!.corrections).toEqual([
      expect.objectContaining({
        previousRevisionId: submitted2.revisionId,
        revisionId: submitted3.revisionId,
        whatChanged: "The summary now names both sources.",
        why: "A reader pointed out a missing source.",
      }),
    ]);
    // The earlier published revision stays readable.
    expect(await db.verdictRevision.findUniqueOrThrow({ where: { id: submitted2.revisionId } })).toMatchObject({ headline: second.headline });
  });

  it("a reviewer can write a verdict that another reviewer approves", async () => {
    const { verdictId, revisionId } = await verdictIn("in_review", reviewer);
    await reviewVerdict(secondReviewer, { verdictId, revisionId: revisionId!, decision: "approve" });
    expect(await statusOf(verdictId)).toBe("approved");
  });
});

describe("illegal transitions are refused and change nothing", () => {
  it("publishing a draft", async () => {
    const draft = await verdictIn("draft");
    const other = await verdictIn("approved");
    // Even with a real approved revision id (of another verdict), a draft cannot be published.
    const error = await expectRefusedWithoutWrites(
      () => publishVerdict(reviewer, { verdictId: draft.verdictId, revisionId: other.revisionId! }),
      "illegal_transition",
    );
    expect(error.message).toMatch(/Only an approved verdict can be published/);
    expect(await statusOf(draft.verdictId)).toBe("draft");
  });

  it("publishing a verdict that is still in review", async () => {
    const { verdictId, revisionId } = await verdictIn("in_review");
    await expectRefusedWithoutWrites(() => publishVerdict(reviewer, { verdictId, revisionId: revisionId! }), "illegal_transition");
  });

  it("approving your own revision (and the database refuses the row too)", async () => {
    const { verdictId, revisionId } = await verdictIn("in_review", reviewer);
    const error = await expectRefusedWithoutWrites(
      () => reviewVerdict(reviewer, { verdictId, revisionId: revisionId!, decision: "approve" }),
      "forbidden",
    );
    expect(error.message).toMatch(/another reviewer/);
    expect(await statusOf(verdictId)).toBe("in_review");

    const direct = await databaseRefusal((tx) =>
      tx.review.create({ data: { verdictRevisionId: revisionId!, reviewerId: reviewer.id, decision: "approve" } }),
    );
    expect(direct.code).toBe("23514");
    expect(direct.message).toContain("four-eyes");
  });

  it("requesting changes on your own revision", async () => {
    const { verdictId, revisionId } = await verdictIn("in_review", reviewer);
    await expectRefusedWithoutWrites(
      () => reviewVerdict(reviewer, { verdictId, revisionId: revisionId!, decision: "request_changes", comment: "Looks off." }),
      "forbidden",
    );
  });

  it("approving a stale revision (an older one than the revision in review)", async () => {
    const { claimId, verdictId, revisionId: firstRevision } = await verdictIn("in_review");
    await reviewVerdict(reviewer, { verdictId, revisionId: firstRevision!, decision: "request_changes", comment: "Add a source." });
    const edited = await saveVerdictDraft(editor, { claimId, expectedVersion: await versionOf(verdictId), ...verdictContent("edited") });
    const resubmitted = await submitVerdict(editor, { verdictId, expectedVersion: edited.version });

    const error = await expectRefusedWithoutWrites(
      () => reviewVerdict(reviewer, { verdictId, revisionId: firstRevision!, decision: "approve" }),
      "conflict",
    );
    expect(error.message).toMatch(/Revision 1 is no longer the one in review; review revision 2/);
    expect(await statusOf(verdictId)).toBe("in_review");
    expect((await db.verdict.findUniqueOrThrow({ where: { id: verdictId } })).currentRevisionId).toBe(resubmitted.revisionId);
  });

  it("approving a revision that belongs to another verdict", async () => {
    const mine = await verdictIn("in_review");
    const other = await verdictIn("in_review");
    await expectRefusedWithoutWrites(
      () => reviewVerdict(reviewer, { verdictId: mine.verdictId, revisionId: other.revisionId!, decision: "approve" }),
      "not_found",
    );
  });

  it("approving a verdict that was already approved", async () => {
    const { verdictId, revisionId } = await verdictIn("approved");
    await expectRefusedWithoutWrites(
      () => reviewVerdict(secondReviewer, { verdictId, revisionId: revisionId!, decision: "approve" }),
      "illegal_transition",
    );
  });

  it("submitting with a stale expectedVersion", async () => {
    const { claimId, verdictId, version } = await verdictIn("draft");
    await saveVerdictDraft(editor, { claimId, expectedVersion: version, ...verdictContent("newer") });
    const error = await expectRefusedWithoutWrites(() => submitVerdict(editor, { verdictId, expectedVersion: version }), "conflict");
    expect(error.message).toMatch(/changed since you opened it/);
    expect(await statusOf(verdictId)).toBe("draft");
  });

  it("submitting a verdict that is already in review", async () => {
    const { verdictId, version } = await verdictIn("in_review");
    await expectRefusedWithoutWrites(() => submitVerdict(editor, { verdictId, expectedVersion: version }), "illegal_transition");
  });

  it("submitting an incomplete draft", async () => {
    const claim = await makeClaim(editor);
    const draft = await saveVerdictDraft(editor, { claimId: claim.id, expectedVersion: null, rating: null, headline: "", summary: "", explanation: "" });
    const error = await expectRefusedWithoutWrites(
      () => submitVerdict(editor, { verdictId: draft.verdictId, expectedVersion: draft.version }),
      "invalid",
    );
    expect(error.message).toBe("Before submitting, add a rating, a headline, a summary, an explanation.");
  });

  it("saving a draft while the verdict is in review", async () => {
    const { claimId, verdictId, version } = await verdictIn("in_review");
    const before = await db.verdict.findUniqueOrThrow({ where: { id: verdictId } });
    await expectRefusedWithoutWrites(
      () => saveVerdictDraft(editor, { claimId, expectedVersion: version, ...verdictContent("sneaky edit") }),
      "illegal_transition",
    );
    expect(await db.verdict.findUniqueOrThrow({ where: { id: verdictId } })).toEqual(before);
  });

  it("publishing an already-public verdict again without a correction note", async () => {
    const { claimId, verdictId } = await verdictIn("published");
    const edited = await saveVerdictDraft(editor, { claimId, expectedVersion: await versionOf(verdictId), ...verdictContent("fix") });
    const submitted = await submitVerdict(editor, { verdictId, expectedVersion: edited.version });
    await reviewVerdict(secondReviewer, { verdictId, revisionId: submitted.revisionId, decision: "approve" });

    const error = await expectRefusedWithoutWrites(
      () => publishVerdict(reviewer, { verdictId, revisionId: submitted.revisionId }),
      "invalid",
    );
    expect(error.message).toMatch(/say what changed and why/);
    expect(await statusOf(verdictId)).toBe("approved");
  });

  it("publishing the same revision twice", async () => {
    const { verdictId, revisionId } = await verdictIn("published");
    await expectRefusedWithoutWrites(
      () => publishVerdict(reviewer, { verdictId, revisionId: revisionId!, correction: { whatChanged: "Nothing.", why: "Again." } }),
      "illegal_transition",
    );
  });

  it("a first publication that claims to be a correction", async () => {
    const { verdictId, revisionId } = await verdictIn("approved");
    await expectRefusedWithoutWrites(
      () => publishVerdict(reviewer, { verdictId, revisionId: revisionId!, correction: { whatChanged: "Something.", why: "Because." } }),
      "invalid",
    );
  });

  it("publishing an approved verdict under another revision id than the approved one", async () => {
    const { verdictId } = await verdictIn("approved");
    const other = await verdictIn("approved");
    await expectRefusedWithoutWrites(() => publishVerdict(reviewer, { verdictId, revisionId: other.revisionId! }), "conflict");
    expect(await statusOf(verdictId)).toBe("approved");
  });

  it("requesting changes with an empty comment", async () => {
    const { verdictId, revisionId } = await verdictIn("in_review");
    const before = await tableCounts();
    // The use case validates its input with zod; the form's action reports this message next to the field.
    await expect(
      reviewVerdict(reviewer, { verdictId, revisionId: revisionId!, decision: "request_changes", comment: "   " }),
    ).rejects.toThrow(/say what needs to change/);
    expect(await tableCounts()).toEqual(before);
    expect(await statusOf(verdictId)).toBe("in_review");
  });
});

type Settled<T> = PromiseSettledResult<T>;
const fulfilled = <T>(results: Settled<T>[]) => results.filter((r): r is PromiseFulfilledResult<T> => r.status === "fulfilled");
const rejected = <T>(results: Settled<T>[]) => results.filter((r): r is PromiseRejectedResult => r.status === "rejected");

describe("concurrent writers", () => {
  it("two saves from the same version: exactly one wins, the other gets a conflict with both versions (20 times)", async () => {
    const { claimId, verdictId } = await verdictIn("draft");
    for (let round = 1; round <= 20; round++) {
      const version = await versionOf(verdictId);
      const contents = [verdictContent(`round ${round} A`), verdictContent(`round ${round} B`)];
      const auditBefore = await db.auditEvent.count({ where: { entityId: verdictId } });
      const results = await Promise.allSettled(
        contents.map((content) => saveVerdictDraft(editor, { claimId, expectedVersion: version, ...content })),
      );
      expect(fulfilled(results), `round ${round}`).toHaveLength(1);
      const [loser] = rejected(results);
      expect(loser!.reason).toBeInstanceOf(DomainError);
      const error = loser!.reason as DomainError;
      expect(error.code).toBe("conflict");
      const loserContent = contents[results.indexOf(loser!)]!;
      expect(error.details).toMatchObject({
        theirs: { version: expect.any(Number), headline: expect.any(String) },
        yours: { headline: loserContent.headline, summary: loserContent.summary, explanation: loserContent.explanation },
      });
      // The winner's text is stored, once, with one audit row.
      const winnerContent = contents[results.findIndex((r) => r.status === "fulfilled")]!;
      const stored = await db.verdict.findUniqueOrThrow({ where: { id: verdictId } });
      expect(stored).toMatchObject({ version: version + 1, draftHeadline: winnerContent.headline });
      expect(await db.auditEvent.count({ where: { entityId: verdictId } })).toBe(auditBefore + 1);
    }
  });

  it("the conflict shows the other writer's saved version as 'theirs', not the version both started from", async () => {
    const { claimId, verdictId } = await verdictIn("draft");
    const stale: { round: number; theirsVersion: unknown; stored: number }[] = [];
    for (let round = 1; round <= 20; round++) {
      const version = await versionOf(verdictId);
      const contents = [verdictContent(`theirs ${round} A`), verdictContent(`theirs ${round} B`)];
      const results = await Promise.allSettled(
        contents.map((content) => saveVerdictDraft(editor, { claimId, expectedVersion: version, ...content })),
      );
      const winner = contents[results.findIndex((r) => r.status === "fulfilled")]!;
      const error = rejected(results)[0]!.reason as DomainError;
      const theirs = (error.details as { theirs: { version: number; headline: string } }).theirs;
      if (theirs.version !== version + 1 || theirs.headline !== winner.headline) {
        stale.push({ round, theirsVersion: theirs.version, stored: version + 1 });
      }
    }
    expect(stale, "rounds where 'theirs' was not the saved version").toEqual([]);
  });

  it("two submits of the same draft at once: one revision, the other submitter gets a conflict (10 times)", async () => {
    for (let round = 1; round <= 10; round++) {
      const { verdictId, version } = await verdictIn("draft");
      const results = await Promise.allSettled([
        submitVerdict(editor, { verdictId, expectedVersion: version }),
        submitVerdict(editor, { verdictId, expectedVersion: version }),
      ]);
      expect(fulfilled(results), `round ${round}`).toHaveLength(1);
      expect(rejected(results)[0]!.reason, `round ${round}`).toMatchObject({ name: "DomainError", code: "conflict" });
      expect(await db.verdictRevision.count({ where: { verdictId } })).toBe(1);
    }
  });

  it("two reviewers approving the same revision at once: exactly one approval (10 times)", async () => {
    for (let round = 1; round <= 10; round++) {
      const { verdictId, revisionId } = await verdictIn("in_review");
      const auditBefore = await db.auditEvent.count({ where: { entityId: verdictId } });
      const results = await Promise.allSettled(
        [reviewer, secondReviewer].map((actor) => reviewVerdict(actor, { verdictId, revisionId: revisionId!, decision: "approve" })),
      );
      expect(fulfilled(results), `round ${round}`).toHaveLength(1);
      const error = rejected(results)[0]!.reason;
      expect(error).toBeInstanceOf(DomainError);
      expect(["conflict", "illegal_transition"]).toContain((error as DomainError).code);
      expect(await db.review.count({ where: { verdictRevisionId: revisionId! } })).toBe(1);
      expect(await statusOf(verdictId)).toBe("approved");
      expect(await db.auditEvent.count({ where: { entityId: verdictId } })).toBe(auditBefore + 1);
    }
  });

  it("two first drafts on the same claim at once: one verdict only (10 times)", async () => {
    for (let round = 1; round <= 10; round++) {
      const claim = await makeClaim(editor);
      const results = await Promise.allSettled(
        [verdictContent("one"), verdictContent("two")].map((content) =>
          saveVerdictDraft(editor, { claimId: claim.id, expectedVersion: null, ...content }),
        ),
      );
      expect(fulfilled(results), `round ${round}`).toHaveLength(1);
      expect(rejected(results)[0]!.reason).toMatchObject({ name: "DomainError", code: "conflict" });
      expect(await db.verdict.count({ where: { claimId: claim.id } })).toBe(1);
    }
  });
});
