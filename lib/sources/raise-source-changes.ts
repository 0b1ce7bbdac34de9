import type { Tx } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import type { AnchorStatus } from "@/lib/generated/prisma/enums";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { notifyVerdictAuthors } from "@/lib/notifications/notify-verdict-authors";
import { lockVerdict } from "@/lib/verdicts/lock-verdict";
import { readSnapshot, type SnapshotPassage } from "@/lib/publishing/fact-check-snapshot";
import { reanchor } from "@/lib/anchoring/reanchor";
import { STORED_STATUS } from "@/lib/anchoring/passage-status";
import { DEFAULT_BUDGET } from "@/lib/anchoring/reanchor-revision";

/** One passage of the previous article revision and what re-anchoring made of it in the new one. */
export type ReanchoredPassage = {
  before: { id: string; claimId: string; exact: string; status: AnchorStatus };
  after: { id: string; exact: string; status: AnchorStatus; confidence: number };
};

/**
 * Re-anchoring did not keep the quote as it was. A passage that had already lost its place has
 * nothing more to lose: its item was raised by the revision that lost it.
 */
function isTouched({ before, after }: ReanchoredPassage): boolean {
  if (before.status === "orphaned") return false;
  return after.status !== "anchored" || after.exact !== before.exact;
}

/**
 * Inside the transaction of a new article revision: every fact-check in review, approved or
 * published whose snapshot quotes this article, and whose quote this revision changed, moved or
 * lost, gets one open source-change item (its open item, when it has one, gains the passages), with
 * an audit row. A quote is followed through the passages it was re-anchored into; a quote whose
 * passage editors have since dropped is looked for in the new text itself.
 */
export async function raiseSourceChanges(
  tx: Tx,
  actor: Actor,
  change: { articleId: string; articleRevisionId: string; text: string; passages: ReanchoredPassage[] },
): Promise<void> {
  // Locked in one order (two revisions of different articles may touch one verdict) and before their
  // status is read: a verdict submitted meanwhile is either seen in review here, or its snapshot is
  // taken after this revision commits and quotes the new text.
  const claimIds = [...new Set(change.passages.map((passage) => passage.before.claimId))];
  const quotingArticle = JSON.stringify([{ article: { id: change.articleId } }]);
  const candidates = await tx.$queryRaw<{ id: string }[]>`
    SELECT v.id::text AS id FROM verdicts v WHERE v.claim_id = ANY(${claimIds}::uuid[])
    UNION
    SELECT v.id::text FROM verdicts v
      LEFT JOIN publications p ON p.verdict_id = v.id
      JOIN fact_check_snapshots s ON s.verdict_revision_id IN (p.published_revision_id, v.current_revision_id)
     WHERE s.content->'passages' @> ${quotingArticle}::jsonb
    ORDER BY id`;
  for (const candidate of candidates) await lockVerdict(tx, { id: candidate.id });
  const verdicts = await tx.verdict.findMany({
    where: { id: { in: candidates.map((candidate) => candidate.id) }, OR: [{ publication: { isNot: null } }, { status: { in: ["in_review", "approved"] } }] },
    select: { id: true, status: true, currentRevisionId: true, publication: { select: { publishedRevisionId: true } } },
  });
  if (verdicts.length === 0) return;

  // What readers see (the published revision) and what a reviewer is asked to approve (the current one).
  const quotingRevisionIds = (verdict: (typeof verdicts)[number]) =>
    [verdict.publication?.publishedRevisionId, verdict.status === "in_review" || verdict.status === "approved" ? verdict.currentRevisionId : null].filter(
      (id): id is string => typeof id === "string",
    );
  const snapshots = await tx.factCheckSnapshot.findMany({ where: { verdictRevisionId: { in: verdicts.flatMap(quotingRevisionIds) } } });
  const quotesOf = new Map(
    snapshots.map((row) => [row.verdictRevisionId, readSnapshot(row.content).passages.filter((passage) => passage.article.id === change.articleId)]),
  );

  // Snapshots quote the passage as it was when they were taken, perhaps several article revisions ago.
  const ancestors = await passageAncestors(tx, change.passages.map((passage) => passage.before.id));
  const followedFrom = new Map<string, ReanchoredPassage>();
  for (const pair of change.passages) for (const id of ancestors.get(pair.before.id) ?? []) followedFrom.set(id, pair);

  for (const verdict of verdicts) {
    const quotes = new Map(quotingRevisionIds(verdict).flatMap((revisionId) => quotesOf.get(revisionId) ?? []).map((quote) => [quote.passageId, quote]));
    const rows: ChangedQuote[] = [];
    for (const quote of quotes.values()) {
      const pair = followedFrom.get(quote.passageId);
      const fate = pair ? (isTouched(pair) ? pair.after : null) : lookFor(quote, change.text);
      if (!fate) continue;
      rows.push({
        quotedPassageId: quote.passageId,
        articleRevisionId: change.articleRevisionId,
        currentPassageId: fate.status === "orphaned" ? null : (fate.id ?? null),
        anchorStatus: fate.status,
        confidence: fate.confidence,
      });
    }
    if (rows.length > 0) await addToOpenItem(tx, actor, verdict.id, rows);
  }
}

