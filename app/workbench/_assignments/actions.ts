"use server";

import { createAction } from "@/lib/actions/create-action";
import { assignClaim, assignClaimSchema } from "@/lib/assignments/assign-claim";
import { assignVerdictReviewer, assignVerdictReviewerSchema } from "@/lib/assignments/assign-verdict-reviewer";

// Public endpoints: each use case checks assignments.write, the assignee (and four eyes for a
// reviewer), and writes its audit row and the assignee's notification in one transaction.
export const assignClaimAction = createAction(assignClaimSchema, assignClaim);
export const assignVerdictReviewerAction = createAction(assignVerdictReviewerSchema, assignVerdictReviewer);
