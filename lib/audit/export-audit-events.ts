// The audit log rows a set of filters selects, as CSV, streamed: all of them, read in pages of
// EXPORT_BATCH keyed like the page's, so an export of a million rows holds one batch in memory.
import { getDb } from "@/lib/db";
import { requirePermission, type Actor } from "@/lib/auth/actor";
import { auditFilterSchema, auditWhere, olderThan, type AuditFilters } from "@/lib/audit/list-audit-events";
import { csvLine } from "@/lib/csv/csv-line";
import { parseInput } from "@/lib/validation";

const EXPORT_BATCH = 1_000;
const HEADER = ["time (UTC)", "person", "email", "action", "kind of record", "record id", "request id", "before (JSON)", "after (JSON)"];

/** Checks the actor and the filters at once, then gives the CSV text in chunks as it reads it. */
export function exportAuditEvents(actor: Actor | null, input: Record<string, unknown>): AsyncGenerator<string> {
  requirePermission(actor, "audit.read");
  const filters = parseInput(auditFilterSchema, input);
  return csvChunks(filters);
}

async function* csvChunks(filters: AuditFilters): AsyncGenerator<string> {
  yield csvLine(HEADER);
  let after: Position | null = null;
  for (;;) {
    const events = await readBatch(filters, after);
    if (events.length === 0) return;
    yield events
      .map((event) =>
        csvLine([
          event.createdAt.toISOString(),
          event.actor?.name ?? "(system)",
          event.actor?.email ?? "",
          event.action,
          event.entityType,
          event.entityId,
          event.requestId,
          event.before === null ? "" : JSON.stringify(event.before),
          event.after === null ? "" : JSON.stringify(event.after),
        ]),
      )
      .join("");
    const last = events[events.length - 1]!;
    after = { createdAt: last.createdAt, id: last.id };
  }
}

type Position = { createdAt: Date; id: bigint };

function readBatch(filters: AuditFilters, after: Position | null) {
  return getDb().auditEvent.findMany({
    where: {
      ...auditWhere(filters),
      ...(after && olderThan(after)),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: EXPORT_BATCH,
    include: { actor: { select: { name: true, email: true } } },
  });
}
