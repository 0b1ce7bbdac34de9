// Races on one verdict, each run 100 times: two use-case calls started together, each in its own
// transaction on its own pooled connection. Every round must end with exactly one effect (the
// winner's rows and one audit row, nothing else), the loser refused with a DomainError that says why,
// and the verdict in the state the winner left it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { DomainError, type DomainErrorCode } from "@/lib/errors";
import type { Actor } from "@/lib/auth/actor";
import type { AuditAction } from "@/lib/audit/record-audit-event";
import { saveVerdictDraft } from "@/lib/verdicts/save-verdict-draft";
import { reviewVerdict } from "@/lib/verdicts/review-verdict";
import { publishVerdict } from "@/lib/publishing/publish-verdict";
import { makeUser, rowsWrittenBy, snapshotRevisions, unique, verdictContent, type TableCounts } from "@/test/integration/support";

const db = getDb();
const ROUNDS = 100;

afterAll(async () => {
  await db.$disconnect();
});

let editor: Actor;
let reviewerA: Actor;
let reviewerB: Actor;

beforeAll(async () => {
  [editor, reviewerA, reviewerB] = await Promise.all([makeUser("editor"), makeUser("reviewer"), makeUser("reviewer")]);
});

type Fixture = { claimId: string; verdictId: string; version: number; revisionId: string };
type FixtureState = "in_review" | "approved" | "correction_approved";

interface Contender {
  actor: Actor;
  run: () => Promise<unknown>;
  /** What the call writes when it wins, besides its one audit row. */
  rows: Partial<TableCounts>;
  action: AuditAction;
  /** How the call must be refused when the other one won. */
  refusedWith: { code: DomainErrorCode; message: RegExp };
}

interface Race {
  state: FixtureState;
  contenders: (fixture: Fixture) => [Contender, Contender];
  /** Problems with the stored state after `winner` won, or [] when it is exactly the winner's effect. */
  verify: (fixture: Fixture, winner: 0 | 1) => Promise<string[]>;
}

const totals = { races: 0, doubleEffects: 0 };

/**
 * `count` verdicts in the state the use cases would leave them in (verdict-workflow.test.ts walks
 * those), made in a few statements so that the rounds, not their setup, take the time. The editor
 * wrote every revision and reviewer A approved it; "correction_approved" is published at revision 1
 * with revision 2 approved.
 */
async function fixtures(state: FixtureState, count: number): Promise<Fixture[]> {
  const marker = `Race fixture ${unique()}`;
  const revisions = state === "correction_approved" ? 2 : 1;
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`
      WITH made AS (
        INSERT INTO claims (statement, claimant, language, created_by_id, updated_at)
        SELECT ${marker} || ' number ' || n, 'A test minister', 'en', ${editor.id}::uuid, now() FROM generate_series(1, ${count}::int) AS n
        RETURNING id)
      INSERT INTO verdicts (claim_id, draft_rating, draft_headline, draft_summary, draft_explanation, created_by_id, updated_at)
      SELECT id, 'mixed', ${marker}, 'The approval is disputed.', 'Nothing shows who approved the talks.', ${editor.id}::uuid, now() FROM made`;
    for (let number = 1; number <= revisions; number++) {
      await tx.$executeRaw`
        INSERT INTO verdict_revisions (verdict_id, number, rating, headline, summary, explanation, author_id)
        SELECT id, ${number}::int, 'mixed', draft_headline, draft_summary, draft_explanation, ${editor.id}::uuid FROM verdicts WHERE draft_headline = ${marker}`;
      if (state === "in_review") continue;
      await tx.$executeRaw`
        INSERT INTO reviews (verdict_revision_id, reviewer_id, decision)
        SELECT r.id, ${reviewerA.id}::uuid, 'approve' FROM verdict_revisions r JOIN verdicts v ON v.id = r.verdict_id
         WHERE v.draft_headline = ${marker} AND r.number = ${number}::int`;
    }
    const made = await tx.$queryRaw<{ id: string }[]>`
      SELECT r.id::text AS id FROM verdict_revisions r JOIN verdicts v ON v.id = r.verdict_id WHERE v.draft_headline = ${marker}`;
    await snapshotRevisions(tx, made.map((row) => row.id));
    if (state === "correction_approved") {
      await tx.$executeRaw`
        INSERT INTO publications (verdict_id, slug, published_revision_id, published_by_id, updated_at)
        SELECT v.id, 'race-' || r.id, r.id, ${reviewerA.id}::uuid, now() FROM verdict_revisions r JOIN verdicts v ON v.id = r.verdict_id
         WHERE v.draft_headline = ${marker} AND r.number = 1`;
    }
    const status = state === "in_review" ? "in_review" : "approved";
    return tx.$queryRaw<Fixture[]>`
      UPDATE verdicts v SET status = ${status}::"VerdictStatus", current_revision_id = r.id, version = ${revisions * 3}::int
        FROM verdict_revisions r
       WHERE r.verdict_id = v.id AND v.draft_headline = ${marker} AND r.number = ${revisions}::int
      RETURNING v.claim_id::text AS "claimId", v.id::text AS "verdictId", v.version, r.id::text AS "revisionId"`;
    // A hundred snapshots take a few seconds on a loaded machine; the 5 s default is for the use cases.
  }, { timeout: 60_000 });
}