/**
 * A quoted passage no live passage descends from (editors dropped it): looked for in the new text.
 * Its offsets may be several revisions old, so only a quote whose words are gone counts as changed.
 */
function lookFor(quote: SnapshotPassage, text: string): { id?: undefined; status: AnchorStatus; confidence: number } | null {
  // Inside the revision's transaction: the per-passage budget, not the search's own default.
  const anchor = reanchor(text, quote, { deadline: Date.now() + DEFAULT_BUDGET.passageMs });
  if (anchor.status === "kept" || anchor.status === "moved") return null;
  return { status: STORED_STATUS[anchor.status], confidence: anchor.confidence };
}

type ChangedQuote = { quotedPassageId: string; articleRevisionId: string; currentPassageId: string | null; anchorStatus: AnchorStatus; confidence: number };

/** The verdict is locked: its one open item is read and written by nobody else meanwhile. */
async function addToOpenItem(tx: Tx, actor: Actor, verdictId: string, passages: ChangedQuote[]): Promise<void> {
  const open = await tx.sourceChangeItem.findFirst({ where: { verdictId, status: "open" }, select: { id: true, version: true } });
  const item = open
    ? await tx.sourceChangeItem.update({
        where: { id: open.id },
        data: { version: { increment: 1 }, passages: { createMany: { data: passages } } },
        select: { id: true, version: true },
      })
    : await tx.sourceChangeItem.create({ data: { verdictId, passages: { createMany: { data: passages } } }, select: { id: true, version: true } });
  await recordAuditEvent(tx, actor, {
    action: "source_change.raised",
    entityType: "source_change_item",
    entityId: item.id,
    before: open ? { version: open.version } : undefined,
    after: { verdictId, version: item.version, passages },
  });
  // A new item is news to the fact-check's authors; more passages on an open one are not.
  if (!open) await notifyVerdictAuthors(tx, actor, { kind: "source_change", verdictId });
}

/** Each passage with itself and the passages of earlier article revisions it was re-anchored from. */
async function passageAncestors(tx: Tx, passageIds: string[]): Promise<Map<string, string[]>> {
  const rows = await tx.$queryRaw<{ passage_id: string; ancestor_id: string }[]>`
    WITH RECURSIVE chain (passage_id, ancestor_id) AS (
      SELECT id, id FROM passages WHERE id = ANY(${passageIds}::uuid[])
      UNION ALL
      SELECT chain.passage_id, p.previous_passage_id
      FROM chain JOIN passages p ON p.id = chain.ancestor_id
      WHERE p.previous_passage_id IS NOT NULL
    )
    SELECT passage_id::text, ancestor_id::text FROM chain`;
  const ancestors = new Map<string, string[]>();
  for (const row of rows) ancestors.set(row.passage_id, [...(ancestors.get(row.passage_id) ?? []), row.ancestor_id]);
  return ancestors;
}
