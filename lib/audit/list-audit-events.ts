// The audit log for admins: audit rows newest first, filtered by person, action, kind of record and
// day, one page at a time. Pages are keyed by (created_at, id), the order of the indexes that the
// filters use (migration 20261203040000_audit_log), so a page costs the same at a million rows as at
// a hundred, whichever page it is.
import { z } from "zod";
import { getDb, type Prisma } from "@/lib/db";
import { requirePermission, type Actor } from "@/lib/auth/actor";
import { AUDIT_ACTIONS, AUDITED_RECORD_KINDS, type AuditedRecordKind } from "@/lib/audit/record-audit-event";
import { cursorField, decodeCursor, encodeCursor, searchFingerprint } from "@/lib/search/cursor";
import { dayInput, parseInput, reason } from "@/lib/validation";

export const AUDIT_PAGE_SIZE = 50;

const optional = <Schema extends z.ZodType>(schema: Schema) => z.preprocess((value) => (value === "" ? undefined : value), schema.optional());

export const auditFilterSchema = z
  .object({
    person: optional(z.uuid("choose a person from the list")),
    action: optional(z.enum(AUDIT_ACTIONS, reason("chooseAction"))),
    kind: optional(z.enum(Object.keys(AUDITED_RECORD_KINDS) as [AuditedRecordKind, ...AuditedRecordKind[]], "choose a kind of record from the list")),
    from: optional(dayInput("the first day")),
    to: optional(dayInput("the last day")),
  })
  .refine((filters) => !filters.from || !filters.to || filters.from <= filters.to, { error: reason("firstDayAfterLast"), path: ["to"] });

export type AuditFilters = z.output<typeof auditFilterSchema>;

/** One field a change set: its value before and after (null when the row has no such side). */
export type AuditChange = { field: string; before: string | null; after: string | null };

export type AuditRow = {
  id: string;
  at: Date;
  person: { id: string; name: string } | null;
  action: string;
  kind: string;
  kindLabel: string;
  recordId: string;
  /** The workbench page of the record (or of the claim it belongs to), when there is one. */
  link: string | null;
  changes: AuditChange[];
  requestId: string | null;
};

export type AuditPage = { rows: AuditRow[]; nextCursor: string | null };

/** The rows of the audit log that the filters select, newest first, AUDIT_PAGE_SIZE at a time. */
export async function listAuditEvents(actor: Actor, input: Record<string, unknown>): Promise<AuditPage> {
  requirePermission(actor, "audit.read");
  const { cursor, ...filters } = parseInput(auditFilterSchema.and(z.object({ cursor: cursorField })), input);
  const fingerprint = searchFingerprint(filters);
  const after = cursor ? decodeCursor(cursor, fingerprint, ["serial"]) : null;
  const where: Prisma.AuditEventWhereInput = {
    ...auditWhere(filters),
    ...(after && olderThan({ createdAt: new Date(after.at), id: BigInt(after.id) })),
  };
  const events = await getDb().auditEvent.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: AUDIT_PAGE_SIZE + 1,
    include: { actor: { select: { id: true, name: true } } },
  });
  const page = events.slice(0, AUDIT_PAGE_SIZE);
  const links = await recordLinks(page);
  const last = page.at(-1);
  return {
    rows: page.map((event) => ({
      id: event.id.toString(),
      at: event.createdAt,
      person: event.actor,
      action: event.action,
      kind: event.entityType,
      kindLabel: AUDITED_RECORD_KINDS[event.entityType as AuditedRecordKind] ?? event.entityType,
      recordId: event.entityId,
      link: links.get(`${event.entityType} ${event.entityId}`) ?? null,
      changes: describeChanges(event.before, event.after),
      requestId: event.requestId,
    })),
    nextCursor:
      events.length > AUDIT_PAGE_SIZE && last
        ? encodeCursor(fingerprint, { kind: "serial", at: last.createdAt.toISOString(), id: last.id.toString() })
        : null,
  };
}

/** The WHERE clause of the filters (days are UTC days, the last one included). */
export function auditWhere(filters: AuditFilters): Prisma.AuditEventWhereInput {
  const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000);
  return {
    ...(filters.person && { actorId: filters.person }),
    ...(filters.action && { action: filters.action }),
    ...(filters.kind && { entityType: filters.kind }),
    ...((filters.from || filters.to) && {
      createdAt: { ...(filters.from && { gte: new Date(`${filters.from}T00:00:00Z`) }), ...(filters.to && { lt: nextDay(filters.to) }) },
    }),
  };
}

