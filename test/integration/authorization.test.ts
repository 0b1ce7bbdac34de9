// Every write use case checks the actor's permission before it touches anything: a role without the
// permission, or a disabled account, is refused with "forbidden" and nothing is written (no row, no
// audit row). Each refusal is paired with the same call by a permitted actor, which succeeds, so the
// refusal is known to come from the role and not from a bad input.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { importArticle } from "@/lib/articles/import-article";
import { createClaim } from "@/lib/claims/create-claim";
import { addPassage } from "@/lib/claims/add-passage";
import { relateClaims } from "@/lib/relations/relate-claims";
import { saveVerdictDraft } from "@/lib/verdicts/save-verdict-draft";
import { submitVerdict } from "@/lib/verdicts/submit-verdict";
import { reviewVerdict } from "@/lib/verdicts/review-verdict";
import { publishVerdict } from "@/lib/publishing/publish-verdict";
import { changeUserRole } from "@/lib/users/change-user-role";
import { setUserStatus } from "@/lib/users/set-user-status";
import {
  expectRefusedWithoutWrites,
  importSmallArticle,
  makeClaim,
  makeUser,
  rowsWrittenBy,
  unique,
  verdictContent,
} from "@/test/integration/support";

const db = getDb();

afterAll(async () => {
  await db.$disconnect();
});

let editor: Actor;
let reviewer: Actor;
let otherReviewer: Actor;
let admin: Actor;
let disabledEditor: Actor;
let disabledReviewer: Actor;
let disabledAdmin: Actor;

beforeAll(async () => {
  editor = await makeUser("editor");
  reviewer = await makeUser("reviewer");
  otherReviewer = await makeUser("reviewer");
  admin = await makeUser("admin");
  disabledEditor = await makeUser("editor", "disabled");
  disabledReviewer = await makeUser("reviewer", "disabled");
  disabledAdmin = await makeUser("admin", "disabled");
});

/** The refused call writes nothing; the same call by a permitted actor then succeeds. */
async function refusedThenAllowed<T>(
  refused: Actor[],
  allowed: Actor,
  call: (actor: Actor) => Promise<T>,
): Promise<T> {
  for (const actor of refused) await expectRefusedWithoutWrites(() => call(actor), "forbidden");
  return call(allowed);
}

const articleBytes = () => new TextEncoder().encode(`Authorization test ${unique()}\n\nA short article body about a minister and some talks.\n`);