/** Runs the race ROUNDS times and returns every problem seen, each naming its round. */
async function runRace(race: Race): Promise<string[]> {
  const problems: string[] = [];
  for (const [index, fixture] of (await fixtures(race.state, ROUNDS)).entries()) {
    const round = `round ${index + 1}`;
    const contenders = race.contenders(fixture);
    let results: PromiseSettledResult<unknown>[] = [];
    const written = await rowsWrittenBy(async () => {
      results = await Promise.allSettled(contenders.map((contender) => contender.run()));
    });
    totals.races++;
    const winners = results.flatMap((result, i) => (result.status === "fulfilled" ? [i as 0 | 1] : []));
    if (winners.length !== 1) {
      if (winners.length === 2) totals.doubleEffects++;
      const reasons = results.map((result) => (result.status === "rejected" ? String(result.reason) : "succeeded"));
      problems.push(`${round}: ${winners.length} calls succeeded (${reasons.join(" / ")}); rows written ${JSON.stringify(written)}`);
      continue;
    }
    const winner = winners[0]!;
    const loser = (1 - winner) as 0 | 1;
    const won = contenders[winner];
    const lost = contenders[loser];
    const reason = (results[loser] as PromiseRejectedResult).reason as unknown;
    if (!(reason instanceof DomainError) || reason.code !== lost.refusedWith.code || !lost.refusedWith.message.test(reason.message)) {
      const shown = reason instanceof DomainError ? `${reason.code}: ${reason.message}` : String(reason);
      problems.push(`${round}: the loser was refused with "${shown}", expected ${lost.refusedWith.code} ${lost.refusedWith.message}`);
    }
    const expectedRows = { ...won.rows, audit_events: 1 };
    if (JSON.stringify(sorted(written)) !== JSON.stringify(sorted(expectedRows))) {
      if ((written.audit_events ?? 0) > 1) totals.doubleEffects++;
      problems.push(`${round}: wrote ${JSON.stringify(written)}, expected ${JSON.stringify(expectedRows)}`);
    }
    const audit = await db.auditEvent.findFirstOrThrow({ orderBy: { id: "desc" } });
    if (audit.action !== won.action || audit.actorId !== won.actor.id) {
      problems.push(`${round}: the newest audit row is ${audit.action} by ${audit.actorId}, expected ${won.action} by ${won.actor.id}`);
    }
    problems.push(...(await race.verify(fixture, winner)).map((problem) => `${round}: ${problem}`));
  }
  return problems;
}

function sorted(rows: Partial<TableCounts>): [string, number | undefined][] {
  return Object.entries(rows).sort(([a], [b]) => a.localeCompare(b));
}

