"use server";

import { createAction } from "@/lib/actions/create-action";
import { createClaim, claimInputSchema } from "@/lib/claims/create-claim";
import { addPassage, passageInputSchema } from "@/lib/claims/add-passage";
import { confirmPassage, passageIdSchema } from "@/lib/claims/confirm-passage";
import { reattachPassage, reattachPassageSchema } from "@/lib/claims/reattach-passage";
import { removePassage } from "@/lib/claims/remove-passage";
import { searchClaims, searchClaimsSchema } from "@/lib/search/search-claims";

// Every annotator mutation is a public endpoint: createAction re-reads the session, validates the
// input, and the use case checks the permission on the record.
// Published fact-checks quote passages, so their pages are refreshed too.
const articlePages = ["/workbench/articles/[id]", "/workbench/articles", "/workbench/claims/[id]", "/fact-checks/[slug]"];

export const createClaimAction = createAction(claimInputSchema, createClaim, { revalidate: articlePages });
export const addPassageAction = createAction(passageInputSchema, addPassage, { revalidate: articlePages });
export const confirmPassageAction = createAction(passageIdSchema, confirmPassage, { revalidate: articlePages });
export const reattachPassageAction = createAction(reattachPassageSchema, reattachPassage, { revalidate: articlePages });
export const removePassageAction = createAction(passageIdSchema, removePassage, { revalidate: articlePages });
/** Finds claims to attach a selection to, across articles and across English and French. */
export const findClaimsAction = createAction(searchClaimsSchema, searchClaims);