describe("write use cases refuse actors without the permission", () => {
  it("importArticle: admins cannot import articles", async () => {
    const bytes = articleBytes();
    let result: Awaited<ReturnType<typeof importArticle>> | undefined;
    const written = await rowsWrittenBy(async () => {
      result = await refusedThenAllowed([admin, disabledEditor], editor, (actor) => importArticle(actor, { bytes, mediaType: "text/plain" }));
    });
    expect(result).toMatchObject({ status: "imported" });
    expect(written).toEqual({ articles: 1, article_revisions: 1, audit_events: 1 });
  });

  it("createClaim: admins cannot create claims", async () => {
    const input = { statement: `An authorization claim ${unique()}`, claimant: "Someone", language: "en" };
    const created = await refusedThenAllowed([admin, disabledEditor, disabledReviewer], editor, (actor) => createClaim(actor, input));
    expect(await db.claim.count({ where: { statement: input.statement } })).toBe(1);
    expect(await db.claim.findUniqueOrThrow({ where: { id: created.id } })).toMatchObject({ createdById: editor.id });
  });

  it("addPassage: admins cannot anchor passages", async () => {
    const article = await importSmallArticle(editor);
    const claim = await makeClaim(editor);
    const start = article.text.indexOf("talks with");
    const input = { claimId: claim.id, articleRevisionId: article.revisionId, start, end: start + "talks with".length, exact: "talks with" };
    await refusedThenAllowed([admin, disabledEditor], reviewer, (actor) => addPassage(actor, input));
    expect(await db.passage.count({ where: { claimId: claim.id } })).toBe(1);
  });

  it("relateClaims: admins cannot link claims", async () => {
    const [from, to] = [await makeClaim(editor), await makeClaim(editor)];
    const input = { type: "contradicts" as const, fromClaimId: from.id, toClaimId: to.id, rationale: "They say opposite things." };
    await refusedThenAllowed([admin, disabledReviewer], editor, (actor) => relateClaims(actor, input));
    expect(await db.claimRelation.count({ where: { fromClaimId: from.id } })).toBe(1);
  });

  it("saveVerdictDraft: admins cannot draft verdicts", async () => {
    const claim = await makeClaim(editor);
    const input = { claimId: claim.id, expectedVersion: null, ...verdictContent() };
    await refusedThenAllowed([admin, disabledEditor], editor, (actor) => saveVerdictDraft(actor, input));
    expect(await db.verdict.count({ where: { claimId: claim.id } })).toBe(1);
  });

  it("submitVerdict: admins cannot submit verdicts", async () => {
    const claim = await makeClaim(editor);
    const draft = await saveVerdictDraft(editor, { claimId: claim.id, expectedVersion: null, ...verdictContent() });
    const input = { verdictId: draft.verdictId, expectedVersion: draft.version };
    await refusedThenAllowed([admin, disabledEditor], editor, (actor) => submitVerdict(actor, input));
    expect(await db.verdict.findUniqueOrThrow({ where: { id: draft.verdictId } })).toMatchObject({ status: "in_review" });
  });

  it("reviewVerdict: editors and admins cannot review", async () => {
    const claim = await makeClaim(editor);
    const draft = await saveVerdictDraft(editor, { claimId: claim.id, expectedVersion: null, ...verdictContent() });
    const submitted = await submitVerdict(editor, { verdictId: draft.verdictId, expectedVersion: draft.version });
    const otherEditor = await makeUser("editor");
    const input = { verdictId: draft.verdictId, revisionId: submitted.revisionId, decision: "approve" as const };
    await refusedThenAllowed([otherEditor, admin, disabledReviewer], reviewer, (actor) => reviewVerdict(actor, input));
    expect(await db.review.count({ where: { verdictRevisionId: submitted.revisionId } })).toBe(1);
  });

  it("publishVerdict: editors and admins cannot publish", async () => {
    const claim = await makeClaim(editor);
    const draft = await saveVerdictDraft(editor, { claimId: claim.id, expectedVersion: null, ...verdictContent() });
    const submitted = await submitVerdict(editor, { verdictId: draft.verdictId, expectedVersion: draft.version });
    await reviewVerdict(reviewer, { verdictId: draft.verdictId, revisionId: submitted.revisionId, decision: "approve" });
    const input = { verdictId: draft.verdictId, revisionId: submitted.revisionId };
    // The author of the verdict, an editor, cannot publish it either.
    await refusedThenAllowed([editor, admin, disabledReviewer], otherReviewer, (actor) => publishVerdict(actor, input));
    expect(await db.publication.count({ where: { verdictId: draft.verdictId } })).toBe(1);
  });

  it("changeUserRole: editors and reviewers cannot change roles, not even to promote themselves", async () => {
    const target = await makeUser("editor");
    await refusedThenAllowed([editor, reviewer, disabledAdmin], admin, (actor) => changeUserRole(actor, { userId: target.id, role: "reviewer" }));
    await expectRefusedWithoutWrites(() => changeUserRole(editor, { userId: editor.id, role: "admin" }), "forbidden");
    expect((await db.user.findUniqueOrThrow({ where: { id: target.id } })).role).toBe("reviewer");
    expect((await db.user.findUniqueOrThrow({ where: { id: editor.id } })).role).toBe("editor");
  });

  it("setUserStatus: editors and reviewers cannot disable accounts", async () => {
    const target = await makeUser("reviewer");
    await refusedThenAllowed([editor, reviewer, disabledAdmin], admin, (actor) => setUserStatus(actor, { userId: target.id, status: "disabled" }));
    expect((await db.user.findUniqueOrThrow({ where: { id: target.id } })).status).toBe("disabled");
  });
});

describe("actors that are not signed in or not active", () => {
  it("a disabled reviewer cannot approve, even with the reviewer role", async () => {
    const claim = await makeClaim(editor);
    const draft = await saveVerdictDraft(editor, { claimId: claim.id, expectedVersion: null, ...verdictContent() });
    const submitted = await submitVerdict(editor, { verdictId: draft.verdictId, expectedVersion: draft.version });
    await expectRefusedWithoutWrites(
      () => reviewVerdict(disabledReviewer, { verdictId: draft.verdictId, revisionId: submitted.revisionId, decision: "approve" }),
      "forbidden",
    );
    expect((await db.verdict.findUniqueOrThrow({ where: { id: draft.verdictId } })).status).toBe("in_review");
  });

  it("no actor at all is asked to sign in and nothing is written", async () => {
    const anonymous = null as unknown as Actor;
    await expectRefusedWithoutWrites(
      () => createClaim(anonymous, { statement: `Anonymous claim ${unique()}`, claimant: "Someone", language: "en" }),
      "unauthenticated",
    );
    await expectRefusedWithoutWrites(() => importArticle(anonymous, { bytes: articleBytes(), mediaType: "text/plain" }), "unauthenticated");
  });
});
