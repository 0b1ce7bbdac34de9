"use server";

import { createAction } from "@/lib/actions/create-action";
import { updateClaim, updateClaimSchema } from "@/lib/claims/update-claim";
import { claimPassagesSchema, getClaimPassages } from "@/lib/claims/get-claim-detail";
import { relateClaims, relationInputSchema } from "@/lib/relations/relate-claims";
import { removeRelation, removeRelationSchema } from "@/lib/relations/remove-relation";
import { searchClaims, searchClaimsSchema } from "@/lib/search/search-claims";

// Public endpoints, reachable by a direct POST: createAction re-reads the session and validates the
// input; each use case checks the permission and writes its audit row in the same transaction.
// None of these changes a reader page: published fact-checks show their approved snapshots.
export const updateClaimAction = createAction(updateClaimSchema, updateClaim);
export const relateClaimsAction = createAction(relationInputSchema, relateClaims);
export const removeRelationAction = createAction(removeRelationSchema, removeRelation);
/** Finds the claim to link to, across articles and languages. */
export const findClaimsAction = createAction(searchClaimsSchema, searchClaims);
/** The passages of the chosen claim, to cite as justifying a link. */
export const claimPassagesAction = createAction(claimPassagesSchema, getClaimPassages);
