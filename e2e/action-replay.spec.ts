import { expect, test } from "@playwright/test";
import { can, type Action } from "@/lib/auth/permissions";
import { allServerActions, callServerAction, signOut } from "@/scripts/lib/workbench-client";
import { ACTIONS, actionKey as key, serverAction, sessionOf as signedIn } from "./support/actions";
import { createUser, db, snapshot, userRole, type TestUser } from "./support/database";

// Every server action of the build, replayed by a direct POST the way an attacker with curl would:
// without a session, with the session of a role that may not call it, with a cookie kept from before
// its owner signed out, and with a cookie of a user an admin has since disabled. Each call must be
// refused with a clear error and write nothing at all. The actions come from the build's manifest, so
// a new action fails this test until it is given a row below.

type Role = "editor" | "reviewer" | "admin";
const ROLES: readonly Role[] = ["editor", "reviewer", "admin"];

/** Real records of the seeded database, so that a call the server wrongly let through would change them. */
type Records = {
  target: TestUser;
  claim: { id: string; version: number };
  otherClaimId: string;
  verdict: { id: string; version: number; revisionId: string };
  passage: { id: string; start: number; end: number; exact: string; articleRevisionId: string };
  relationId: string;
  article: { id: string; version: number };
};

type Expectation = { permission: Action; args: (records: Records) => unknown };

