"use server";

import { createAction } from "@/lib/actions/create-action";
import { resolveSourceChange, resolveSourceChangeSchema } from "@/lib/sources/resolve-source-change";

// A public endpoint, reachable by a direct POST: createAction re-reads the session and the use case
// checks the reviewer's permission, the four-eyes rule and the item's version. Workbench pages are
// rendered per request; the form refreshes its own.
export const resolveSourceChangeAction = createAction(resolveSourceChangeSchema, resolveSourceChange);
