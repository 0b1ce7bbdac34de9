"use server";

import { createAction } from "@/lib/actions/create-action";
import { tagClaims, tagClaimsSchema } from "@/lib/claims/tag-claims";
import { assignClaims, assignClaimsSchema } from "@/lib/assignments/assign-claims";
import { relateClaimsToOne, relateClaimsToOneSchema } from "@/lib/relations/relate-claims-to-one";

// Bulk work on the claims ticked in the list. Public endpoints: each use case checks its permission
// (claims.write, assignments.write, relations.write), changes all claims or none in one transaction,
// and writes one audit row per claim changed. Reader pages show approved snapshots: none changes.
export const tagClaimsAction = createAction(tagClaimsSchema, tagClaims);
export const assignClaimsAction = createAction(assignClaimsSchema, assignClaims);
export const relateClaimsToOneAction = createAction(relateClaimsToOneSchema, relateClaimsToOne);