// Keyed by "<file>#<exported name>". Arguments are valid for the action's schema: a refusal must come
// from the session or the permission, never from bad input.
const EXPECTED: Record<string, Expectation> = {
  "app/workbench/users/actions.ts#changeUserRoleAction": {
    permission: "users.manage",
    args: (r) => ({ userId: r.target.id, role: "admin" }),
  },
  "app/workbench/users/actions.ts#setUserStatusAction": {
    permission: "users.manage",
    args: (r) => ({ userId: r.target.id, status: "disabled" }),
  },
  "app/workbench/users/actions.ts#inviteUserAction": {
    permission: "users.manage",
    args: () => ({ email: "replayed-invitation@e2e.claimwork.example", name: "Replayed", role: "admin" }),
  },
  "app/workbench/users/actions.ts#createResetLinkAction": {
    permission: "users.manage",
    args: (r) => ({ userId: r.target.id }),
  },
  "app/workbench/account/actions.ts#changePasswordAction": {
    permission: "account.update",
    args: (r) => ({ currentPassword: r.target.password, newPassword: "a replayed new password", confirmation: "a replayed new password" }),
  },
  "app/workbench/account/actions.ts#setInterfaceLanguageAction": { permission: "account.update", args: () => ({ language: "fr" }) },
  "app/workbench/articles/[id]/actions.ts#createClaimAction": {
    permission: "claims.write",
    args: () => ({ statement: "A claim planted by a replayed request", claimant: "Nobody", language: "en" }),
  },
  "app/workbench/articles/[id]/actions.ts#addPassageAction": {
    permission: "claims.write",
    args: (r) => ({ claimId: r.otherClaimId, articleRevisionId: r.passage.articleRevisionId, start: r.passage.start, end: r.passage.end, exact: r.passage.exact }),
  },
  "app/workbench/articles/[id]/actions.ts#confirmPassageAction": {
    permission: "claims.write",
    args: (r) => ({ passageId: r.passage.id }),
  },
  "app/workbench/articles/[id]/actions.ts#reattachPassageAction": {
    permission: "claims.write",
    args: (r) => ({ passageId: r.passage.id, start: r.passage.start, end: r.passage.end, exact: r.passage.exact }),
  },
  "app/workbench/articles/[id]/actions.ts#removePassageAction": {
    permission: "claims.write",
    args: (r) => ({ passageId: r.passage.id }),
  },
  "app/workbench/articles/[id]/actions.ts#findClaimsAction": { permission: "claims.read", args: () => ({ q: "venezuela" }) },
  "app/workbench/articles/[id]/actions.ts#updateArticleDetailsAction": {
    permission: "articles.write",
    args: (r) => ({ articleId: r.article.id, expectedVersion: r.article.version, title: "Retitled by a replayed request", language: "en" }),
  },
  "app/workbench/claims/[id]/actions.ts#findClaimsAction": { permission: "claims.read", args: () => ({ q: "venezuela" }) },
  "app/workbench/claims/[id]/actions.ts#claimPassagesAction": { permission: "claims.read", args: (r) => ({ claimId: r.claim.id }) },
  "app/workbench/claims/[id]/actions.ts#updateClaimAction": {
    permission: "claims.write",
    args: (r) => ({ claimId: r.claim.id, expectedVersion: r.claim.version, statement: "Rewritten by a replayed request", claimant: "Nobody", language: "en", tags: [] }),
  },
  "app/workbench/claims/[id]/actions.ts#relateClaimsAction": {
    permission: "relations.write",
    args: (r) => ({ type: "supports", fromClaimId: r.otherClaimId, toClaimId: r.claim.id, rationale: "planted by a replayed request" }),
  },
  "app/workbench/claims/[id]/actions.ts#removeRelationAction": {
    permission: "relations.write",
    args: (r) => ({ relationId: r.relationId }),
  },
  "app/workbench/claims/[id]/verdict/actions.ts#saveVerdictDraftAction": {
    permission: "verdicts.draft",
    args: (r) => ({ claimId: r.claim.id, expectedVersion: r.verdict.version, rating: "false", headline: "Replayed", summary: "Replayed", explanation: "Replayed" }),
  },
  "app/workbench/claims/[id]/verdict/actions.ts#submitVerdictAction": {
    permission: "verdicts.submit",
    args: (r) => ({ verdictId: r.verdict.id, expectedVersion: r.verdict.version }),
  },
  "app/workbench/review/actions.ts#reviewVerdictAction": {
    permission: "verdicts.review",
    args: (r) => ({ verdictId: r.verdict.id, revisionId: r.verdict.revisionId, decision: "request_changes", comment: "replayed" }),
  },
  "app/workbench/review/actions.ts#publishVerdictAction": {
    permission: "verdicts.publish",
    args: (r) => ({ verdictId: r.verdict.id, revisionId: r.verdict.revisionId, correction: { whatChanged: "replayed", why: "replayed" } }),
  },
  "app/workbench/_discussion/actions.ts#postCommentAction": {
    permission: "discussion.write",
    args: (r) => ({ claimId: r.claim.id, body: `A replayed comment @${r.target.name}` }),
  },
  // No thread exists in the seed: a call wrongly let through would answer "not_found", not the refusal expected.
  "app/workbench/_discussion/actions.ts#setThreadResolvedAction": {
    permission: "discussion.write",
    args: () => ({ threadId: "00000000-0000-4000-8000-000000000000", expectedVersion: 1, resolved: true }),
  },
  "app/workbench/_assignments/actions.ts#assignClaimAction": {
    permission: "assignments.write",
    args: (r) => ({ claimId: r.claim.id, assigneeId: r.target.id }),
  },
  "app/workbench/_assignments/actions.ts#assignVerdictReviewerAction": {
    permission: "assignments.write",
    args: (r) => ({ verdictId: r.verdict.id, assigneeId: null }),
  },
  "app/workbench/inbox/actions.ts#markNotificationsReadAction": { permission: "notifications.read", args: () => ({ all: true }) },
  "app/workbench/claims/actions.ts#tagClaimsAction": {
    permission: "claims.write",
    args: (r) => ({ claimIds: [r.claim.id, r.otherClaimId], tags: "replayed" }),
  },
  "app/workbench/claims/actions.ts#assignClaimsAction": {
    permission: "assignments.write",
    args: (r) => ({ claimIds: [r.claim.id, r.otherClaimId], assigneeId: r.target.id }),
  },
  "app/workbench/claims/actions.ts#relateClaimsToOneAction": {
    permission: "relations.write",
    args: (r) => ({ claimIds: [r.otherClaimId], toClaimId: r.claim.id, type: "contradicts", rationale: "planted by a replayed request" }),
  },
  // The seed has no source-change item: a call wrongly let through would answer "not_found", not the refusal expected.
  // A seeded default mapping ("false" -> False) at its version 1: a call wrongly let through would change it.
  "app/workbench/exchange/ratings/actions.ts#saveRatingMappingAction": {
    permission: "exchange.map_ratings",
    args: () => ({ ratingText: "False", rating: "true", expectedVersion: 1 }),
  },
  "app/workbench/sources/actions.ts#resolveSourceChangeAction": {
    permission: "verdicts.review",
    args: () => ({ itemId: "00000000-0000-4000-8000-000000000000", expectedVersion: 1, note: "replayed confirmation" }),
  },
};

// Actions that need no session because their input is the proof (an account link's token); the
// accounts spec and the integration tests cover them.
const PUBLIC = ["app/account/link/[token]/actions.ts#redeemAccountLinkAction"];

const distDir = process.env.NEXT_DIST_DIR || ".next";

async function one<T extends object>(sql: string): Promise<T> {
  const row = (await db().query<T>(sql)).rows[0];
  if (!row) throw new Error(`the seeded database has no row for: ${sql}`);
  return row;
}

