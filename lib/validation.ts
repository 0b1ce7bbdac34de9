import { z } from "zod";
import { DomainError } from "@/lib/errors";

/** For z.preprocess: an empty form field means "none". */
export const blankToUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);

/** An ISO 639-1 language code, or "und" when the language could not be told. */
export const languageCode = z.string().regex(/^([a-z]{2}|und)$/, "use a two-letter language code");

// Dates: every date a person types (an article's publication date, the date a claim was made) must
// fall between 1 January 1800 and 31 December two years after the current one. Earlier than 1800
// is older than the press Claimwork checks (and is what a mistyped year such as 0219 or 1019
// gives); later leaves room for time zones and embargoed pieces dated ahead, while refusing a
// mistyped 2205 or 20245. Unbounded, a year such as 99999 or -100000 reached the database and failed
// there. The latest date moves with the clock, so it is computed when the input is checked.
export const EARLIEST_DATE = "1800-01-01";
const YEARS_AHEAD = 2;

/** The last day accepted in a date field, "YYYY-12-31", for a check made at `now`. */
export function latestDate(now: Date = new Date()): string {
  return `${now.getUTCFullYear() + YEARS_AHEAD}-12-31`;
}

const outOfRange = (label: string) => `${label} must be between ${EARLIEST_DATE} and ${latestDate()}`;
const badFormat = (label: string) => `use a date like 2019-05-22 for ${label}`;

function isSaneInstant(date: Date): boolean {
  const latestYear = Number(latestDate().slice(0, 4));
  return date.getTime() >= Date.parse(`${EARLIEST_DATE}T00:00:00Z`) && date.getTime() < Date.UTC(latestYear + 1, 0, 1);
}

/**
 * A point in time typed by a person (a Date, or an ISO 8601 date or date and time), refused outside
 * EARLIEST_DATE to latestDate() (UTC); `label` names the field in the messages ("the publication date").
 */
export function dateInput(label: string) {
  return z.coerce.date({ error: badFormat(label) }).refine(isSaneInstant, { error: () => outOfRange(label) });
}

/** A calendar day typed by a person, "YYYY-MM-DD", refused outside EARLIEST_DATE to latestDate(). */
export function dayInput(label: string) {
  return z.iso.date({ error: badFormat(label), abort: true }).refine((day) => day >= EARLIEST_DATE && day <= latestDate(), { error: () => outOfRange(label) });
}

/** One sentence naming every problem with the input, for the person who sent it. */
export function describeIssues(error: z.ZodError): string {
  const summary = error.issues
    .map((issue) => (issue.path.length ? `${issue.path.join(".")}: ${issue.message}` : issue.message))
    .join("; ");
  return `Nothing was saved. ${summary}`;
}

// PostgreSQL text cannot hold NUL, and a lone UTF-16 surrogate has no UTF-8 form (the driver would
// store U+FFFD instead): such text is refused up front rather than failing in, or being altered by,
// the database.
const NUL = "\u0000";
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function isPlainContainer(value: unknown): value is Record<string, unknown> | unknown[] {
  if (Array.isArray(value)) return true;
  if (value === null || typeof value !== "object") return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

type Visit = { value: unknown; key?: PropertyKey; parent?: Visit };

/** The first text in `input` (at any depth, walked without recursion) that cannot be stored as sent. */
function unstorableText(input: unknown): z.core.$ZodIssue | null {
  const pending: Visit[] = [{ value: input }];
  for (let visit = pending.pop(); visit; visit = pending.pop()) {
    const { value } = visit;
    if (typeof value === "string") {
      const problem = value.includes(NUL)
        ? "contains a NUL character, which cannot be saved"
        : LONE_SURROGATE.test(value)
          ? "contains a broken character (an unpaired UTF-16 surrogate), which cannot be saved"
          : null;
      if (problem) return { code: "custom", path: pathTo(visit), message: problem, input: undefined };
    } else if (isPlainContainer(value)) {
      for (const [key, child] of Object.entries(value)) pending.push({ value: child, key: Array.isArray(value) ? Number(key) : key, parent: visit });
    }
  }
  return null;
}

function pathTo(visit: Visit): PropertyKey[] {
  const path: PropertyKey[] = [];
  for (let at: Visit | undefined = visit; at?.key !== undefined; at = at.parent) path.unshift(at.key);
  return path;
}

/** schema.safeParse, also refusing any text of the parsed input that the database could not store exactly as sent. */
export function safeParseInput<Schema extends z.ZodType>(schema: Schema, input: unknown): z.ZodSafeParseResult<z.output<Schema>> {
  const parsed = schema.safeParse(input);
  const issue = parsed.success ? unstorableText(parsed.data) : null;
  return issue ? ({ success: false, error: new z.ZodError([issue]) } as z.ZodSafeParseResult<z.output<Schema>>) : parsed;
}

/** Validates a use case's input; bad input becomes an expected "invalid" error that names the fields. */
export function parseInput<Schema extends z.ZodType>(schema: Schema, input: unknown): z.output<Schema> {
  const parsed = safeParseInput(schema, input);
  if (parsed.success) return parsed.data;
  const fields = [...new Set(parsed.error.issues.map((issue) => issue.path.join(".")).filter(Boolean))];
  // In other languages the interface names the fields refused (zod's reasons are English).
  throw new DomainError("invalid", describeIssues(parsed.error), { fields: z.flattenError(parsed.error).fieldErrors }, {
    key: fields.length ? "invalidFields" : "invalid",
    params: { fields: fields.join(", ") },
  });
}