/** Differences between what is stored and what is expected, field by field. */
function differences(label: string, actual: Record<string, unknown> | null, expected: Record<string, unknown>): string[] {
  if (!actual) return [`${label} is missing`];
  return Object.entries(expected)
    .filter(([key, value]) => actual[key] !== value)
    .map(([key, value]) => `${label}.${key} is ${JSON.stringify(actual[key])}, expected ${JSON.stringify(value)}`);
}

const approve = (actor: Actor, fixture: Fixture): Contender => ({
  actor,
  run: () => reviewVerdict(actor, { verdictId: fixture.verdictId, revisionId: fixture.revisionId, decision: "approve" }),
  rows: { reviews: 1, notifications: 1 },
  action: "verdict.approved",
  refusedWith: { code: "illegal_transition", message: /^This verdict is (approved|changes requested), not in review\.$/ },
});

const requestChanges = (actor: Actor, fixture: Fixture): Contender => ({
  actor,
  run: () =>
    reviewVerdict(actor, { verdictId: fixture.verdictId, revisionId: fixture.revisionId, decision: "request_changes", comment: "Add a source." }),
  rows: { reviews: 1, notifications: 1 },
  action: "verdict.changes_requested",
  refusedWith: { code: "illegal_transition", message: /^This verdict is approved, not in review\.$/ },
});

const publish = (actor: Actor, fixture: Fixture, correction?: { whatChanged: string; why: string }): Contender => ({
  actor,
  run: () => publishVerdict(actor, { verdictId: fixture.verdictId, revisionId: fixture.revisionId, correction }),
  // The author hears of it in their inbox.
  rows: correction ? { corrections: 1, public_page_changes: 1, notifications: 1 } : { publications: 1, published_search: 1, public_page_changes: 1, notifications: 1 },
  action: correction ? "verdict.corrected" : "verdict.published",
  refusedWith: { code: "illegal_transition", message: /^This revision is already published\.$/ },
});

const fix = (by: string) => ({ whatChanged: `The summary names a second source (${by}).`, why: `A reader sent it (${by}).` });

/** The one review of the fixture's revision, by the winner, and the verdict in the matching state. */
async function verifyReview(fixture: Fixture, winner: Contender, status: "approved" | "changes_requested"): Promise<string[]> {
  const [verdict, reviews] = await Promise.all([
    db.verdict.findUnique({ where: { id: fixture.verdictId } }),
    db.review.findMany({ where: { verdictRevisionId: fixture.revisionId } }),
  ]);
  return [
    ...differences("verdict", verdict, { status, currentRevisionId: fixture.revisionId, version: fixture.version + 1 }),
    ...(reviews.length === 1 ? differences("review", reviews[0]!, { reviewerId: winner.actor.id }) : [`${reviews.length} reviews`]),
  ];
}

