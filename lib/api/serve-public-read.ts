// What every answer of the public read API (/api/v1) has in common, so that each route handler only
// checks its parameters and calls its use case: the rate limit per client address, CORS for
// anonymous GETs, validators (ETag, Last-Modified) and 304s, and errors as JSON with the right status.
import { createHash, randomUUID } from "node:crypto";
import { z } from "zod";
import { clientAddressFromHeaders } from "@/lib/auth/client-address";
import { isDatabaseUnavailable, isDomainError, UNAVAILABLE_MESSAGE_TEXT } from "@/lib/errors";
import { publicationsState, type PublicationsState } from "@/lib/publishing/list-published-fact-checks";
import { publicApiRateLimiter } from "@/lib/api/rate-limit";
import { BadParameter, readParameters } from "@/lib/api/parameters";

/** Any site may read the API from a browser: it answers anonymous GETs only, without cookies. */
const CORS_HEADERS: Record<string, string> = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Allow-Methods": "GET, OPTIONS",
  "Access-Control-Allow-Headers": "If-None-Match, If-Modified-Since",
  "Access-Control-Expose-Headers": "ETag, Last-Modified, Retry-After",
  "Access-Control-Max-Age": "86400",
};

/** Browsers and shared caches may keep an answer a minute, then ask again with its validators. */
const CACHE_CONTROL = "public, max-age=60";

/** Parameters of an address that takes none. */
export const NO_PARAMETERS = z.object({});

/** The answer to a CORS preflight. */
export function preflight(): Response {
  return new Response(null, { status: 204, headers: CORS_HEADERS });
}

export type PublicBody = { body: string | ReadableStream<Uint8Array>; contentType: string };

export type PublicRead = {
  /**
   * Everything the answer depends on besides published data (the address with its parameters);
   * it goes into the ETag with the state of publications.
   */
  variant: string;
  /** For answers that also depend on the day (maxAgeDays): they change at midnight UTC too. */
  changesDaily?: boolean;
  /** The answer, made only when the client's copy is not current. */
  answer: (publications: PublicationsState) => Promise<PublicBody>;
};

/**
 * Serves one public read: refused with 429 past the client's rate limit; 304 when the client's copy
 * is current (If-None-Match, else If-Modified-Since), judged by the state of publications before
 * any other database work; else the answer, with ETag, Last-Modified and CORS headers.
 */
export async function servePublicRead<Schema extends z.ZodObject>(
  request: Request,
  parameters: Schema,
  prepare: (parameters: z.output<Schema>, url: URL) => PublicRead,
): Promise<Response> {
  const decision = publicApiRateLimiter.take(clientAddressFromHeaders(request.headers));
  if (!decision.allowed) {
    return errorResponse(429, "rate_limited", `Too many requests from your address; try again in ${decision.retryAfterSeconds} s.`, {
      "Retry-After": String(decision.retryAfterSeconds),
    });
  }
  try {
    const url = new URL(request.url);
    const read = prepare(readParameters(url, parameters), url);
    const state = await publicationsState();
    let modified = state.lastChangedAt ?? new Date(0);
    // A copy made by another build is not current either, even if no publication changed: the build
    // is in the ETag, and Last-Modified is never before it (a copy dated earlier is older than it).
    const builtAt = buildTime();
    if (builtAt > modified) modified = builtAt;
    if (read.changesDaily) {
      const today = new Date(new Date().toISOString().slice(0, 10));
      if (today > modified) modified = today;
    }
    const lastModified = new Date(Math.floor(modified.getTime() / 1000) * 1000);
    const tag = createHash("sha256").update(`${builtAt.toISOString()}|${state.count}|${modified.toISOString()}|${read.variant}`).digest("base64url").slice(0, 27);
    const validators = { ETag: `W/"${tag}"`, "Last-Modified": lastModified.toUTCString(), "Cache-Control": CACHE_CONTROL, ...CORS_HEADERS };
    if (isCurrent(request.headers, validators.ETag, lastModified)) return new Response(null, { status: 304, headers: validators });
    const { body, contentType } = await read.answer(state);
    return new Response(body, { headers: { ...validators, "Content-Type": contentType } });
  } catch (error) {
    return failure(error);
  }
}

/** When the running build was made (next.config.js), or the epoch where none says so (tests). */
function buildTime(): Date {
  const builtAt = new Date(process.env.CLAIMWORK_BUILT_AT ?? 0);
  return Number.isNaN(builtAt.getTime()) ? new Date(0) : builtAt;
}

/** Whether the client's copy, named by its conditional headers, is still the current one. */
function isCurrent(headers: Headers, etag: string, lastModified: Date): boolean {
  const ifNoneMatch = headers.get("if-none-match");
  // If-None-Match wins over If-Modified-Since (RFC 9110, 13.2.2); ETags compare weakly.
  if (ifNoneMatch !== null) {
    const opaque = (value: string) => value.trim().replace(/^W\//, "");
    return ifNoneMatch.split(",").some((candidate) => candidate.trim() === "*" || opaque(candidate) === opaque(etag));
  }
  const ifModifiedSince = headers.get("if-modified-since");
  if (ifModifiedSince === null) return false;
  const since = Date.parse(ifModifiedSince);
  return !Number.isNaN(since) && lastModified.getTime() <= since;
}

function errorResponse(status: number, code: string, message: string, headers: Record<string, string> = {}, extra: Record<string, unknown> = {}): Response {
  return Response.json({ error: { code, message, ...extra } }, { status, headers: { ...CORS_HEADERS, "Cache-Control": "no-store", ...headers } });
}

function failure(error: unknown): Response {
  if (error instanceof BadParameter) {
    return errorResponse(400, "invalid_parameter", `${error.parameter}: ${error.message}`, {}, { parameter: error.parameter });
  }
  if (isDomainError(error)) {
    if (error.code === "not_found") return errorResponse(404, "not_found", error.message);
    if (error.code === "invalid") return errorResponse(400, "invalid_parameter", error.message);
    if (error.code === "rate_limited") {
      // The bounded search is full: the client may try again soon (503, not its own 429).
      const retryAfter = Number(error.details?.retryAfterSeconds ?? 5);
      return errorResponse(503, "busy", error.message, { "Retry-After": String(retryAfter) });
    }
  }
  if (isDatabaseUnavailable(error)) {
    return errorResponse(503, "unavailable", UNAVAILABLE_MESSAGE_TEXT, { "Retry-After": "5" });
  }
  const reference = randomUUID();
  console.error(`[api ${reference}]`, error);
  return errorResponse(500, "internal", `Something went wrong (reference ${reference}).`);
}
