// Committed writes name the reader pages they change (public_page_changes), and the reader cache's
// follower hears of them; refused or rolled-back writes name nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { saveVerdictDraft } from "@/lib/verdicts/save-verdict-draft";
import { submitVerdict } from "@/lib/verdicts/submit-verdict";
import { reviewVerdict } from "@/lib/verdicts/review-verdict";
import { publishVerdict } from "@/lib/publishing/publish-verdict";
import { relateClaims } from "@/lib/relations/relate-claims";
import { updateClaim } from "@/lib/claims/update-claim";
import { followPageChanges, type PageChangeFollower } from "@/scripts/serve/follow-page-changes";
import { expectDomainError, makeClaim, makeUser, verdictContent } from "@/test/integration/support";

const db = getDb();
let editor: Actor;
let reviewer: Actor;
let follower: PageChangeFollower;
const heard: string[][] = [];

beforeAll(async () => {
  editor = await makeUser("editor");
  reviewer = await makeUser("reviewer");
  follower = followPageChanges(process.env.DATABASE_URL!, (paths) => heard.push(paths), { intervalMs: 50 });
  await until(() => follower.isFollowing());
});

afterAll(async () => {
  await follower.stop();
  await db.$disconnect();
});

async function until(condition: () => boolean): Promise<void> {
  for (let tries = 0; !condition(); tries++) {
    if (tries > 200) throw new Error("the follower heard nothing within 10 s");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Runs `write`, then waits for the follower to hear a change naming the path it returns; returns what it heard with it. */
async function heardAfter(write: () => Promise<string>): Promise<string[]> {
  const from = heard.length;
  const path = await write();
  await until(() => heard.slice(from).some((paths) => paths.includes(path)));
  return heard.slice(from).find((paths) => paths.includes(path))!;
}

async function approvedVerdict() {
  const claim = await makeClaim(editor);
  const draft = await saveVerdictDraft(editor, { claimId: claim.id, expectedVersion: null, ...verdictContent() });
  const submitted = await submitVerdict(editor, { verdictId: draft.verdictId, expectedVersion: draft.version });
  await reviewVerdict(reviewer, { verdictId: draft.verdictId, revisionId: submitted.revisionId, decision: "approve" });
  return { claimId: claim.id, verdictId: draft.verdictId, revisionId: submitted.revisionId };
}

describe("public page changes", () => {
  it("a publication names its page, its first revision and the lists of publications", async () => {
    const verdict = await approvedVerdict();
    let published: Awaited<ReturnType<typeof publishVerdict>> | undefined;
    const paths = await heardAfter(async () => {
      published = await publishVerdict(reviewer, { verdictId: verdict.verdictId, revisionId: verdict.revisionId });
      return `/fact-checks/${published.slug}`;
    });
    if (!published) throw new Error("not published");
    expect(paths).toEqual(expect.arrayContaining(["/", "/search", "/feed.xml", "/sitemap.xml", `/fact-checks/${published.slug}/revisions/1`]));
    expect(published.changedPages.sort()).toEqual([...paths].sort());
  });

  it("a refused publication names nothing", async () => {
    const verdict = await approvedVerdict();
    await publishVerdict(reviewer, { verdictId: verdict.verdictId, revisionId: verdict.revisionId });
    const before = await db.publicPageChange.count();
    await expectDomainError(publishVerdict(reviewer, { verdictId: verdict.verdictId, revisionId: verdict.revisionId }), "illegal_transition");
    expect(await db.publicPageChange.count()).toBe(before);
  });

  it("workbench writes on published claims name no page: readers see the approved snapshots until the next publication", async () => {
    const [a, b] = [await approvedVerdict(), await approvedVerdict()];
    await publishVerdict(reviewer, { verdictId: a.verdictId, revisionId: a.revisionId });
    await heardAfter(async () => `/fact-checks/${(await publishVerdict(reviewer, { verdictId: b.verdictId, revisionId: b.revisionId })).slug}`);
    const before = await db.publicPageChange.count();
    await relateClaims(editor, { type: "supports", fromClaimId: a.claimId, toClaimId: b.claimId, rationale: "Same talks, same week." });
    const claim = await db.claim.findUniqueOrThrow({ where: { id: a.claimId } });
    await updateClaim(editor, { ...claim, claimId: claim.id, expectedVersion: claim.version, statement: `${claim.statement} (reworded)`, claimedAt: undefined, claimantSameAs: undefined });
    expect(await db.publicPageChange.count()).toBe(before);
  });
});
