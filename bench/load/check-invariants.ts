// What the database must show after the load, compared with the bench's own ledger of the server's
// answers: every committed write left exactly its rows and its audit row, no write was lost between
// two editors saving the same verdict, and no verdict has two published revisions.
import { getDb } from "@/lib/db";
import type { Ledger, LedgerEntry } from "./workload";

export type Snapshot = {
  rows: Record<LedgerEntry, number>;
  lastAuditId: bigint;
  verdictIds: string[];
};
export type Invariant = { name: string; pass: boolean; detail: string };

/** Table counts, keyed by the ledger entry whose write adds a row there. */
async function rowCounts(): Promise<Record<LedgerEntry, number>> {
  const [row] = await getDb().$queryRaw<Record<string, bigint>[]>`
    SELECT (SELECT count(*) FROM claims) AS claims,
           (SELECT count(*) FROM passages) AS passages,
           (SELECT count(*) FROM claim_relations) AS relations,
           (SELECT count(*) FROM verdicts) AS verdicts,
           (SELECT count(*) FROM verdict_revisions) AS revisions`;
  return {
    "claim.created": Number(row!.claims),
    "passage.added": Number(row!.passages),
    "relation.created": Number(row!.relations),
    "verdict.created": Number(row!.verdicts),
    "verdict.submitted": Number(row!.revisions),
    // Saves change a row rather than add one; their trace is the audit row.
    "verdict.draft_saved": 0,
  };
}

/** Taken before the load starts. */
export async function takeSnapshot(): Promise<Snapshot> {
  const db = getDb();
  const last = await db.auditEvent.findFirst({ orderBy: { id: "desc" }, select: { id: true } });
  const verdicts = await db.verdict.findMany({ select: { id: true } });
  return { rows: await rowCounts(), lastAuditId: last?.id ?? 0n, verdictIds: verdicts.map((verdict) => verdict.id) };
}

/** `actual` must equal the committed count, or lie within the writes whose outcome is unknown. */
function accounted(actual: number, committed: number, uncertain: number): { pass: boolean; detail: string } {
  const pass = actual >= committed && actual <= committed + uncertain;
  return { pass, detail: `database ${actual}, committed answers ${committed}${uncertain > 0 ? ` (+ up to ${uncertain} unanswered)` : ""}` };
}

