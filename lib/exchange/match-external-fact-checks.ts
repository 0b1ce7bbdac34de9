// The one place that decides which external fact-checks check the same claim as ours: the claim
// matcher of lib/matching (numbers, dates, entities, glossary, claimant, polarity and statement
// similarity, in English and French), run against every imported review's claim through their own
// candidate index. A review of the same claim in the other language is found; a review of the claim's
// negation is never shown as the same claim, but as "checked the opposite claim"; each match carries
// the matcher's reasons.
import { getDb } from "@/lib/db";
import { compareClaims, type MatchSignal } from "@/lib/matching/compare-claims";
import { describeClaim, type ClaimText } from "@/lib/matching/describe-claim";
import { EXTERNAL_ITEM_COLUMNS, EXTERNAL_ITEM_FROM, type ExternalFactCheckItem } from "./external-fact-check-item";
import { loadExternalCheckIndex } from "./load-external-check-index";

const MAX_MATCHES = 5;
/** Reviews the matcher compares in full, from the candidate index (rarest shared keys first). */
const CANDIDATE_POOL = 60;

export type ExternalMatch = ExternalFactCheckItem & {
  /** same_claim: the signals agree; opposite_claim: they agree but one of the two is negated. */
  match: "same_claim" | "opposite_claim";
  /** How alike the two statements are in meaning, 0 to 1. */
  similarity: number;
  /** Every signal, each a reason the editor reads (lib/relations/suggestion-reasons.ts words them). */
  reasons: MatchSignal[];
};

export async function matchExternalFactChecks(claim: ClaimText): Promise<ExternalMatch[]> {
  const profile = describeClaim(claim);
  const index = await loadExternalCheckIndex();
  const found = index
    .candidates(profile, CANDIDATE_POOL)
    .map((candidate) => ({ id: candidate.id, ...compareClaims(profile, candidate.profile) }))
    .filter((found) => found.verdict !== "related")
    .sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1))
    .slice(0, MAX_MATCHES);
  if (found.length === 0) return [];
  const rows = await getDb().$queryRaw<ExternalFactCheckItem[]>`
    SELECT ${EXTERNAL_ITEM_COLUMNS}
      FROM ${EXTERNAL_ITEM_FROM}
     WHERE e.id = ANY(${found.map((match) => match.id)}::uuid[])`;
  const byId = new Map(rows.map((row) => [row.id, row]));
  return found.flatMap((match) => {
    const item = byId.get(match.id);
    if (!item) return [];
    const similarity = match.signals.find((signal) => signal.kind === "statement")?.similarity ?? 0;
    return [{ ...item, match: match.verdict === "likely_same" ? ("same_claim" as const) : ("opposite_claim" as const), similarity, reasons: match.signals }];
  });
}
