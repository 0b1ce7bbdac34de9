"use server";

import { createAction } from "@/lib/actions/create-action";
import { reviewVerdict, reviewVerdictSchema } from "@/lib/verdicts/review-verdict";
import { publishVerdict, publishVerdictSchema } from "@/lib/publishing/publish-verdict";

// Public endpoints, reachable by a direct POST: createAction re-reads the session and the use case
// checks the permission and the four-eyes rule on the exact revision. A publication returns the
// reader pages it changed, which createAction revalidates.
export const reviewVerdictAction = createAction(reviewVerdictSchema, reviewVerdict);
export const publishVerdictAction = createAction(publishVerdictSchema, publishVerdict);
