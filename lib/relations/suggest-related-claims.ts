import { z } from "zod";
import { getDb } from "@/lib/db";
import type { Rating, VerdictStatus } from "@/lib/generated/prisma/enums";
import { requirePermission, type Actor } from "@/lib/auth/actor";
import { notFound } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { indexKeys } from "@/lib/matching/candidate-index";
import { compareClaims, RELATED_SIMILARITY, type MatchVerdict } from "@/lib/matching/compare-claims";
import { describeClaim, type ClaimProfile } from "@/lib/matching/describe-claim";
import { loadClaimIndex } from "@/lib/relations/load-claim-index";
import { suggestedRationale, type SuggestionReason } from "@/lib/relations/suggestion-reasons";

export const suggestRelatedClaimsSchema = z.object({
  claimId: z.uuid(),
  limit: z.number().int().min(1).max(30).default(8),
});

export type ClaimSuggestion = {
  claim: {
    id: string;
    statement: string;
    claimant: string;
    language: string;
    verdictStatus: VerdictStatus | null;
    rating: Rating | null;
  };
  /** What the evidence says: the page offers the matching link first ("Same claim", "Contradicts"). */
  match: MatchVerdict;
  /** Every signal, each one a reason the editor reads. */
  reasons: SuggestionReason[];
  score: number;
  /** A machine-written rationale, marked as a suggestion until the editor edits or accepts it. */
  rationale: string;
};

/** Claims the matcher compares in full, from the candidate index (rarest shared keys first). */
export const CANDIDATE_POOL = 60;
/** Overlapping passages in the same article revision say more than any wording. */
const PASSAGE_OVERLAP_WEIGHT = 0.5;

type CandidateRow = {
  id: string;
  statement: string;
  claimant: string;
  language: string;
  verdictStatus: VerdictStatus | null;
  rating: Rating | null;
};

/**
 * Claims that may be linked to this one, best first, never the claim itself nor a claim already
 * linked to it. Candidates come from the in-memory index over every claim's meanings, numbers, dates
 * and claimant (lib/matching/candidate-index.ts) and from passages overlapping this claim's; the
 * matcher (lib/matching/compare-claims.ts) then compares each with this claim and says why.
 */
export async function suggestRelatedClaims(actor: Actor, rawInput: z.input<typeof suggestRelatedClaimsSchema>): Promise<ClaimSuggestion[]> {
  requirePermission(actor, "claims.read");
  const input = parseInput(suggestRelatedClaimsSchema, rawInput);
  const db = getDb();
  // One round of queries in parallel, then one for the candidates.
  const [target, index, linked, overlaps] = await Promise.all([
    db.claim.findUnique({ where: { id: input.claimId }, select: { id: true, statement: true, claimant: true, language: true } }),
    loadClaimIndex(),
    linkedClaimIds(input.claimId),
    overlappingPassages(input.claimId),
  ]);
  if (!target) throw notFound("The claim");
  const profile = describeClaim(target);
  const exclude = new Set([target.id, ...linked]);
  const candidateIds = new Set(index.candidates(indexKeys(profile), CANDIDATE_POOL, exclude));
  for (const id of overlaps.keys()) if (!exclude.has(id)) candidateIds.add(id);
  if (candidateIds.size === 0) return [];

  const rows = await db.$queryRaw<CandidateRow[]>`
    SELECT c.id::text AS id, c.statement, c.claimant, c.language, v.status::text AS "verdictStatus", r.rating::text AS rating
      FROM claims c
      LEFT JOIN verdicts v ON v.claim_id = c.id
      LEFT JOIN verdict_revisions r ON r.id = v.current_revision_id
     WHERE c.id = ANY(${[...candidateIds]}::uuid[])`;
  return rows
    .map((row) => toSuggestion(profile, row, overlaps.get(row.id) ?? null))
    .filter((suggestion): suggestion is ClaimSuggestion => suggestion !== null)
    .sort((a, b) => b.score - a.score || (a.claim.id < b.claim.id ? -1 : 1))
    .slice(0, input.limit);
}

function toSuggestion(profile: ClaimProfile, row: CandidateRow, overlapTitles: string[] | null): ClaimSuggestion | null {
  const match = compareClaims(profile, describeClaim(row));
  const reasons: SuggestionReason[] = [...match.signals];
  if (overlapTitles) reasons.push({ kind: "passage_overlap", articleTitles: overlapTitles, weight: PASSAGE_OVERLAP_WEIGHT });
  const similarity = match.signals.find((signal) => signal.kind === "statement")?.similarity ?? 0;
  const sameClaimant = match.signals.some((signal) => signal.kind === "claimant");
  if (match.verdict === "related" && similarity < RELATED_SIMILARITY && !sameClaimant && !overlapTitles) return null;
  return {
    claim: row,
    match: match.verdict,
    reasons,
    score: Math.round((match.score + (overlapTitles ? PASSAGE_OVERLAP_WEIGHT : 0)) * 1000) / 1000,
    rationale: suggestedRationale(match.verdict, reasons),
  };
}

async function linkedClaimIds(claimId: string): Promise<string[]> {
  const rows = await getDb().$queryRaw<{ id: string }[]>`
    SELECT to_claim_id::text AS id FROM claim_relations WHERE from_claim_id = ${claimId}::uuid
    UNION SELECT from_claim_id::text FROM claim_relations WHERE to_claim_id = ${claimId}::uuid`;
  return rows.map((row) => row.id);
}

/** Other claims with a passage overlapping one of this claim's in the same article revision, with the articles' titles. */
async function overlappingPassages(claimId: string): Promise<Map<string, string[]>> {
  const rows = await getDb().$queryRaw<{ id: string; titles: string[] }[]>`
    SELECT other.claim_id::text AS id, array_agg(DISTINCT a.title ORDER BY a.title) AS titles
      FROM passages mine
      JOIN passages other
        ON other.article_revision_id = mine.article_revision_id
       AND other.claim_id <> mine.claim_id
       AND other.start < mine."end" AND mine.start < other."end"
      JOIN articles a ON a.id = other.article_id AND a.deleted_at IS NULL
     WHERE mine.claim_id = ${claimId}::uuid
     GROUP BY other.claim_id`;
  return new Map(rows.map((row) => [row.id, row.titles]));
}
