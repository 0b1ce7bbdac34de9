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

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = "DomainError";
  }
}

export const notFound = (what: string) => new DomainError("not_found", `${what} was not found.`);
export const forbidden = (message = "You are not allowed to do this.") => new DomainError("forbidden", message);
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
