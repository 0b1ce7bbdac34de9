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

/**
 * What the interface shows for an error in any language (ADR 0018): a key of the message catalogue's
 * `errors` namespace and its parameters. Without one, the interface says what the code means in
 * general, or the English message to an English reader.
 */
export type ErrorMessageKey = { key: string; params?: Record<string, string | number> };

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
    readonly messageKey?: ErrorMessageKey,
  ) {
    super(message);
    this.name = "DomainError";
  }
}

export const notFound = (what: string) => new DomainError("not_found", `${what} was not found.`);
export const forbidden = (message?: string) =>
  new DomainError("forbidden", message ?? "You are not allowed to do this.", undefined, message ? undefined : { key: "forbidden" });
export const conflict = (message: string, details?: Record<string, unknown>) =>
  new DomainError("conflict", message, details);
export const invalid = (message: string, details?: Record<string, unknown>) =>
  new DomainError("invalid", message, details);
export const illegalTransition = (message: string) => new DomainError("illegal_transition", message);

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
export const UNAVAILABLE_MESSAGE_TEXT = "The database is unavailable right now. Please try again in a moment.";
