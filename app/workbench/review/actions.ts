"use server";

import { revalidatePath } from "next/cache";
import { createAction } from "@/lib/actions/create-action";
import { reviewVerdict, reviewVerdictSchema } from "@/lib/verdicts/review-verdict";
import { publishVerdict, publishVerdictSchema } from "@/lib/publishing/publish-verdict";

// Public endpoints, reachable by a direct POST: createAction re-reads the session and the use case
// checks the permission and the four-eyes rule on the exact revision.
const WORKBENCH_PAGES = ["/workbench", "/workbench/review", "/workbench/review/[revisionId]", "/workbench/claims/[id]/verdict", "/workbench/claims/[id]"];

export const reviewVerdictAction = createAction(reviewVerdictSchema, reviewVerdict, { revalidate: WORKBENCH_PAGES });

export const publishVerdictAction = createAction(
  publishVerdictSchema,
  async (actor, input) => {
    const published = await publishVerdict(actor, input);
    // The reader cache heard of these pages from the database; this refreshes the reviewer's own
    // browser, whose router may hold the earlier versions.
    for (const path of published.changedPages) revalidatePath(path);
    return published;
  },
  { revalidate: WORKBENCH_PAGES },
);
