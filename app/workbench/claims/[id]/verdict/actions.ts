"use server";

import { createAction } from "@/lib/actions/create-action";
import { saveVerdictDraft, saveVerdictDraftSchema } from "@/lib/verdicts/save-verdict-draft";
import { submitVerdict, submitVerdictSchema } from "@/lib/verdicts/submit-verdict";

// Public endpoints, reachable by a direct POST: each goes through createAction (session -> zod ->
// use case, which checks the permission on the record and writes the audit row).
export const saveVerdictDraftAction = createAction(saveVerdictDraftSchema, saveVerdictDraft);
export const submitVerdictAction = createAction(submitVerdictSchema, submitVerdict);
