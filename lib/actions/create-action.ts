import { randomUUID } from "node:crypto";
import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { z } from "zod";
import { getActor } from "@/lib/auth/get-actor";
import type { Actor } from "@/lib/auth/actor";
import { englishMessage, isDatabaseUnavailable, isDomainError, type DomainErrorCode, type ErrorMessageKey, type FieldIssue } from "@/lib/errors";
import { describeIssues, englishFieldErrors, fieldIssues, safeParseInput } from "@/lib/validation";
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
  /** The refused fields, as catalogue reasons, for a form to show in the person's language. */
  issues?: FieldIssue[];
};
export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: ActionError };

/** A refusal of the input itself, field by field. */
export function refusedInput(error: z.ZodError): ActionError {
  return { code: "invalid", message: describeIssues(error), fields: englishFieldErrors(error), messageKey: { key: "refusedFields" }, issues: fieldIssues(error) };
}

/** What a failed action tells the client: an expected error as it is, anything else without its details. */
export function actionErrorOf(error: unknown, requestId: string): ActionError {
  if (isDomainError(error)) {
    return { code: error.code, message: error.message, details: error.details, messageKey: error.messageKey, issues: error.issues };
  }
  // The database is down or saturated: the form can tell the user to retry, not that they erred.
  if (isDatabaseUnavailable(error)) return { code: "unavailable", message: englishMessage({ key: "unavailable" }), messageKey: { key: "unavailable" } };
  console.error(`[action ${requestId}]`, error);
  const messageKey: ErrorMessageKey = { key: "internal", params: { reference: requestId } };
  return { code: "internal", message: englishMessage(messageKey), messageKey };
}

/** The refusal of a request that does not come from a page of this site. */
export const NOT_FROM_THIS_SITE_ERROR: ActionError = { code: "forbidden", message: NOT_FROM_THIS_SITE, messageKey: { key: "notFromThisSite" } };

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
        return { ok: false, error: NOT_FROM_THIS_SITE_ERROR };
      }
      const actor = await getActor();
      if (!actor) return { ok: false, error: { code: "unauthenticated", message: englishMessage({ key: "signInFirst" }), messageKey: { key: "signInFirst" } } };
      requestId = actor.requestId;
      const parsed = safeParseInput(schema, rawInput instanceof FormData ? formToObject(rawInput) : rawInput);
      if (!parsed.success) return { ok: false, error: refusedInput(parsed.error) };
      const data = await useCase(actor, parsed.data);
      // Readers' pages the use case says it changed (the same list it wrote for the reader cache) are
      // rendered again; workbench pages are rendered per request and refreshed by their forms.
      if (changesPublicPages(data)) for (const path of data.changedPages) revalidatePath(path);
      return { ok: true, data };
    } catch (error) {
      return { ok: false, error: actionErrorOf(error, requestId) };
    }
  };
}
