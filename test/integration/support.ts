// Shared helpers of the integration tests. Every file runs against one real PostgreSQL database that
// all integration files share (DATABASE_URL, made and migrated by the test run), so each helper makes
// data with unique values and nothing here assumes a table is empty.
import { randomBytes } from "node:crypto";
import { expect } from "vitest";
import { getDb, type Tx } from "@/lib/db";
import { DomainError, postgresCode, type DomainErrorCode } from "@/lib/errors";
import type { Actor } from "@/lib/auth/actor";
import { loadActor } from "@/lib/auth/load-actor";
import type { Role, UserStatus } from "@/lib/generated/prisma/enums";
import { ensureUser } from "@/lib/users/ensure-user";
import { importArticle } from "@/lib/articles/import-article";
import { createClaim, type ClaimInput } from "@/lib/claims/create-claim";
import { saveVerdictDraft } from "@/lib/verdicts/save-verdict-draft";
import { submitVerdict } from "@/lib/verdicts/submit-verdict";
import { reviewVerdict } from "@/lib/verdicts/review-verdict";
import { publishVerdict } from "@/lib/publishing/publish-verdict";
import { takeFactCheckSnapshot } from "@/lib/publishing/take-fact-check-snapshot";

export const TEST_PASSWORD = "correct horse battery staple";

/** A short random token that keeps emails, texts and statements of one test apart from all others. */
export function unique(): string {
  return randomBytes(6).toString("hex");
}

export function requestId(): string {
  return `test-${unique()}`;
}

export type Account = { actor: Actor; email: string; password: string };

/** A user created the way the seed creates one (ensureUser), with a unique email. */
export async function makeAccount(role: Role, status: UserStatus = "active"): Promise<Account> {
  const email = `${role}-${unique()}@test.claimwork.example`;
  const { id } = await ensureUser({ email, name: `Test ${role} ${unique()}`, role, password: TEST_PASSWORD });
  if (status === "disabled") {
    const user = await getDb().user.update({ where: { id }, data: { status: "disabled" } });
    // loadActor refuses disabled users, so the actor object a stale session would still carry is built here.
    return {
      actor: { id: user.id, email: user.email, name: user.name, role: user.role, status: "disabled", requestId: requestId() },
      email,
      password: TEST_PASSWORD,
    };
  }
  const actor = await loadActor(id, requestId());
  if (!actor) throw new Error(`loadActor returned null for the new ${role} ${email}`);
  return { actor, email, password: TEST_PASSWORD };
}

/** The actor of a new user with this role (and status). */
export async function makeUser(role: Role, status: UserStatus = "active"): Promise<Actor> {
  return (await makeAccount(role, status)).actor;
}

export async function auditCount(): Promise<number> {
  return getDb().auditEvent.count();
}

export const TABLES = [
  "users",
  "sign_in_attempts",
  "articles",
  "article_revisions",
  "claims",
  "passages",
  "claim_relations",
  "relation_passages",
  "verdicts",
  "verdict_revisions",
  "verdict_revision_authors",
  "fact_check_snapshots",
  "reviews",
  "public_page_changes",
  "publications",
  "published_search",
  "corrections",
  "source_change_items",
  "source_change_passages",
  "audit_events",
  "user_sessions",
  "account_links",
  "exchange_imports",
  "external_fact_checks",
  "rating_mappings",
  "imported_publications",
  "discussion_threads",
  "comments",
  "claim_assignments",
  "verdict_assignments",
  "notifications",
] as const;
export type Table = (typeof TABLES)[number];
/**
 * Tables left out of the counts: a workbench_changes row goes with every audit row of a workbench
 * record (audit_events counts those writes), and live_presence follows open pages, not use cases.
 */
export const UNCOUNTED_TABLES = ["workbench_changes", "live_presence"] as const;
export type TableCounts = Record<Table, number>;

/** Row counts of every table, read in one statement. */
export async function tableCounts(): Promise<TableCounts> {
  const columns = TABLES.map((table) => `(SELECT count(*) FROM "${table}")::int AS "${table}"`).join(", ");
  const [row] = await getDb().$queryRawUnsafe<TableCounts[]>(`SELECT ${columns}`);
  if (!row) throw new Error("no counts");
  return row;
}

/** Runs work and returns what each table gained meanwhile (only the tables that changed). */
export async function rowsWrittenBy(work: () => Promise<unknown>): Promise<Partial<TableCounts>> {
  const before = await tableCounts();
  await work();
  const after = await tableCounts();
  const changed: Partial<TableCounts> = {};
  for (const table of TABLES) {
    if (after[table] !== before[table]) changed[table] = after[table] - before[table];
  }
  return changed;
}

/** Asserts that the promise rejects with a DomainError of this code, and returns it. */
export async function expectDomainError(promise: Promise<unknown>, code: DomainErrorCode): Promise<DomainError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error, `expected a DomainError "${code}", but the call succeeded`).toBeDefined();
  expect(error).toBeInstanceOf(DomainError);
  expect(error).toMatchObject({ code });
  return error as DomainError;
}

/**
 * Asserts that the call is refused with a DomainError of this code and that no row of any table
 * (audit_events included) was written. Returns the error for further checks.
 */
export async function expectRefusedWithoutWrites(
  call: () => Promise<unknown>,
  code: DomainErrorCode,
): Promise<DomainError> {
  let error: DomainError | undefined;
  const written = await rowsWrittenBy(async () => {
    error = await expectDomainError(call(), code);
  });
  expect(written).toEqual({});
  return error!;
}

/**
 * Gives verdict revisions written row by row the snapshot that submitting them would have taken
 * (the database refuses to publish a revision without one).
 */
