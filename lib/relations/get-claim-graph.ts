import { z } from "zod";
import { getDb } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Rating, RelationType, VerdictStatus } from "@/lib/generated/prisma/enums";
import { requirePermission, type Actor } from "@/lib/auth/actor";
import { parseInput } from "@/lib/validation";
import { findConsistencyWarnings } from "@/lib/relations/find-consistency-warnings";

export const MAX_GRAPH_NODES = 500;

export const claimGraphSchema = z.object({
  /** Claims with a passage in this article (on any revision). */
  articleId: z.uuid().optional(),
  /** Claims of this claimant, ignoring case. */
  claimant: z.string().trim().min(1).max(200).optional(),
  limit: z.number().int().min(1).max(MAX_GRAPH_NODES).default(MAX_GRAPH_NODES),
});
export type ClaimGraphInput = z.input<typeof claimGraphSchema>;

export type GraphNode = {
  id: string;
  statement: string;
  claimant: string;
  language: string;
  verdictStatus: VerdictStatus | null;
  /** Rating of the verdict's current (submitted) revision. */
  rating: Rating | null;
  /** Linked to a claim the filters chose, without matching them itself: drawn as context. */
  context: boolean;
};

export type GraphEdge = {
  id: string;
  type: RelationType;
  /** For `supports`, the supporting claim; `contradicts` and `same_claim` are symmetric. */
  source: string;
  target: string;
  rationale: string;
  /** A consistency warning is raised on this link (ratings that disagree with it). */
  warning: string | null;
};

export type ClaimGraph = {
  nodes: GraphNode[];
  edges: GraphEdge[];
  /** More claims matched than were drawn. */
  truncated: boolean;
};

type NodeRow = Omit<GraphNode, "context"> & { matched: boolean };

/**
 * The claim graph: claims as nodes (those the filters choose, plus the claims directly linked to
 * them, marked as context) and their relations as typed edges, at most `limit` nodes (newest claims
 * first when there are more). Without filters, every claim that has a relation, then unlinked ones.
 */
export async function getClaimGraph(actor: Actor, rawInput: ClaimGraphInput = {}): Promise<ClaimGraph> {
  requirePermission(actor, "claims.read");
  const input = parseInput(claimGraphSchema, rawInput);
  const db = getDb();
  const conditions: Prisma.Sql[] = [Prisma.sql`TRUE`];
  if (input.claimant) conditions.push(Prisma.sql`lower(c.claimant) = lower(${input.claimant}::text)`);
  if (input.articleId) {
    conditions.push(Prisma.sql`EXISTS (SELECT 1 FROM passages p WHERE p.claim_id = c.id AND p.article_id = ${input.articleId}::uuid)`);
  }
  const filtered = Boolean(input.claimant || input.articleId);
  const where = Prisma.join(conditions, " AND ");

  // Chosen claims first (linked ones before unlinked ones when unfiltered), then their neighbours.
  const rows = await db.$queryRaw<NodeRow[]>`
    WITH chosen AS (
      SELECT c.id, c.created_at,
             EXISTS (SELECT 1 FROM claim_relations r WHERE r.from_claim_id = c.id OR r.to_claim_id = c.id) AS linked
        FROM claims c
       WHERE ${where}
       ORDER BY linked DESC, c.created_at DESC, c.id DESC
       LIMIT ${input.limit + 1}
    ),
    neighbours AS (
      SELECT DISTINCT CASE WHEN r.from_claim_id = ch.id THEN r.to_claim_id ELSE r.from_claim_id END AS id
        FROM chosen ch
        JOIN claim_relations r ON r.from_claim_id = ch.id OR r.to_claim_id = ch.id
    ),
    picked AS (
      SELECT id, TRUE AS matched, 0 AS rank_group, linked, created_at FROM chosen
      UNION ALL
      SELECT n.id, FALSE, 1, TRUE, c.created_at FROM neighbours n JOIN claims c ON c.id = n.id
       WHERE ${filtered} AND n.id NOT IN (SELECT id FROM chosen)
    )
    SELECT c.id::text AS id, c.statement, c.claimant, c.language,
           v.status::text AS "verdictStatus", rev.rating::text AS rating, p.matched
      FROM picked p
      JOIN claims c ON c.id = p.id
      LEFT JOIN verdicts v ON v.claim_id = c.id
      LEFT JOIN verdict_revisions rev ON rev.id = v.current_revision_id
     ORDER BY p.rank_group, p.linked DESC, p.created_at DESC, p.id DESC`;

  const matchedCount = rows.filter((row) => row.matched).length;
  const truncated = matchedCount > input.limit || rows.length > input.limit;
  const kept = rows.slice(0, input.limit);
  const ids = kept.map((row) => row.id);
  const relations = ids.length
    ? await db.claimRelation.findMany({
        where: { fromClaimId: { in: ids }, toClaimId: { in: ids } },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: { id: true, type: true, fromClaimId: true, toClaimId: true, rationale: true },
      })
    : [];
  const warnings = relations.length ? await findConsistencyWarnings(actor, { relationIds: relations.map((relation) => relation.id) }) : [];
  const warningByRelation = new Map(warnings.map((warning) => [warning.relationId, warning.message]));

  return {
    nodes: kept.map(({ matched, ...node }) => ({ ...node, context: !matched })),
    edges: relations.map((relation) => ({
      id: relation.id,
      type: relation.type,
      source: relation.fromClaimId,
      target: relation.toClaimId,
      rationale: relation.rationale,
      warning: warningByRelation.get(relation.id) ?? null,
    })),
    truncated,
  };
}
