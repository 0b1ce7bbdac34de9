// Four eyes by contribution: everyone who saved a draft of a verdict revision since the last review,
// and whoever submitted it, is its author; none of them may approve it or send it back. Checked in
// the use case and, for a direct INSERT, by the database trigger.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { saveVerdictDraft } from "@/lib/verdicts/save-verdict-draft";
import { submitVerdict } from "@/lib/verdicts/submit-verdict";
import { reviewVerdict } from "@/lib/verdicts/review-verdict";
import { getReviewItem } from "@/lib/verdicts/get-review-item";
import { listReviewQueue } from "@/lib/verdicts/list-review-queue";
import { databaseRefusal, expectRefusedWithoutWrites, makeClaim, makeUser, verdictContent } from "@/test/integration/support";

const db = getDb();
let people: Record<"editor" | "reviewerA" | "reviewerB", Actor>;
type Person = keyof typeof people;
const PEOPLE: Person[] = ["editor", "reviewerA", "reviewerB"];
const REVIEWERS: Person[] = ["reviewerA", "reviewerB"];

beforeAll(async () => {
  people = { editor: await makeUser("editor"), reviewerA: await makeUser("reviewer"), reviewerB: await makeUser("reviewer") };
});
afterAll(() => db.$disconnect());

/** A verdict whose draft each of `savers` saved in turn, then `submitter` submitted. */
async function submittedBy(savers: Person[], submitter: Person) {
  const claim = await makeClaim(people.editor);
  let version: number | null = null;
  let verdictId = "";
  for (const saver of savers) {
    const saved = await saveVerdictDraft(people[saver], { claimId: claim.id, expectedVersion: version, ...verdictContent(saver) });
    ({ verdictId, version } = saved);
  }
  const submitted = await submitVerdict(people[submitter], { verdictId, expectedVersion: version! });
  return { verdictId, revisionId: submitted.revisionId };
}

/** Every non-empty set of savers, in a fixed order. */
const SAVER_SETS: Person[][] = [1, 2, 3, 4, 5, 6, 7].map((mask) => PEOPLE.filter((_, bit) => mask & (1 << bit)));

describe("four eyes by contribution", () => {
  const cases = SAVER_SETS.flatMap((savers) => PEOPLE.flatMap((submitter) => REVIEWERS.map((reviewer) => ({ savers, submitter, reviewer }))));

  // One test per combination: each stays short on a loaded machine.
  it.each(cases)("saved by $savers, submitted by $submitter, reviewed by $reviewer", async ({ savers, submitter, reviewer }) => {
    const { verdictId, revisionId } = await submittedBy(savers, submitter);
    const isAuthor = savers.includes(reviewer) || submitter === reviewer;
    const item = await getReviewItem(people[reviewer], revisionId);
    expect(item?.state).toBe(isAuthor ? "own" : "review");
    // The review page names every author, the submitter included.
    expect([...(item?.revision.authorNames ?? [])].sort()).toEqual([...new Set([...savers, submitter].map((person) => people[person].name))].sort());
    const queue = await listReviewQueue(people[reviewer]);
    expect(queue.awaitingReview!.some((entry) => entry.revisionId === revisionId)).toBe(!isAuthor);
    if (!isAuthor) {
      await reviewVerdict(people[reviewer], { verdictId, revisionId, decision: "approve" });
      return;
    }
    for (const decision of ["approve", "request_changes"] as const) {
      const error = await expectRefusedWithoutWrites(
        () => reviewVerdict(people[reviewer], { verdictId, revisionId, decision, comment: "Looks fine to me." }),
        "forbidden",
      );
      expect(error.message).toMatch(/another reviewer/);
    }
  });

  it("counts only the drafts saved since the last review: who saved before it may review the next revision", async () => {
    const { verdictId, revisionId } = await submittedBy(["reviewerA", "editor"], "editor");
    await reviewVerdict(people.reviewerB, { verdictId, revisionId, decision: "request_changes", comment: "Name the source." });
    const verdict = await db.verdict.findUniqueOrThrow({ where: { id: verdictId } });
    const saved = await saveVerdictDraft(people.editor, { claimId: verdict.claimId, expectedVersion: verdict.version, ...verdictContent("again") });
    const second = await submitVerdict(people.editor, { verdictId, expectedVersion: saved.version });
    await reviewVerdict(people.reviewerA, { verdictId, revisionId: second.revisionId, decision: "approve" });
    expect((await db.verdict.findUniqueOrThrow({ where: { id: verdictId } })).status).toBe("approved");
  });

  it("refuses a direct INSERT of a review by a contributor who did not submit, and a late author", async () => {
    const { revisionId } = await submittedBy(["reviewerA"], "editor");
    const selfReview = await databaseRefusal((tx) =>
      tx.$executeRaw`INSERT INTO reviews (verdict_revision_id, reviewer_id, decision) VALUES (${revisionId}::uuid, ${people.reviewerA.id}::uuid, 'approve')`,
    );
    expect(selfReview.code).toBe("23514");
    expect(selfReview.message).toContain("four-eyes");

    // An author added after the review would turn it into a self-review after the fact.
    const { verdictId, revisionId: reviewed } = await submittedBy(["editor"], "editor");
    await reviewVerdict(people.reviewerB, { verdictId, revisionId: reviewed, decision: "approve" });
    const lateAuthor = await databaseRefusal((tx) =>
      tx.$executeRaw`INSERT INTO verdict_revision_authors (verdict_revision_id, user_id) VALUES (${reviewed}::uuid, ${people.reviewerB.id}::uuid)`,
    );
    expect(lateAuthor.code).toBe("23514");
  });
});
