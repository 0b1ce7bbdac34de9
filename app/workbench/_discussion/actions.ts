"use server";

import { createAction } from "@/lib/actions/create-action";
import { postComment, postCommentSchema } from "@/lib/discussion/post-comment";
import { setThreadResolved, setThreadResolvedSchema } from "@/lib/discussion/set-thread-resolved";

// Public endpoints: createAction re-reads the session and validates the input; each use case checks
// discussion.write and writes its audit row (and its notifications) in the same transaction.
// Comments are workbench-only: no reader page changes.
export const postCommentAction = createAction(postCommentSchema, postComment);
export const setThreadResolvedAction = createAction(setThreadResolvedSchema, setThreadResolved);