export async function checkInvariants(before: Snapshot, ledger: Ledger): Promise<Invariant[]> {
  const db = getDb();
  const invariants: Invariant[] = [];
  const after = await rowCounts();
  const tables: [LedgerEntry, string][] = [
    ["claim.created", "claims"],
    ["passage.added", "passages"],
    ["relation.created", "claim relations"],
    ["verdict.created", "verdicts"],
    ["verdict.submitted", "verdict revisions"],
  ];
  for (const [entry, table] of tables) {
    const result = accounted(after[entry] - before.rows[entry], ledger.committed[entry], ledger.uncertain[entry]);
    invariants.push({ name: `rows created = committed creates: ${table}`, ...result });
  }

  // Audit rows written since the snapshot, by action: each committed mutation wrote exactly one.
  const audit = await db.auditEvent.groupBy({ by: ["action"], where: { id: { gt: before.lastAuditId } }, _count: { _all: true } });
  const auditCount = new Map(audit.map((group) => [group.action, group._count._all]));
  const audited = ["claim.created", "passage.added", "relation.created", "verdict.draft_saved", "verdict.submitted"] as const;
  for (const action of audited) {
    invariants.push({ name: `audit rows = committed mutations: ${action}`, ...accounted(auditCount.get(action) ?? 0, ledger.committed[action], ledger.uncertain[action]) });
  }
  const unexpected = [...auditCount].filter(([action]) => !(audited as readonly string[]).includes(action));
  invariants.push({
    name: "no audit rows from other actions",
    pass: unexpected.length === 0,
    detail: unexpected.length === 0 ? "none" : unexpected.map(([action, count]) => `${action} ${count}`).join(", "),
  });

  // A verdict is published at most once, with one of its own revisions.
  const [published] = await db.$queryRaw<{ verdicts: bigint; doubled: bigint; foreign: bigint }[]>`
    SELECT count(DISTINCT p.verdict_id) AS verdicts,
           (SELECT count(*) FROM (SELECT verdict_id FROM publications GROUP BY verdict_id HAVING count(*) > 1) d) AS doubled,
           count(*) FILTER (WHERE r.verdict_id IS DISTINCT FROM p.verdict_id) AS foreign
    FROM publications p LEFT JOIN verdict_revisions r ON r.id = p.published_revision_id`;
  invariants.push({
    name: "at most one published revision per verdict",
    pass: Number(published!.doubled) === 0 && Number(published!.foreign) === 0,
    detail: `${published!.verdicts} published verdicts, ${published!.doubled} with more than one publication, ${published!.foreign} publishing another verdict's revision`,
  });

  // Revision numbers run 1..n for every verdict.
  const [revisionGaps] = await db.$queryRaw<{ gaps: bigint }[]>`
    SELECT count(*) AS gaps FROM (
      SELECT verdict_id FROM verdict_revisions GROUP BY verdict_id HAVING max(number) <> count(*) OR min(number) <> 1) g`;
  invariants.push({ name: "verdict revision numbers without gaps", pass: Number(revisionGaps!.gaps) === 0, detail: `${revisionGaps!.gaps} verdicts with gaps` });

  // The verdicts made during the load: version n means n committed mutations (the first draft is 1),
  // each with its audit row, and each version answered to exactly one writer. Two writers told they
  // made the same version, or a version nobody was told of, is a lost or unaccounted write.
  const known = new Set(before.verdictIds);
  const made = (await db.verdict.findMany({ select: { id: true, version: true } })).filter((verdict) => !known.has(verdict.id));
  const events = await db.auditEvent.groupBy({
    by: ["entityId"],
    where: { entityType: "verdict", entityId: { in: made.map((verdict) => verdict.id) }, action: { in: ["verdict.draft_saved", "verdict.submitted"] } },
    _count: { _all: true },
  });
  const eventCount = new Map(events.map((group) => [group.entityId, group._count._all]));
  const anyUncertain = ledger.uncertain["verdict.draft_saved"] + ledger.uncertain["verdict.submitted"] > 0;
  const problems: string[] = [];
  for (const verdict of made) {
    const answered = [...(ledger.verdictVersions[verdict.id] ?? [])].sort((a, b) => a - b);
    const duplicates = answered.filter((version, i) => answered[i - 1] === version);
    const missing = Array.from({ length: verdict.version }, (_, i) => i + 1).filter((version) => !answered.includes(version));
    if (eventCount.get(verdict.id) !== verdict.version) problems.push(`${verdict.id}: version ${verdict.version}, ${eventCount.get(verdict.id) ?? 0} audit rows`);
    if (duplicates.length > 0) problems.push(`${verdict.id}: version(s) ${duplicates.join(", ")} answered twice`);
    if (answered.some((version) => version > verdict.version)) problems.push(`${verdict.id}: answered a version above ${verdict.version}`);
    if (missing.length > 0 && !anyUncertain) problems.push(`${verdict.id}: version(s) ${missing.join(", ")} answered to nobody`);
  }
  const madeIds = new Set(made.map((verdict) => verdict.id));
  for (const verdictId of Object.keys(ledger.verdictVersions)) {
    if (!madeIds.has(verdictId)) problems.push(`${verdictId}: answered to writers but not made during the load`);
  }
  const versionsAnswered = made.reduce((sum, verdict) => sum + (ledger.verdictVersions[verdict.id]?.length ?? 0), 0);
  invariants.push({
    name: "no lost verdict writes (versions 1..n each answered once, one audit row each)",
    pass: problems.length === 0,
    detail: problems.length === 0 ? `${made.length} verdicts, ${versionsAnswered} versions answered` : problems.slice(0, 5).join("; "),
  });
  return invariants;
}