/** The rows after `position` in the log's order, (created_at, id) descending. */
export function olderThan(position: { createdAt: Date; id: bigint }): Prisma.AuditEventWhereInput {
  return { OR: [{ createdAt: { lt: position.createdAt } }, { createdAt: position.createdAt, id: { lt: position.id } }] };
}

/** The fields a row's change set, each with its value before and after, in a form people read. */
export function describeChanges(before: Prisma.JsonValue, after: Prisma.JsonValue): AuditChange[] {
  const fields = (value: Prisma.JsonValue) => (value && typeof value === "object" && !Array.isArray(value) ? value : null);
  const old = fields(before);
  const now = fields(after);
  if (!old && !now) return [];
  const names = [...new Set([...Object.keys(old ?? {}), ...Object.keys(now ?? {})])];
  return names
    .filter((name) => JSON.stringify(old?.[name]) !== JSON.stringify(now?.[name]))
    .map((name) => ({ field: name, before: old && name in old ? readable(old[name]) : null, after: now && name in now ? readable(now[name]) : null }));
}

const MAX_VALUE_CHARS = 300;

function readable(value: Prisma.JsonValue | undefined): string {
  const isTextList = Array.isArray(value) && value.every((item) => typeof item === "string");
  const text = typeof value === "string" ? value : isTextList ? value.join(", ") : JSON.stringify(value ?? null);
  return text.length > MAX_VALUE_CHARS ? `${text.slice(0, MAX_VALUE_CHARS)}…` : text;
}

/**
 * The workbench page of each row's record: claims and articles have their own; passages, links,
 * verdicts, publications and source changes belong to a claim; people and their links are on the
 * users page. One query per kind of record on the page.
 */
async function recordLinks(events: { entityType: string; entityId: string }[]): Promise<Map<string, string>> {
  const db = getDb();
  const idsOf = (kind: AuditedRecordKind) => [...new Set(events.filter((event) => event.entityType === kind).map((event) => event.entityId))].filter(isUuid);
  const links = new Map<string, string>();
  const claimPage = (kind: AuditedRecordKind, rows: { id: string; claimId: string }[]) => {
    for (const row of rows) links.set(`${kind} ${row.id}`, `/workbench/claims/${row.claimId}`);
  };
  for (const id of idsOf("claim")) links.set(`claim ${id}`, `/workbench/claims/${id}`);
  for (const id of idsOf("article")) links.set(`article ${id}`, `/workbench/articles/${id}`);
  for (const kind of ["user", "account_link"] as const) for (const id of idsOf(kind)) links.set(`${kind} ${id}`, "/workbench/users");
  for (const id of idsOf("exchange_import")) links.set(`exchange_import ${id}`, "/workbench/exchange");
  // A mapping's id is its rating text's key, not a uuid.
  for (const event of events) if (event.entityType === "rating_mapping") links.set(`rating_mapping ${event.entityId}`, "/workbench/exchange/ratings");
  const [passages, relations, verdicts, publications, sourceChanges, threads] = await Promise.all([
    db.passage.findMany({ where: { id: { in: idsOf("passage") } }, select: { id: true, claimId: true } }),
    db.claimRelation.findMany({ where: { id: { in: idsOf("claim_relation") } }, select: { id: true, fromClaimId: true } }),
    db.verdict.findMany({ where: { id: { in: idsOf("verdict") } }, select: { id: true, claimId: true } }),
    db.publication.findMany({ where: { id: { in: idsOf("publication") } }, select: { id: true, verdict: { select: { claimId: true } } } }),
    db.sourceChangeItem.findMany({ where: { id: { in: idsOf("source_change_item") } }, select: { id: true, verdict: { select: { claimId: true } } } }),
    db.discussionThread.findMany({ where: { id: { in: idsOf("discussion_thread") } }, select: { id: true, claimId: true } }),
  ]);
  claimPage("passage", passages);
  claimPage("claim_relation", relations.map((relation) => ({ id: relation.id, claimId: relation.fromClaimId })));
  claimPage("verdict", verdicts);
  claimPage("publication", publications.map((publication) => ({ id: publication.id, claimId: publication.verdict.claimId })));
  claimPage("source_change_item", sourceChanges.map((item) => ({ id: item.id, claimId: item.verdict.claimId })));
  claimPage("discussion_thread", threads);
  return links;
}

const isUuid = (id: string) => z.uuid().safeParse(id).success;
