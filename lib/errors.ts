import { createTranslator } from "next-intl";
import englishErrors from "@/messages/en/errors.json";
import { formatRefusal, type ErrorMessageKey, type ErrorParams, type ErrorTranslator, type FieldIssue, type ReasonKey } from "@/lib/refusal";

// Expected errors: their messages are written for the person who caused them and may reach the
// client. Anything else is unexpected and is reported with a generic message only.
export type DomainErrorCode =
  | "unauthenticated"
  | "forbidden"
  | "not_found"
  | "invalid"
  | "conflict"
  | "illegal_transition"
  | "rate_limited";

export type { ErrorKey, ErrorMessageKey, ErrorParams, ErrorTranslator, FieldIssue, ReasonKey } from "@/lib/refusal";
export { formatRefusal } from "@/lib/refusal";

const english = createTranslator({ locale: "en", messages: { errors: englishErrors }, namespace: "errors", timeZone: "UTC" }) as unknown as ErrorTranslator;

/** A catalogue message in English, with its listed items. */
export function englishMessage(messageKey: ErrorMessageKey, issues?: readonly FieldIssue[]): string {
  return formatRefusal(english, messageKey, issues);
}

/** A reason of `errors.reasons` in English (what a schema passes to zod as its message). */
export function englishReason(key: ReasonKey, params?: ErrorParams): string {
  return english(`reasons.${key}`, params);
}

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
    readonly messageKey?: ErrorMessageKey,
    /** The fields refused by validation, for a form to show next to its inputs in any language. */
    readonly issues?: FieldIssue[],
  ) {
    super(message);
    this.name = "DomainError";
  }
}

/** What a refusal says: a catalogue message (preferred), or plain English text (not translated). */
export type Refusal = ErrorMessageKey | string;

export function refuse(code: DomainErrorCode, refusal: Refusal, details?: Record<string, unknown>, issues?: FieldIssue[]): DomainError {
  return typeof refusal === "string"
    ? new DomainError(code, refusal, details)
    : new DomainError(code, englishMessage(refusal, issues), details, refusal, issues);
}

/** The things that can be missing; `errors.messages.notFound` names each in every language. */
export type MissingThing =
  | "article" | "articleRevision" | "articleText" | "revision" | "claim" | "claims" | "claimToLink" | "relation"
  | "verdict" | "verdictRevision" | "passage" | "thread" | "sourceChange" | "user" | "account" | "factCheck"
  | "articleToFollow" | "claimToFollow" | "verdictToFollow";

export const notFound = (thing: MissingThing) => refuse("not_found", { key: "notFound", params: { thing } });
export const forbidden = (refusal: Refusal = { key: "forbidden" }) => refuse("forbidden", refusal);
export const conflict = (refusal: Refusal, details?: Record<string, unknown>) => refuse("conflict", refusal, details);
export const invalid = (refusal: Refusal, details?: Record<string, unknown>) => refuse("invalid", refusal, details);
export const illegalTransition = (refusal: Refusal) => refuse("illegal_transition", refusal);
export const unauthenticated = () => refuse("unauthenticated", { key: "signInFirst" });
export const rateLimited = (refusal: Refusal, details?: Record<string, unknown>) => refuse("rate_limited", refusal, details);

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}

/** PostgreSQL error code carried by a Prisma or pg error, if any (e.g. "23505" unique violation). */
export function postgresCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current && typeof current === "object"; depth++) {
    const record = current as Record<string, unknown>;
    const meta = record.meta as Record<string, unknown> | undefined;
    const driverError = meta?.driverAdapterError as Record<string, unknown> | undefined;
    const cause = driverError?.cause as Record<string, unknown> | undefined;
    if (typeof cause?.originalCode === "string") return cause.originalCode;
    // Prisma's own code for a unique violation, when the driver's code is not attached.
    if (record.code === "P2002") return "23505";
    if (typeof record.code === "string" && /^[0-9A-Z]{5}$/.test(record.code) && !record.code.startsWith("P")) {
      return record.code;
    }
    current = record.cause;
  }
  return undefined;
}

// Prisma's codes for a database it cannot reach, lost mid-query, or could not get a connection or a
// transaction from in time (pool saturated).
const UNAVAILABLE_PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024", "P2028", "P2037"]);
// PostgreSQL: connection exceptions (08xxx), server shutting down, crashed or starting (57P01-57P03),
// too many connections (53300), statement or lock timeout (57014, 55P03).
const UNAVAILABLE_SQLSTATE = /^(08[0-9A-Z]{3}|57P0[1-3]|53300|57014|55P03)$/;
// What pg throws bare (Prisma passes it through) when a socket dies or the pool's acquire timeout passes.
const UNAVAILABLE_MESSAGE = /Connection terminated|timeout exceeded when trying to connect|connection error and is not queryable|ECONNREFUSED|ECONNRESET/;

/**
 * True when the error says the database is down, unreachable or saturated rather than that the
 * request was wrong: such a request may succeed when retried, so it is answered 503, not 500.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  const code = postgresCode(error);
  if (code && UNAVAILABLE_SQLSTATE.test(code)) return true;
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current && typeof current === "object"; depth++) {
    const record = current as Record<string, unknown>;
    if (typeof record.code === "string" && UNAVAILABLE_PRISMA_CODES.has(record.code)) return true;
    const meta = record.meta as Record<string, unknown> | undefined;
    const driverError = meta?.driverAdapterError as Record<string, unknown> | undefined;
    const kind = (driverError?.cause as Record<string, unknown> | undefined)?.kind;
    if (kind === "DatabaseNotReachable" || kind === "ConnectionClosed" || kind === "SocketTimeout" || kind === "TooManyConnections") return true;
    if (typeof record.message === "string" && UNAVAILABLE_MESSAGE.test(record.message)) return true;
    current = record.cause;
  }
  return false;
}

/** The one message a user or client sees while the database is unavailable. */
export const UNAVAILABLE_MESSAGE_TEXT = englishMessage({ key: "unavailable" });
