import type { Db } from "@/lib/db";
import type { LiveEvent, LiveTopic } from "@/lib/live/live-topics";

type Row = { horizon: string; xact_id: string | null; kind: string | null; actor_id: string | null; topics: string[] | null };

/**
 * The changes of every transaction after `after` (a transaction id) that has ended, one event per
 * transaction in transaction-id order, and the position to read on from. A transaction still running
 * holds back every later one (pg_snapshot_xmin), so nothing is handed out ahead of a row that may
 * still commit with a smaller id: resuming after the last event id misses nothing.
 */
export async function readSettledChanges(
  db: Db,
  after: string | null,
  onlyTopics?: readonly LiveTopic[],
): Promise<{ events: LiveEvent[]; position: string }> {
  const rows = await db.$queryRawUnsafe<Row[]>(
    `SELECT s.horizon::text AS horizon, c.xact_id::text AS xact_id, c.kind, c.actor_id::text AS actor_id, c.topics
       FROM (SELECT pg_snapshot_xmin(pg_current_snapshot()) AS horizon) s
       LEFT JOIN workbench_changes c
         ON $1::text IS NOT NULL AND c.xact_id > $1::xid8 AND c.xact_id < s.horizon
        AND ($2::text[] IS NULL OR c.topics && $2::text[])
      ORDER BY c.xact_id, c.id`,
    after,
    onlyTopics ? [...onlyTopics] : null,
  );
  const horizon = BigInt(rows[0]?.horizon ?? "1");
  const events: LiveEvent[] = [];
  for (const row of rows) {
    if (!row.xact_id || !row.topics) continue;
    const last = events.at(-1);
    const topics = row.topics as LiveTopic[];
    if (last?.id === row.xact_id) {
      last.topics = [...new Set([...last.topics, ...topics])];
      if (row.kind === "data") last.kind = "data";
    } else {
      events.push({ id: row.xact_id, kind: row.kind === "presence" ? "presence" : "data", topics, actorId: row.actor_id });
    }
  }
  // Everything below the horizon is settled: the next read starts after it, or after the last event.
  const settled = horizon - 1n;
  const position = after === null || settled > BigInt(after) ? settled.toString() : after;
  return { events, position };
}

/** Where a page rendered now starts following: every change it may not show comes after this. */
export async function currentLivePosition(db: Db): Promise<string> {
  return (await readSettledChanges(db, null)).position;
}
