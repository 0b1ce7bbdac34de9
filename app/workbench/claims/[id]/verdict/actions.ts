"use server";

import { createAction } from "@/lib/actions/create-action";
import { saveVerdictDraft, saveVerdictDraftSchema } from "@/lib/verdicts/save-verdict-draft";
import { submitVerdict, submitVerdictSchema } from "@/lib/verdicts/submit-verdict";

// Public endpoints, reachable by a direct POST: each goes through createAction (session -> zod ->
// use case, which checks the permission on the record and writes the audit row).
const WORKBENCH_PAGES = ["/workbench", "/workbench/review", "/workbench/claims/[id]/verdict", "/workbench/claims/[id]"];

export const saveVerdictDraftAction = createAction(saveVerdictDraftSchema, saveVerdictDraft, { revalidate: WORKBENCH_PAGES });

export const submitVerdictAction = createAction(submitVerdictSchema, submitVerdict, { revalidate: WORKBENCH_PAGES });
