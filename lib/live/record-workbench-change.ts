import type { Tx } from "@/lib/db";
import type { AuditedRecordKind } from "@/lib/audit/record-audit-event";
import { QUEUE_TOPIC, topicOf, type LiveTopic } from "@/lib/live/live-topics";

type AuditedChange = { entityType: AuditedRecordKind; entityId: string; before?: unknown; after?: unknown };

/** Records touched by a change, before their pages (topics) are worked out. */
type Touched = { articles: string[]; claims: string[]; verdicts: string[]; queue: boolean; articlesOfClaims: boolean };

const field = (snapshot: unknown, name: string): string | undefined => {
  const value = snapshot && typeof snapshot === "object" ? (snapshot as Record<string, unknown>)[name] : undefined;
  return typeof value === "string" ? value : undefined;
};
const present = (...values: (string | null | undefined)[]): string[] => values.filter((value): value is string => Boolean(value));

async function verdictTouched(tx: Tx, verdictId: string | undefined): Promise<Touched> {
  const verdict = verdictId ? await tx.verdict.findUnique({ where: { id: verdictId }, select: { id: true, claimId: true } }) : null;
  return { articles: [], claims: present(verdict?.claimId), verdicts: present(verdict?.id), queue: true, articlesOfClaims: false };
}

/**
 * What each kind of audited record shows on: a deleted row is known by the audit row's `before`.
 * Users, account links, imports and rating mappings are on no live page.
 */
async function touchedBy(tx: Tx, change: AuditedChange): Promise<Touched | undefined> {
  const { entityId: id, before, after } = change;
  switch (change.entityType) {
    case "article":
      return { articles: [id], claims: [], verdicts: [], queue: false, articlesOfClaims: false };
    case "claim":
      return { articles: [], claims: [id], verdicts: [], queue: false, articlesOfClaims: true };
    case "passage": {
      const passage = await tx.passage.findUnique({ where: { id }, select: { claimId: true, articleId: true } });
      const revisionId = field(before, "articleRevisionId");
      const revision = !passage && revisionId ? await tx.articleRevision.findUnique({ where: { id: revisionId }, select: { articleId: true } }) : null;
      return {
        articles: present(passage?.articleId ?? revision?.articleId),
        claims: present(passage?.claimId ?? field(before, "claimId")),
        verdicts: [],
        queue: false,
        articlesOfClaims: false,
      };
    }
    case "claim_relation": {
      const relation = await tx.claimRelation.findUnique({ where: { id }, select: { fromClaimId: true, toClaimId: true } });
      const snapshot = after ?? before;
      return {
        articles: [],
        claims: present(relation?.fromClaimId ?? field(snapshot, "fromClaimId"), relation?.toClaimId ?? field(snapshot, "toClaimId")),
        verdicts: [],
        queue: false,
        articlesOfClaims: false,
      };
    }
    case "verdict":
      return verdictTouched(tx, id);
    case "publication":
      return verdictTouched(tx, (await tx.publication.findUnique({ where: { id }, select: { verdictId: true } }))?.verdictId);
    case "source_change_item":
      return verdictTouched(tx, (await tx.sourceChangeItem.findUnique({ where: { id }, select: { verdictId: true } }))?.verdictId);
    case "discussion_thread": {
      // A thread shows on its claim's page (and a verdict revision's thread on the review page too).
      const thread = await tx.discussionThread.findUnique({ where: { id }, select: { claimId: true, verdictRevisionId: true } });
      const revision = thread?.verdictRevisionId
        ? await tx.verdictRevision.findUnique({ where: { id: thread.verdictRevisionId }, select: { verdictId: true } })
        : null;
      return { articles: [], claims: present(thread?.claimId), verdicts: present(revision?.verdictId), queue: false, articlesOfClaims: false };
    }
    case "user":
    case "account_link":
    case "exchange_import":
    case "rating_mapping":
      return undefined;
  }
}

/**
 * Names, in the transaction of an audited write, the workbench pages it changes, for the live stream
 * (ADR 0011). Called by recordAuditEvent, so every use case announces its changes without knowing it.
 * A claim's page also shows its verdict, and its statement shows on the articles that quote it.
 */
export function recordWorkbenchChange(tx: Tx, actorId: string | null, change: AuditedChange): Promise<void> {
  return recordWorkbenchChanges(tx, actorId, [change]);
}

/** As recordWorkbenchChange, for the changes of one write at once (a batch import): one row naming every page. */
export async function recordWorkbenchChanges(tx: Tx, actorId: string | null, changes: AuditedChange[]): Promise<void> {
  const articles: string[] = [];
  const claims: string[] = [];
  const claimsOnArticles: string[] = [];
  const touchedVerdicts: string[] = [];
  let queue = false;
  // One after the other: a transaction is one connection, which runs one query at a time.
  for (const change of changes) {
    const touched = await touchedBy(tx, change);
    if (!touched) continue;
    articles.push(...touched.articles);
    claims.push(...touched.claims);
    if (touched.articlesOfClaims) claimsOnArticles.push(...touched.claims);
    touchedVerdicts.push(...touched.verdicts);
    queue ||= touched.queue;
  }
  const verdicts = claims.length > 0 ? await tx.verdict.findMany({ where: { claimId: { in: claims } }, select: { id: true } }) : [];
  const passages =
    claimsOnArticles.length > 0
      ? await tx.passage.findMany({ where: { claimId: { in: claimsOnArticles } }, select: { articleId: true }, distinct: ["articleId"] })
      : [];
  const topics = new Set<LiveTopic>([
    ...articles.map((id) => topicOf("article", id)),
    ...passages.map((passage) => topicOf("article", passage.articleId)),
    ...claims.map((id) => topicOf("claim", id)),
    ...[...touchedVerdicts, ...verdicts.map((verdict) => verdict.id)].map((id) => topicOf("verdict", id)),
    ...(queue ? [QUEUE_TOPIC as LiveTopic] : []),
  ]);
  if (topics.size === 0) return;
  await tx.workbenchChange.create({ data: { actorId, kind: "data", topics: [...topics] } });
}
