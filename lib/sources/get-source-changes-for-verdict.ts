import { z } from "zod";
import { getDb, type Prisma } from "@/lib/db";
import { can } from "@/lib/auth/permissions";
import { requirePermission, type Actor } from "@/lib/auth/actor";
import type { AnchorStatus, SourceChangeStatus } from "@/lib/generated/prisma/enums";
import { readSnapshot, type SnapshotPassage } from "@/lib/publishing/fact-check-snapshot";
import { wroteFactCheck } from "@/lib/sources/resolve-source-change";
import { diffText, type DiffPart } from "@/lib/verdicts/diff-revisions";

/** One quote of the fact-check and what its article says there now. */
export type ChangedQuote = {
  key: string;
  article: { id: string; title: string; revisionNumber: number; revisionCreatedAt: Date };
  /** As the fact-check's snapshot quotes it. */
  approved: { exact: string; prefix: string; suffix: string };
  /** The words at the quote's place in the new revision; null when re-anchoring lost them. */
  now: string | null;
  /** Word diff from the approved quote to the words now; null when lost or too different to compare. */
  diff: DiffPart[] | null;
  anchorStatus: AnchorStatus;
  confidence: number;
  /** Where the quote stands in that revision, for a link to the article; null when lost. */
  currentPassageId: string | null;
};

export type SourceChangeView = {
  id: string;
  status: SourceChangeStatus;
  version: number;
  raisedAt: Date;
  updatedAt: Date;
  quotes: ChangedQuote[];
  resolution: { byName: string; at: Date; note: string; revisionNumber: number | null } | null;
};

export type VerdictSourceChanges = {
  verdictId: string;
  claimId: string;
  open: SourceChangeView | null;
  /** The latest decisions, newest first. */
  closed: SourceChangeView[];
  /** Reviewers who wrote none of the revisions concerned may confirm the open item. */
  canResolve: boolean;
};

const CLOSED_SHOWN = 5;
const whereSchema = z.union([z.object({ verdictId: z.uuid() }), z.object({ claimId: z.uuid() })]);

/** The source changes of one fact-check, for its claim page and its review page; null without a verdict. */
export async function getSourceChangesForVerdict(actor: Actor, where: { verdictId: string } | { claimId: string }): Promise<VerdictSourceChanges | null> {
  requirePermission(actor, "claims.read");
  if (!whereSchema.safeParse(where).success) return null;
  const db = getDb();
  const verdict = await db.verdict.findUnique({
    where: "verdictId" in where ? { id: where.verdictId } : { claimId: where.claimId },
    select: {
      id: true,
      claimId: true,
      currentRevisionId: true,
      publication: { select: { publishedRevisionId: true } },
      revisions: { select: { id: true, snapshot: { select: { content: true } } } },
    },
  });
  if (!verdict) return null;
  const [open, closed] = await Promise.all([
    db.sourceChangeItem.findFirst({ where: { verdictId: verdict.id, status: "open" }, include: itemInclude }),
    db.sourceChangeItem.findMany({ where: { verdictId: verdict.id, status: { not: "open" } }, orderBy: { resolvedAt: "desc" }, take: CLOSED_SHOWN, include: itemInclude }),
  ]);

  // A quote is found in whichever revision's snapshot held it (published, in review, or earlier).
  const quotes = new Map<string, SnapshotPassage>();
  for (const revision of verdict.revisions) {
    if (!revision.snapshot) continue;
    for (const passage of readSnapshot(revision.snapshot.content).passages) quotes.set(passage.passageId, passage);
  }
  const canResolve = open !== null && can(actor, "verdicts.review") && !(await wroteFactCheck(db, actor.id, verdict));
  return {
    verdictId: verdict.id,
    claimId: verdict.claimId,
    open: open ? toView(open, quotes) : null,
    closed: closed.map((item) => toView(item, quotes)),
    canResolve,
  };
}

const itemInclude = {
  resolvedBy: { select: { name: true } },
  resolvedByRevision: { select: { number: true } },
  passages: {
    include: {
      currentPassage: { select: { exact: true } },
      articleRevision: { select: { number: true, createdAt: true, article: { select: { id: true, title: true } } } },
    },
  },
} as const;

type ItemRow = Prisma.SourceChangeItemGetPayload<{ include: typeof itemInclude }>;

function toView(item: ItemRow, quotes: Map<string, SnapshotPassage>): SourceChangeView {
  // The latest article revision that changed each quote says what the source says now.
  const latest = new Map<string, ItemRow["passages"][number]>();
  for (const row of item.passages) {
    const seen = latest.get(row.quotedPassageId);
    if (!seen || seen.articleRevision.number < row.articleRevision.number) latest.set(row.quotedPassageId, row);
  }
  // The published and the reviewed snapshot often quote the same words: shown once.
  const byKey = new Map<string, ChangedQuote>();
  for (const row of latest.values()) {
    const approved = quotes.get(row.quotedPassageId);
    if (!approved) continue;
    const key = `${row.articleRevisionId}:${row.currentPassageId ?? "lost"}:${approved.exact}`;
    const now = row.currentPassage?.exact ?? null;
    byKey.set(key, {
      key,
      article: {
        id: row.articleRevision.article.id,
        title: row.articleRevision.article.title,
        revisionNumber: row.articleRevision.number,
        revisionCreatedAt: row.articleRevision.createdAt,
      },
      approved: { exact: approved.exact, prefix: approved.prefix, suffix: approved.suffix },
      now,
      diff: now === null ? null : diffText(approved.exact, now),
      anchorStatus: row.anchorStatus,
      confidence: row.confidence,
      currentPassageId: row.currentPassageId,
    });
  }
  return {
    id: item.id,
    status: item.status,
    version: item.version,
    raisedAt: item.createdAt,
    updatedAt: item.updatedAt,
    quotes: [...byKey.values()].sort((a, b) => a.article.title.localeCompare(b.article.title)),
    resolution:
      item.resolvedAt && item.resolvedBy
        ? { byName: item.resolvedBy.name, at: item.resolvedAt, note: item.resolutionNote, revisionNumber: item.resolvedByRevision?.number ?? null }
        : null,
  };
}
