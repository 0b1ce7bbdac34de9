import { randomUUID } from "node:crypto";
import { headers } from "next/headers";
import { getActor } from "@/lib/auth/get-actor";
import type { Actor } from "@/lib/auth/actor";
import { englishMessage, isDatabaseUnavailable, isDomainError, UNAVAILABLE_MESSAGE_TEXT, type DomainErrorCode } from "@/lib/errors";
import { comesFromThisSite, NOT_FROM_THIS_SITE } from "@/lib/actions/comes-from-this-site";

const STATUS: Record<DomainErrorCode, number> = {
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  invalid: 422,
  conflict: 409,
  illegal_transition: 409,
  rate_limited: 429,
};

/**
 * The route-handler twin of createAction, for machine clients and uploads: the session is read
 * (anonymous allowed; the use case decides), expected errors become a JSON answer with a 4xx
 * status and a clear message, an unreachable or saturated database a 503 the client may retry,
 * anything else a 500 with a reference and no details.
 */
export async function runApiRequest(
  work: (actor: Actor | null) => Promise<Response | unknown>,
  /** For writes: a page of another site (or a forged X-Forwarded-Host) is refused before anything runs. */
  options: { fromThisSiteOnly?: boolean } = {},
): Promise<Response> {
  let requestId: string = randomUUID();
  try {
    if (options.fromThisSiteOnly && !comesFromThisSite(await headers())) {
      return Response.json({ error: { code: "forbidden", message: NOT_FROM_THIS_SITE } }, { status: 403 });
    }
    const actor = await getActor();
    if (actor) requestId = actor.requestId;
    const result = await work(actor);
    return result instanceof Response ? result : Response.json(result);
  } catch (error) {
    if (isDomainError(error)) {
      // The catalogue key and refused fields let a page of this site show the refusal in its reader's language.
      const { code, message, messageKey, issues } = error;
      return Response.json({ error: { code, message, messageKey, issues } }, { status: STATUS[error.code] });
    }
    if (isDatabaseUnavailable(error)) {
      console.error(`[api ${requestId}] database unavailable: ${error instanceof Error ? error.message.trim().split("\n").at(-1) : error}`);
      return Response.json(
        { error: { code: "unavailable", message: UNAVAILABLE_MESSAGE_TEXT, messageKey: { key: "unavailable" } } },
        { status: 503, headers: { "Retry-After": "5" } },
      );
    }
    console.error(`[api ${requestId}]`, error);
    return Response.json(
      { error: { code: "internal", message: englishMessage({ key: "internal", params: { reference: requestId } }), messageKey: { key: "internal", params: { reference: requestId } } } },
      { status: 500 },
    );
  }
}
