import { z } from "zod";
import { getDb } from "@/lib/db";
import type { Rating, VerdictStatus } from "@/lib/generated/prisma/enums";
import { requirePermission, type Actor } from "@/lib/auth/actor";
import { notFound } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { compareClaims, RELATED_SIMILARITY, type MatchVerdict } from "@/lib/matching/compare-claims";
import { describeClaim, type ClaimProfile } from "@/lib/matching/describe-claim";
import { loadClaimIndex } from "@/lib/relations/load-claim-index";
import type { SuggestionReason } from "@/lib/relations/suggestion-reasons";

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
type Scored = { id: string; match: MatchVerdict; reasons: SuggestionReason[]; score: number };

/**
 * Claims that may be linked to this one, best first, never the claim itself nor a claim already
 * linked to it. Candidates come from the in-memory index over every claim's meanings, numbers, dates
 * and claimant (lib/matching/candidate-index.ts), which also keeps each claim's profile, and from
 * passages overlapping this claim's; the matcher (lib/matching/compare-claims.ts) then compares each
 * with this claim in memory and says why. Only the suggestions shown are read from the database.
 */
export async function suggestRelatedClaims(actor: Actor, rawInput: z.input<typeof suggestRelatedClaimsSchema>): Promise<ClaimSuggestion[]> {
  requirePermission(actor, "claims.read");
  const input = parseInput(suggestRelatedClaimsSchema, rawInput);
  const db = getDb();
  // One round of queries in parallel, then one for the suggestions shown.
  const [index, { linked, overlaps }] = await Promise.all([loadClaimIndex(), neighbours(input.claimId)]);
  const profile = index.profileOf(input.claimId) ?? (await describeFromDatabase(input.claimId));
  if (!profile) throw notFound("claim");
  const exclude = new Set([input.claimId, ...linked]);
  const candidates = new Map(index.candidates(profile, CANDIDATE_POOL, exclude).map((candidate) => [candidate.id, candidate.profile]));
  for (const id of overlaps.keys()) {
    const other = exclude.has(id) ? undefined : index.profileOf(id);
    if (other) candidates.set(id, other);
  }
  const chosen = [...candidates]
    .map(([id, other]) => score(profile, id, other, overlaps.get(id) ?? null))
    .filter((suggestion): suggestion is Scored => suggestion !== null)
    .sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1))
    .slice(0, input.limit);
  if (chosen.length === 0) return [];

  const rows = await db.$queryRaw<CandidateRow[]>`
    SELECT c.id::text AS id, c.statement, c.claimant, c.language, v.status::text AS "verdictStatus", r.rating::text AS rating
      FROM claims c
      LEFT JOIN verdicts v ON v.claim_id = c.id
      LEFT JOIN verdict_revisions r ON r.id = v.current_revision_id
     WHERE c.id = ANY(${chosen.map((suggestion) => suggestion.id)}::uuid[])`;
  const byId = new Map(rows.map((row) => [row.id, row]));
  return chosen.flatMap((suggestion) => {
    const claim = byId.get(suggestion.id);
    return claim ? [{ claim, match: suggestion.match, reasons: suggestion.reasons, score: suggestion.score }] : [];
  });
}

/** A claim the index does not hold yet (written after its last look), read and described. */
async function describeFromDatabase(claimId: string): Promise<ClaimProfile | null> {
  const claim = await getDb().claim.findUnique({ where: { id: claimId }, select: { statement: true, claimant: true, language: true } });
  return claim ? describeClaim(claim) : null;
}

function score(profile: ClaimProfile, id: string, other: ClaimProfile, overlapTitles: string[] | null): Scored | null {
  const match = compareClaims(profile, other);
  const reasons: SuggestionReason[] = [...match.signals];
  if (overlapTitles) reasons.push({ kind: "passage_overlap", articleTitles: overlapTitles, weight: PASSAGE_OVERLAP_WEIGHT });
  const similarity = match.signals.find((signal) => signal.kind === "statement")?.similarity ?? 0;
  const sameClaimant = match.signals.some((signal) => signal.kind === "claimant");
  if (match.verdict === "related" && similarity < RELATED_SIMILARITY && !sameClaimant && !overlapTitles) return null;
  return { id, match: match.verdict, reasons, score: Math.round((match.score + (overlapTitles ? PASSAGE_OVERLAP_WEIGHT : 0)) * 1000) / 1000 };
}

/**
 * The claims already linked to this one (never suggested again) and the claims with a passage
 * overlapping one of this claim's in the same article revision, with the articles' titles: one query.
 */
async function neighbours(claimId: string): Promise<{ linked: string[]; overlaps: Map<string, string[]> }> {
  const rows = await getDb().$queryRaw<{ id: string; titles: string[] | null }[]>`
    SELECT to_claim_id::text AS id, NULL::text[] AS titles FROM claim_relations WHERE from_claim_id = ${claimId}::uuid
    UNION ALL
    SELECT from_claim_id::text, NULL::text[] FROM claim_relations WHERE to_claim_id = ${claimId}::uuid
    UNION ALL
    SELECT other.claim_id::text, array_agg(DISTINCT a.title ORDER BY a.title)
      FROM passages mine
      JOIN passages other
        ON other.article_revision_id = mine.article_revision_id
       AND other.claim_id <> mine.claim_id
       AND other.start < mine."end" AND mine.start < other."end"
      JOIN articles a ON a.id = other.article_id AND a.deleted_at IS NULL
     WHERE mine.claim_id = ${claimId}::uuid
     GROUP BY other.claim_id`;
  return {
    linked: rows.filter((row) => row.titles === null).map((row) => row.id),
    overlaps: new Map(rows.flatMap((row) => (row.titles === null ? [] : [[row.id, row.titles] as const]))),
  };
}
