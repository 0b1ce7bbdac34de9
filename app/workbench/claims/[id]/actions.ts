"use server";

import { createAction } from "@/lib/actions/create-action";
import { updateClaim, updateClaimSchema } from "@/lib/claims/update-claim";
import { claimPassagesSchema, getClaimPassages } from "@/lib/claims/get-claim-detail";
import { relateClaims, relationInputSchema } from "@/lib/relations/relate-claims";
import { removeRelation, removeRelationSchema } from "@/lib/relations/remove-relation";
import { searchClaims, searchClaimsSchema } from "@/lib/search/search-claims";

// Public endpoints, reachable by a direct POST: createAction re-reads the session and validates the
// input; each use case checks the permission and writes its audit row in the same transaction.
// A claim's wording and links show on the claim pages, the graph, the review pages and on published
// fact-checks (related claims), so those pages are refreshed.
const PAGES = [
  "/workbench/claims",
  "/workbench/claims/[id]",
  "/workbench/claims/[id]/verdict",
  "/workbench/graph",
  "/workbench/review",
  "/workbench/review/[revisionId]",
  "/fact-checks/[slug]",
];

export const updateClaimAction = createAction(updateClaimSchema, updateClaim, { revalidate: PAGES });
export const relateClaimsAction = createAction(relationInputSchema, relateClaims, { revalidate: PAGES });
export const removeRelationAction = createAction(removeRelationSchema, removeRelation, { revalidate: PAGES });
/** Finds the claim to link to, across articles and languages. */
export const findClaimsAction = createAction(searchClaimsSchema, searchClaims);
/** The passages of the chosen claim, to cite as justifying a link. */
export const claimPassagesAction = createAction(claimPassagesSchema, getClaimPassages);
