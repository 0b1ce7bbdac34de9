// A publish that fails at any step leaves no trace: no publication, no correction, no audit row
// claiming it, the verdict unchanged and readers' data unchanged; and the next publish works.
// Failures are real database failures: a trigger (made by this test in the run's own database and
// dropped afterwards) that raises at one step, or the transaction's backend terminated mid-way.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { publishVerdict } from "@/lib/publishing/publish-verdict";
import { getPublishedFactCheck } from "@/lib/publishing/get-published-fact-check";
import { listFeedEntries } from "@/lib/publishing/list-feed-entries";
import { makeUser, rowsWrittenBy, tableCounts, verdictIn, type TableCounts } from "@/test/integration/support";

const db = getDb();
const FAIL = "claimwork_test_injected_failure";

let editor: Actor;
let reviewer: Actor;

beforeAll(async () => {
  [editor, reviewer] = await Promise.all([makeUser("editor"), makeUser("reviewer")]);
  await db.$executeRawUnsafe(`CREATE OR REPLACE FUNCTION "${FAIL}"() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN RAISE EXCEPTION 'injected failure: %', TG_ARGV[0]; END; $$`);
});

afterAll(async () => {
  await db.$executeRawUnsafe(`DROP FUNCTION IF EXISTS "${FAIL}"() CASCADE`);
  await db.$disconnect();
});

type Kind = "first publication" | "correction";
type Fixture = Awaited<ReturnType<typeof verdictIn>> & { kind: Kind; publicationId: string | undefined };

async function fixture(kind: Kind): Promise<Fixture> {
  const made = await verdictIn(kind === "first publication" ? "approved" : "correction_approved", { author: editor, reviewer });
  const publication = await db.publication.findUnique({ where: { verdictId: made.verdictId } });
  return { ...made, kind, publicationId: publication?.id };
}

const publish = (f: Fixture) =>
  publishVerdict(reviewer, {
    verdictId: f.verdictId,
    revisionId: f.revisionId!,
    correction: f.kind === "correction" ? { whatChanged: "The rating is now mixed.", why: "A second source came in." } : undefined,
  });

/** Everything a publish could change: the verdict with its publication and corrections, readers' view and feed, row counts. */
async function snapshot(f: Fixture) {
  const verdict = await db.verdict.findUniqueOrThrow({
    where: { id: f.verdictId },
    include: { publication: { include: { corrections: true } } },
  });
  const claiming = await db.auditEvent.count({
    where: {
      action: { in: ["verdict.published", "verdict.corrected"] },
      OR: [{ entityId: f.publicationId ?? "none" }, { after: { path: ["verdictId"], equals: f.verdictId } }],
    },
  });
  return {
    verdict,
    claimingAuditRows: claiming,
    readersView: verdict.publication ? await getPublishedFactCheck(verdict.publication.slug) : null,
    feed: await listFeedEntries(5),
    counts: await tableCounts(),
  };
}

/** After the failure is gone, the same publish works and writes exactly its rows and one audit row. */
async function expectPublishWorks(f: Fixture) {
  const written = await rowsWrittenBy(() => publish(f));
  const rows: Partial<TableCounts> = f.kind === "correction" ? { corrections: 1, public_page_changes: 1 } : { publications: 1, published_search: 1, public_page_changes: 1 };
  // The author's notification is part of the publish's transaction.
  expect(written).toEqual({ ...rows, audit_events: 1, notifications: 1 });
  const verdict = await db.verdict.findUniqueOrThrow({ where: { id: f.verdictId }, include: { publication: true } });
  expect(verdict).toMatchObject({ status: "published", publication: { publishedRevisionId: f.revisionId } });
}

interface Step {
  kind: Kind;
  step: string;
  /** The trigger's definition up to EXECUTE FUNCTION; {verdict} and {publication} name the fixture's rows. */
  trigger: string;
}

const STEPS: Step[] = [
  { kind: "first publication", step: "marking the verdict published", trigger: `BEFORE UPDATE ON verdicts FOR EACH ROW WHEN (NEW.id = '{verdict}' AND NEW.status = 'published')` },
  { kind: "first publication", step: "inserting the publication", trigger: `BEFORE INSERT ON publications FOR EACH ROW WHEN (NEW.verdict_id = '{verdict}')` },
  { kind: "first publication", step: "writing the audit row", trigger: `BEFORE INSERT ON audit_events FOR EACH ROW WHEN (NEW.action = 'verdict.published')` },
  {
    kind: "first publication",
    step: "committing (a deferred check on the audit row)",
    trigger: `AFTER INSERT ON audit_events DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (NEW.action = 'verdict.published')`,
  },
  { kind: "correction", step: "marking the verdict published", trigger: `BEFORE UPDATE ON verdicts FOR EACH ROW WHEN (NEW.id = '{verdict}' AND NEW.status = 'published')` },
  { kind: "correction", step: "inserting the correction", trigger: `BEFORE INSERT ON corrections FOR EACH ROW WHEN (NEW.publication_id = '{publication}')` },
  { kind: "correction", step: "moving the publication to the new revision", trigger: `BEFORE UPDATE ON publications FOR EACH ROW WHEN (NEW.id = '{publication}')` },
  { kind: "correction", step: "writing the audit row", trigger: `BEFORE INSERT ON audit_events FOR EACH ROW WHEN (NEW.action = 'verdict.corrected')` },
  {
    kind: "correction",
    step: "committing (a deferred check on the audit row)",
    trigger: `AFTER INSERT ON audit_events DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (NEW.action = 'verdict.corrected')`,
  },
];

