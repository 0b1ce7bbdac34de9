// Consistency of ratings across linked claims: pure rules, no database (find-consistency-warnings.ts
// loads the graph and calls them). A warning is advice for the editor and the reviewer: it never
// blocks a save, a review or a publication.
//
// The rating of a claim is the rating of its verdict's current revision: the revision in review,
// approved or published (the last one submitted). Unsubmitted drafts do not count, and claims
// without a submitted revision are never part of a warning.
import type { Rating, RelationType } from "@/lib/generated/prisma/enums";

export type RatedClaim = {
  id: string;
  statement: string;
  claimant: string;
  /** Rating of the verdict's current revision; null when nothing was submitted. */
  rating: Rating | null;
  verdictId: string | null;
};

export type RatedRelation = { id: string; type: RelationType; from: RatedClaim; to: RatedClaim };

export type ConsistencyWarningKind =
  /** Two claims that contradict each other, both rated true or mostly true. */
  | "contradicting_claims_both_true"
  /** A claim rated true or mostly true, supported by a claim rated false or mostly false. */
  | "true_claim_supported_by_false_claim"
  /** Two claims linked as the same claim, with different ratings. */
  | "same_claim_diverging_ratings";

export type ConsistencyWarning = {
  kind: ConsistencyWarningKind;
  relationId: string;
  relationType: RelationType;
  /** For a support, [supporting claim, supported claim]; otherwise in the relation's order. */
  claims: [RatedClaim, RatedClaim];
  /** One sentence for the editor, naming both claims and their ratings. */
  message: string;
};

const LABELS: Record<Rating, string> = {
  false: "False",
  mostly_false: "Mostly false",
  mixed: "Mixed",
  mostly_true: "Mostly true",
  true: "True",
  unproven: "Unproven",
};

const TRUE_SIDE: ReadonlySet<Rating> = new Set<Rating>(["true", "mostly_true"]);
const FALSE_SIDE: ReadonlySet<Rating> = new Set<Rating>(["false", "mostly_false"]);

export function ratingLabel(rating: Rating): string {
  return LABELS[rating];
}

/** A statement short enough for a sentence: at most `max` characters, cut at a word. */
export function shortStatement(statement: string, max = 90): string {
  const clean = statement.replace(/\s+/g, " ").trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

const quoted = (claim: RatedClaim) => `${claim.claimant}: “${shortStatement(claim.statement)}”`;

/** The warning a single relation raises, or null. */
export function checkRelation(relation: RatedRelation): ConsistencyWarning | null {
  const { from, to } = relation;
  if (!from.rating || !to.rating || from.id === to.id) return null;
  const base = { relationId: relation.id, relationType: relation.type };
  switch (relation.type) {
    case "contradicts":
      if (TRUE_SIDE.has(from.rating) && TRUE_SIDE.has(to.rating)) {
        return {
          ...base,
          kind: "contradicting_claims_both_true",
          claims: [from, to],
          message:
            `These claims contradict each other, yet both are rated true: ${quoted(from)} is rated ${LABELS[from.rating]}, ` +
            `and ${quoted(to)} is rated ${LABELS[to.rating]}.`,
        };
      }
      return null;
    case "supports":
      // `from` supports `to`.
      if (TRUE_SIDE.has(to.rating) && FALSE_SIDE.has(from.rating)) {
        return {
          ...base,
          kind: "true_claim_supported_by_false_claim",
          claims: [from, to],
          message:
            `${quoted(to)} is rated ${LABELS[to.rating]}, but it is supported by ${quoted(from)}, ` +
            `which is rated ${LABELS[from.rating]}.`,
        };
      }
      return null;
    case "same_claim":
      if (from.rating !== to.rating) {
        return {
          ...base,
          kind: "same_claim_diverging_ratings",
          claims: [from, to],
          message:
            `These are linked as the same claim but are rated differently: ${quoted(from)} is rated ${LABELS[from.rating]}, ` +
            `and ${quoted(to)} is rated ${LABELS[to.rating]}.`,
        };
      }
      return null;
  }
}

/** Every warning the relations raise, one at most per relation, in the order of the relations. */
export function findWarnings(relations: readonly RatedRelation[]): ConsistencyWarning[] {
  const seen = new Set<string>();
  const warnings: ConsistencyWarning[] = [];
  for (const relation of relations) {
    if (seen.has(relation.id)) continue;
    seen.add(relation.id);
    const warning = checkRelation(relation);
    if (warning) warnings.push(warning);
  }
  return warnings;
}

/** The warnings that involve one claim. */
export function warningsForClaim(warnings: readonly ConsistencyWarning[], claimId: string): ConsistencyWarning[] {
  return warnings.filter((warning) => warning.claims.some((claim) => claim.id === claimId));
}

/** The warnings that involve one verdict. */
export function warningsForVerdict(warnings: readonly ConsistencyWarning[], verdictId: string): ConsistencyWarning[] {
  return warnings.filter((warning) => warning.claims.some((claim) => claim.verdictId === verdictId));
}
