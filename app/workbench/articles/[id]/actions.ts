"use server";

import { createAction } from "@/lib/actions/create-action";
import { createClaim, claimInputSchema } from "@/lib/claims/create-claim";
import { addPassage, passageInputSchema } from "@/lib/claims/add-passage";
import { confirmPassage, passageIdSchema } from "@/lib/claims/confirm-passage";
import { reattachPassage, reattachPassageSchema } from "@/lib/claims/reattach-passage";
import { removePassage } from "@/lib/claims/remove-passage";
import { searchClaims, searchClaimsSchema } from "@/lib/search/search-claims";
import { updateArticleDetails, updateArticleDetailsSchema } from "@/lib/articles/update-article-details";

// Every annotator mutation is a public endpoint: createAction re-reads the session, validates the
// input, and the use case checks the permission on the record.
// Published fact-checks quote their approved snapshots (article details included), so none of
// these changes a reader page.

export const createClaimAction = createAction(claimInputSchema, createClaim);
export const addPassageAction = createAction(passageInputSchema, addPassage);
export const confirmPassageAction = createAction(passageIdSchema, confirmPassage);
export const reattachPassageAction = createAction(reattachPassageSchema, reattachPassage);
export const removePassageAction = createAction(passageIdSchema, removePassage);
/** Finds claims to attach a selection to, across articles and across English and French. */
export const findClaimsAction = createAction(searchClaimsSchema, searchClaims);
/** Corrects the article's title, outlet, author(s), address, language and date; the text stays as imported. */
export const updateArticleDetailsAction = createAction(updateArticleDetailsSchema, updateArticleDetails);