describe(`verdict races (${ROUNDS} rounds each)`, () => {
  afterAll(() => {
    console.info(`verdict races: ${totals.races} races run, ${totals.doubleEffects} double effects seen`);
  });

  it("two reviewers approve the same revision: one approval", { timeout: 180_000 }, async () => {
    const problems = await runRace({
      state: "in_review",
      contenders: (fixture) => [approve(reviewerA, fixture), approve(reviewerB, fixture)],
      verify: (fixture, winner) => verifyReview(fixture, winner === 0 ? approve(reviewerA, fixture) : approve(reviewerB, fixture), "approved"),
    });
    expect(problems).toEqual([]);
  });

  it("one reviewer approves while another requests changes: one decision", { timeout: 180_000 }, async () => {
    const problems = await runRace({
      state: "in_review",
      contenders: (fixture) => [approve(reviewerA, fixture), requestChanges(reviewerB, fixture)],
      verify: (fixture, winner) =>
        winner === 0
          ? verifyReview(fixture, approve(reviewerA, fixture), "approved")
          : verifyReview(fixture, requestChanges(reviewerB, fixture), "changes_requested"),
    });
    expect(problems).toEqual([]);
  });

  it("two reviewers publish the same approved revision: one publication", { timeout: 180_000 }, async () => {
    const publishers = [reviewerA, reviewerB] as const;
    const problems = await runRace({
      state: "approved",
      contenders: (fixture) => [publish(reviewerA, fixture), publish(reviewerB, fixture)],
      verify: async (fixture, winner) => {
        const [verdict, publications] = await Promise.all([
          db.verdict.findUnique({ where: { id: fixture.verdictId } }),
          db.publication.findMany({ where: { verdictId: fixture.verdictId } }),
        ]);
        return [
          ...differences("verdict", verdict, { status: "published", version: fixture.version + 1 }),
          ...(publications.length === 1
            ? differences("publication", publications[0]!, { publishedRevisionId: fixture.revisionId, publishedById: publishers[winner].id })
            : [`${publications.length} publications`]),
        ];
      },
    });
    expect(problems).toEqual([]);
  });

  it("a reviewer publishes while the editor saves a new draft: either published as approved, or a draft and unpublished", { timeout: 180_000 }, async () => {
    const edits = new Map<string, ReturnType<typeof verdictContent>>();
    const problems = await runRace({
      state: "approved",
      contenders: (fixture) => {
        const edit = verdictContent(`edit ${fixture.verdictId}`);
        edits.set(fixture.verdictId, edit);
        return [
          { ...publish(reviewerA, fixture), refusedWith: { code: "illegal_transition", message: /^Only an approved verdict can be published; this one is draft\.$/ } },
          {
            actor: editor,
            run: () => saveVerdictDraft(editor, { claimId: fixture.claimId, expectedVersion: fixture.version, ...edit }),
            rows: {},
            action: "verdict.draft_saved",
            refusedWith: { code: "conflict", message: /^Someone else saved this verdict after you opened it\. Nothing of yours was saved/ },
          },
        ];
      },
      verify: async (fixture, winner) => {
        const edit = edits.get(fixture.verdictId)!;
        const [verdict, publications] = await Promise.all([
          db.verdict.findUnique({ where: { id: fixture.verdictId } }),
          db.publication.count({ where: { verdictId: fixture.verdictId } }),
        ]);
        if (winner === 0) {
          return [
            ...differences("verdict", verdict, { status: "published", currentRevisionId: fixture.revisionId, version: fixture.version + 1 }),
            ...(verdict?.draftHeadline === edit.headline ? ["the losing edit was saved"] : []),
            ...(publications === 1 ? [] : [`${publications} publications`]),
          ];
        }
        return [
          ...differences("verdict", verdict, { status: "draft", draftHeadline: edit.headline, version: fixture.version + 1 }),
          ...(publications === 0 ? [] : [`${publications} publications of a verdict that went back to draft`]),
        ];
      },
    });
    expect(problems).toEqual([]);
  });

  it("two reviewers publish the same correction: one correction", { timeout: 240_000 }, async () => {
    const publishers = [reviewerA, reviewerB] as const;
    const problems = await runRace({
      state: "correction_approved",
      contenders: (fixture) => [publish(reviewerA, fixture, fix("A")), publish(reviewerB, fixture, fix("B"))],
      verify: async (fixture, winner) => {
        const publication = await db.publication.findUnique({ where: { verdictId: fixture.verdictId }, include: { corrections: true, verdict: true } });
        if (!publication) return ["the publication is missing"];
        return [
          ...differences("verdict", publication.verdict, { status: "published", version: fixture.version + 1 }),
          ...differences("publication", publication, { publishedRevisionId: fixture.revisionId }),
          ...(publication.corrections.length === 1
            ? differences("correction", publication.corrections[0]!, {
                revisionId: fixture.revisionId,
                createdById: publishers[winner].id,
                whatChanged: fix(winner === 0 ? "A" : "B").whatChanged,
              })
            : [`${publication.corrections.length} corrections`]),
        ];
      },
    });
    expect(problems).toEqual([]);
  });
});