describe("a publish that the database fails at one step leaves no trace", () => {
  it.each(STEPS)("$kind, failing while $step", async ({ kind, step, trigger }) => {
    const f = await fixture(kind);
    const definition = trigger.replaceAll("{verdict}", f.verdictId).replaceAll("{publication}", f.publicationId ?? "");
    const constraint = definition.includes("DEFERRABLE") ? "CONSTRAINT " : "";
    const table = /ON (\w+)/.exec(definition)![1];
    await db.$executeRawUnsafe(`CREATE ${constraint}TRIGGER "${FAIL}" ${definition} EXECUTE FUNCTION "${FAIL}"('${step}')`);
    try {
      const before = await snapshot(f);
      await expect(publish(f)).rejects.toThrow(`injected failure: ${step}`);
      expect(await snapshot(f)).toEqual(before);
    } finally {
      await db.$executeRawUnsafe(`DROP TRIGGER IF EXISTS "${FAIL}" ON "${table}"`);
    }
    await expectPublishWorks(f);
  });
});

interface Kill {
  kind: Kind;
  step: string;
  /** Run by another connection in an open transaction, so that the publish waits at this step. */
  hold: (f: Fixture) => [string, unknown[]];
  /** The statement the publish is blocked in when it is terminated. */
  blockedIn: RegExp;
}

const KILLS: Kill[] = [
  {
    kind: "first publication",
    step: "waiting for the verdict's lock",
    hold: (f) => ["SELECT 1 FROM verdicts WHERE id = $1 FOR UPDATE", [f.verdictId]],
    blockedIn: /FROM verdicts WHERE id = .* FOR UPDATE/,
  },
  {
    kind: "first publication",
    step: "inserting the publication, after marking the verdict published",
    hold: () => ["LOCK TABLE publications IN SHARE MODE", []],
    blockedIn: /^INSERT INTO "public"\."publications"/,
  },
  {
    kind: "correction",
    step: "moving the publication to the new revision, after inserting the correction",
    // NO KEY UPDATE lets the correction's foreign-key check through and stops the publication's update.
    hold: (f) => ["SELECT 1 FROM publications WHERE id = $1 FOR NO KEY UPDATE", [f.publicationId]],
    blockedIn: /^UPDATE "public"\."publications"/,
  },
];

/**
 * The backend that the holder's lock blocks, once it is blocked in `statement` (or, after 5 s, where
 * it was last seen blocked): pg_stat_activity may still show the previous statement for a moment.
 */
async function blockedBy(holderPid: number, statement: RegExp): Promise<{ pid: number; query: string }> {
  let seen: { pid: number; query: string } | undefined;
  for (let poll = 0; poll < 500; poll++) {
    const [row] = await db.$queryRaw<{ pid: number; query: string }[]>`
      SELECT pid, query FROM pg_stat_activity WHERE ${holderPid}::int = ANY(pg_blocking_pids(pid))`;
    if (row && statement.test(row.query)) return row;
    seen = row ?? seen;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  if (seen) return seen;
  throw new Error("the publish never waited for the held lock");
}

describe("a publish whose database connection is killed mid-transaction leaves no trace", () => {
  it.each(KILLS)("$kind, killed while $step; the app recovers", async ({ kind, hold, blockedIn }) => {
    const f = await fixture(kind);
    const before = await snapshot(f);
    const holder = new pg.Client({ connectionString: process.env.DATABASE_URL, application_name: "claimwork-test-lock-holder" });
    await holder.connect();
    try {
      await holder.query("BEGIN");
      await holder.query(...hold(f));
      const holderPid = (await holder.query<{ pid: number }>("SELECT pg_backend_pid() AS pid")).rows[0]!.pid;

      const publishing = publish(f).then(
        () => "published",
        (error: unknown) => error,
      );
      const blocked = await blockedBy(holderPid, blockedIn);
      expect(blocked.query).toMatch(blockedIn);
      await holder.query("SELECT pg_terminate_backend($1)", [blocked.pid]);
      const outcome = await publishing;
      expect(outcome).toBeInstanceOf(Error);
      await holder.query("ROLLBACK");
    } finally {
      await holder.end();
    }
    expect(await snapshot(f)).toEqual(before);
    // Every pooled connection still works, and the same publish now goes through.
    await Promise.all(Array.from({ length: 12 }, () => db.$queryRaw`SELECT 1`));
    await expectPublishWorks(f);
  });
});
