import { z } from "zod";
import { getDb } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Rating } from "@/lib/generated/prisma/enums";
import { requirePermission, type Actor } from "@/lib/auth/actor";
import { parseInput } from "@/lib/validation";
import { findWarnings, type ConsistencyWarning, type RatedClaim, type RatedRelation } from "@/lib/relations/consistency-rules";

export type { ConsistencyWarning } from "@/lib/relations/consistency-rules";

export const consistencyScopeSchema = z.object({
  /** Only the warnings that involve this claim. */
  claimId: z.uuid().optional(),
  /** Only the warnings that involve this verdict's claim. */
  verdictId: z.uuid().optional(),
  /** Only the warnings these relations raise (the links a graph draws). */
  relationIds: z.array(z.uuid()).max(10_000).optional(),
});

/** Rated relations checked at most in one call (the whole-graph check of the review queue). */
const MAX_RELATIONS = 5000;

const claimSelect = {
  id: true,
  statement: true,
  claimant: true,
  verdict: { select: { id: true, currentRevision: { select: { rating: true } } } },
} as const;

/** Both ends of a relation have a submitted rating; relations without one can raise no warning. */
const RATED: Prisma.ClaimRelationWhereInput = {
  fromClaim: { verdict: { currentRevisionId: { not: null } } },
  toClaim: { verdict: { currentRevisionId: { not: null } } },
};

/**
 * Consistency warnings of the claim graph (see consistency-rules.ts for the rules): two claims that
 * contradict each other both rated true, a true claim supported by a false one, same-claim links
 * with diverging ratings. A claim's rating is its verdict's current revision's (in review, approved
 * or published); unsubmitted drafts do not count. Without a scope, the whole graph is checked.
 * Warnings advise; nothing is ever refused because of one.
 */
export async function findConsistencyWarnings(
  actor: Actor,
  rawScope: z.input<typeof consistencyScopeSchema> = {},
): Promise<ConsistencyWarning[]> {
  requirePermission(actor, "claims.read");
  const scope = parseInput(consistencyScopeSchema, rawScope);
  const touching: Prisma.ClaimRelationWhereInput[] = [];
  if (scope.claimId) touching.push({ OR: [{ fromClaimId: scope.claimId }, { toClaimId: scope.claimId }] });
  if (scope.verdictId) {
    touching.push({ OR: [{ fromClaim: { verdict: { id: scope.verdictId } } }, { toClaim: { verdict: { id: scope.verdictId } } }] });
  }
  if (scope.relationIds) touching.push({ id: { in: scope.relationIds } });
  // The newest links first when there are too many to check at once; warnings come out oldest first.
  const rows = await getDb().claimRelation.findMany({
    where: { AND: [RATED, ...touching] },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: MAX_RELATIONS,
    select: { id: true, type: true, fromClaim: { select: claimSelect }, toClaim: { select: claimSelect } },
  });
  const relations: RatedRelation[] = rows.reverse().map((row) => ({
    id: row.id,
    type: row.type,
    from: toRatedClaim(row.fromClaim),
    to: toRatedClaim(row.toClaim),
  }));
  return findWarnings(relations);
}

function toRatedClaim(claim: {
  id: string;
  statement: string;
  claimant: string;
  verdict: { id: string; currentRevision: { rating: Rating } | null } | null;
}): RatedClaim {
  return {
    id: claim.id,
    statement: claim.statement,
    claimant: claim.claimant,
    rating: claim.verdict?.currentRevision?.rating ?? null,
    verdictId: claim.verdict?.id ?? null,
  };
}