async function loadRecords(target: TestUser): Promise<Records> {
  const verdict = await one<{ id: string; version: number; revision_id: string; claim_id: string; claim_version: number }>(
    `SELECT v.id, v.version, v.current_revision_id AS revision_id, c.id AS claim_id, c.version AS claim_version
       FROM verdicts v JOIN claims c ON c.id = v.claim_id WHERE v.current_revision_id IS NOT NULL ORDER BY v.created_at LIMIT 1`,
  );
  const other = await one<{ id: string }>(`SELECT id FROM claims WHERE id <> '${verdict.claim_id}' ORDER BY created_at LIMIT 1`);
  const passage = await one<{ id: string; start: number; end: number; exact: string; article_revision_id: string }>(
    `SELECT id, start, "end", exact, article_revision_id FROM passages WHERE start IS NOT NULL ORDER BY created_at LIMIT 1`,
  );
  const relation = await one<{ id: string }>(`SELECT id FROM claim_relations ORDER BY created_at LIMIT 1`);
  const article = await one<{ id: string; version: number }>(`SELECT id, version FROM articles WHERE deleted_at IS NULL ORDER BY created_at LIMIT 1`);
  return {
    target,
    claim: { id: verdict.claim_id, version: verdict.claim_version },
    otherClaimId: other.id,
    verdict: { id: verdict.id, version: verdict.version, revisionId: verdict.revision_id },
    passage: { id: passage.id, start: passage.start, end: passage.end, exact: passage.exact, articleRevisionId: passage.article_revision_id },
    relationId: relation.id,
    article: { id: article.id, version: article.version },
  };
}

test("the expectation table names every server action of the build, and no other", () => {
  const actions = allServerActions(distDir);
  expect(actions.length).toBeGreaterThan(0);
  expect(actions.map(key).sort(), "a server action without a row in EXPECTED (or a row for an action that is gone)").toEqual(
    [...Object.keys(EXPECTED), ...PUBLIC].sort(),
  );
});

test("every server action replayed without a session, with another role's, a signed-out or a disabled user's session is refused and writes nothing", { lock: "-exclusive-" }, async ({ baseURL }) => {
  test.setTimeout(300_000);
  const baseUrl = baseURL!;
  const actions = allServerActions(distDir).filter((action) => !PUBLIC.includes(key(action)));
  const records = await loadRecords(await createUser("editor", "target"));

  // A live session per role, and per role a session whose owner signed out and one whose owner an admin disabled.
  const admin = await createUser("admin", "admin");
  const adminCookie = await signedIn(baseUrl, admin);
  const live = {} as Record<Role, string>;
  const signedOut = {} as Record<Role, string>;
  const disabled = {} as Record<Role, string>;
  for (const role of ROLES) {
    live[role] = await signedIn(baseUrl, await createUser(role, `live-${role}`));
    const leaving = await createUser(role, `leaving-${role}`);
    signedOut[role] = await signedIn(baseUrl, leaving);
    expect(await signOut(baseUrl, signedOut[role])).toBeLessThan(400);
    const banned = await createUser(role, `disabled-${role}`);
    disabled[role] = await signedIn(baseUrl, banned);
    const disabling = await callServerAction(baseUrl, serverAction(ACTIONS.setUserStatus), [{ userId: banned.id, status: "disabled" }], { cookie: adminCookie });
    expect(disabling.result).toMatchObject({ ok: true });
    expect((await userRole(banned.id)).status).toBe("disabled");
  }

  type Replay = { action: string; session: string; cookie: string | null; expectedCode: "unauthenticated" | "forbidden" };
  const replays: Replay[] = [];
  for (const action of actions) {
    const { permission } = EXPECTED[key(action)]!;
    const allowed = ROLES.filter((role) => can({ role, status: "active" }, permission));
    expect(allowed.length, `${key(action)}: some role may call it`).toBeGreaterThan(0);
    replays.push({ action: key(action), session: "none", cookie: null, expectedCode: "unauthenticated" });
    for (const role of ROLES.filter((role) => !allowed.includes(role))) {
      replays.push({ action: key(action), session: `${role} (not allowed)`, cookie: live[role], expectedCode: "forbidden" });
    }
    for (const role of allowed) {
      replays.push({ action: key(action), session: `${role}, signed out`, cookie: signedOut[role], expectedCode: "unauthenticated" });
      replays.push({ action: key(action), session: `${role}, disabled`, cookie: disabled[role], expectedCode: "unauthenticated" });
    }
  }

  const accepted: string[] = [];
  for (const replay of replays) {
    const action = serverAction(replay.action);
    const before = await snapshot();
    const reply = await callServerAction(baseUrl, action, [EXPECTED[replay.action]!.args(records)], { cookie: replay.cookie });
    const label = `${replay.action} as ${replay.session}`;
    expect(reply.status, label).toBeLessThan(500);
    const result = reply.result as { ok?: boolean; error?: { code?: string; message?: string } } | undefined;
    if (result?.ok !== false) accepted.push(label);
    expect(result?.error?.code, label).toBe(replay.expectedCode);
    expect(result?.error?.message, label).toMatch(replay.expectedCode === "forbidden" ? /not allowed/ : /sign in/i);
    expect(await snapshot(), `${label}: nothing written`).toEqual(before);
  }
  console.log(`action replay: ${actions.length} actions, ${replays.length} replays, ${accepted.length} accepted`);
  expect(accepted).toEqual([]);
});