export async function snapshotRevisions(tx: Tx, revisionIds: string[]): Promise<void> {
  const revisions = await tx.verdictRevision.findMany({ where: { id: { in: revisionIds } }, include: { verdict: { select: { claimId: true } } } });
  for (const revision of revisions) {
    const content = await takeFactCheckSnapshot(tx, revision.verdict.claimId);
    await tx.factCheckSnapshot.create({ data: { verdictRevisionId: revision.id, content } });
  }
}

class RolledBack extends Error {}

/**
 * Runs raw SQL (or Prisma calls) in a transaction that is always rolled back, and returns the
 * PostgreSQL error code the database refused it with. Rolling back keeps the shared database intact
 * even when the database wrongly accepts the statement (e.g. a TRUNCATE of the audit log).
 */
export async function databaseRefusal(work: (tx: Tx) => Promise<unknown>): Promise<{ code: string | undefined; message: string }> {
  try {
    await getDb().$transaction(async (tx) => {
      await work(tx);
      throw new RolledBack();
    });
  } catch (error) {
    if (error instanceof RolledBack) return { code: "accepted", message: "the database accepted the statement" };
    return { code: postgresCode(error), message: error instanceof Error ? error.message : String(error) };
  }
  throw new Error("unreachable");
}

/** A small plain-text article with a unique sentence, imported through the use case. */
export async function importSmallArticle(
  actor: Actor,
  options: { body?: string; title?: string } = {},
): Promise<{ articleId: string; revisionId: string; text: string; token: string }> {
  const token = unique();
  const title = options.title ?? `Test headline ${token}`;
  const body =
    options.body ??
    `The minister said on Tuesday that talks with the neighbouring government had his full approval, reference ${token}. ` +
      "Opposition leaders disputed that account and said the talks were only about a transition. " +
      "Officials in both capitals declined to say who had authorised the meetings.";
  const bytes = new TextEncoder().encode(`${title}\n\n${body}\n`);
  const result = await importArticle(actor, { bytes, mediaType: "text/plain", details: { language: "en" } });
  if (result.status !== "imported") throw new Error("the unique test article was reported as a duplicate");
  const revision = await getDb().articleRevision.findUniqueOrThrow({ where: { id: result.revisionId } });
  return { articleId: result.articleId, revisionId: result.revisionId, text: revision.text, token };
}

/** A claim with a unique statement, created through the use case. */
export async function makeClaim(actor: Actor, overrides: Partial<ClaimInput> = {}): Promise<{ id: string; statement: string }> {
  const statement = overrides.statement ?? `The talks had the minister's approval ${unique()}`;
  const { id } = await createClaim(actor, { claimant: "A test minister", language: "en", tags: ["test"], ...overrides, statement });
  return { id, statement };
}

/** A complete verdict content, valid for submission. */
export function verdictContent(label = unique()) {
  return {
    rating: "mixed" as const,
    headline: `Partly supported (${label})`.slice(0, 74),
    summary: `Both sides confirm the talks; the approval is disputed (${label}).`,
    explanation: `The minister's office confirmed the talks. Nothing shows who approved them (${label}).`,
  };
}

export type VerdictState = "draft" | "in_review" | "approved" | "published" | "correction_approved";

/**
 * A verdict brought through the use cases to the state a test needs. "correction_approved": published,
 * then edited, resubmitted and approved again, so that publishing it is a correction.
 */
export async function verdictIn(state: VerdictState, people: { author: Actor; reviewer: Actor }) {
  const { author, reviewer } = people;
  const versionOf = async (verdictId: string) => (await getDb().verdict.findUniqueOrThrow({ where: { id: verdictId } })).version;
  const claim = await makeClaim(author);
  const draft = await saveVerdictDraft(author, { claimId: claim.id, expectedVersion: null, ...verdictContent() });
  const verdictId = draft.verdictId;
  if (state === "draft") return { claimId: claim.id, verdictId, version: draft.version, revisionId: undefined };
  const submitted = await submitVerdict(author, { verdictId, expectedVersion: draft.version });
  if (state === "in_review") return { claimId: claim.id, verdictId, version: submitted.version, revisionId: submitted.revisionId };
  await reviewVerdict(reviewer, { verdictId, revisionId: submitted.revisionId, decision: "approve" });
  if (state === "approved") return { claimId: claim.id, verdictId, version: await versionOf(verdictId), revisionId: submitted.revisionId };
  await publishVerdict(reviewer, { verdictId, revisionId: submitted.revisionId });
  if (state === "published") return { claimId: claim.id, verdictId, version: await versionOf(verdictId), revisionId: submitted.revisionId };
  const edited = await saveVerdictDraft(author, { claimId: claim.id, expectedVersion: await versionOf(verdictId), ...verdictContent() });
  const resubmitted = await submitVerdict(author, { verdictId, expectedVersion: edited.version });
  await reviewVerdict(reviewer, { verdictId, revisionId: resubmitted.revisionId, decision: "approve" });
  return { claimId: claim.id, verdictId, version: await versionOf(verdictId), revisionId: resubmitted.revisionId };
}

/** Publishes a first verdict on this claim through the use cases (draft, submit, approve, publish). */
export async function publishClaim(claimId: string, people: { author: Actor; reviewer: Actor }) {
  const draft = await saveVerdictDraft(people.author, { claimId, expectedVersion: null, ...verdictContent() });
  const submitted = await submitVerdict(people.author, { verdictId: draft.verdictId, expectedVersion: draft.version });
  await reviewVerdict(people.reviewer, { verdictId: draft.verdictId, revisionId: submitted.revisionId, decision: "approve" });
  return publishVerdict(people.reviewer, { verdictId: draft.verdictId, revisionId: submitted.revisionId });
}
