import { randomUUID } from "node:crypto";
import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { z } from "zod";
import { getActor } from "@/lib/auth/get-actor";
import type { Actor } from "@/lib/auth/actor";
import { isDatabaseUnavailable, isDomainError, UNAVAILABLE_MESSAGE_TEXT, type DomainErrorCode, type ErrorMessageKey } from "@/lib/errors";
import { describeIssues, safeParseInput } from "@/lib/validation";
import { comesFromThisSite, NOT_FROM_THIS_SITE } from "@/lib/actions/comes-from-this-site";
import { changesPublicPages } from "@/lib/publishing/announce-public-page-changes";

export type ActionError = {
  code: DomainErrorCode | "unavailable" | "internal";
  message: string;
  /** Field name -> messages, for a form to show next to its inputs. */
  fields?: Record<string, string[]>;
  details?: Record<string, unknown>;
  /** The message in the errors catalogue, for a form to show in the person's language (ADR 0018). */
  messageKey?: ErrorMessageKey;
};
export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: ActionError };

/** Turns a submitted form into a plain object; repeated names become arrays. */
function formToObject(form: FormData): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const [key, value] of form.entries()) {
    if (key.startsWith("$ACTION")) continue; // Next's own fields
    const existing = result[key];
    if (existing === undefined) result[key] = value;
    else result[key] = Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return result;
}

/**
 * The one wrapper every mutation goes through: session -> zod input -> use case (which checks the
 * permission on the record and writes its audit row in the same transaction). A server action is a
 * public endpoint reachable by a direct POST, so nothing here trusts the page that rendered the form.
 * Only expected errors reach the client; anything else is logged with a request id.
 */
export function createAction<Schema extends z.ZodType, Result>(
  schema: Schema,
  useCase: (actor: Actor, input: z.output<Schema>) => Promise<Result>,
) {
  return async (rawInput: unknown): Promise<ActionResult<Result>> => {
    let requestId: string = randomUUID();
    try {
      if (!comesFromThisSite(await headers())) {
        return { ok: false, error: { code: "forbidden", message: NOT_FROM_THIS_SITE } };
      }
      const actor = await getActor();
      if (!actor) return { ok: false, error: { code: "unauthenticated", message: "Please sign in to do this." } };
      requestId = actor.requestId;
      const parsed = safeParseInput(schema, rawInput instanceof FormData ? formToObject(rawInput) : rawInput);
      if (!parsed.success) {
        const fields = z.flattenError(parsed.error).fieldErrors as Record<string, string[]>;
        const messageKey = { key: "invalidFields", params: { fields: Object.keys(fields).join(", ") } };
        return { ok: false, error: { code: "invalid", message: describeIssues(parsed.error), fields, messageKey } };
      }
      const data = await useCase(actor, parsed.data);
      // Readers' pages the use case says it changed (the same list it wrote for the reader cache) are
      // rendered again; workbench pages are rendered per request and refreshed by their forms.
      if (changesPublicPages(data)) for (const path of data.changedPages) revalidatePath(path);
      return { ok: true, data };
    } catch (error) {
      if (isDomainError(error)) {
        return { ok: false, error: { code: error.code, message: error.message, details: error.details, messageKey: error.messageKey } };
      }
      // The database is down or saturated: the form can tell the user to retry, not that they erred.
      if (isDatabaseUnavailable(error)) {
        return { ok: false, error: { code: "unavailable", message: UNAVAILABLE_MESSAGE_TEXT, messageKey: { key: "unavailable" } } };
      }
      console.error(`[action ${requestId}]`, error);
      return {
        ok: false,
        error: {
          code: "internal",
          message: `Something went wrong and nothing was saved (reference ${requestId}).`,
          messageKey: { key: "internal", params: { reference: requestId } },
        },
      };
    }
  };
}
