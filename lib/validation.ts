import { z } from "zod";
import { DomainError, englishMessage, englishReason, refuse, type ErrorParams, type FieldIssue, type ReasonKey } from "@/lib/errors";

// A schema's own reasons are written with reason(key): zod carries the English text, and the text
// leads back to its catalogue key and parameters, so a form can show the reason in any language.
const reasonsByText = new Map<string, { reason: ReasonKey; params?: ErrorParams }>();

/** A reason of the catalogue (`errors.reasons`), as the English message a zod check takes. */
export function reason(key: ReasonKey, params?: ErrorParams): string {
  const text = englishReason(key, params);
  if (!reasonsByText.has(text)) reasonsByText.set(text, { reason: key, params });
  return text;
}

/** For z.preprocess: an empty form field means "none". */
export const blankToUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);

/** An ISO 639-1 language code, or "und" when the language could not be told. */
export const languageCode = z.string().regex(/^([a-z]{2}|und)$/, reason("languageCode"));

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

const outOfRange = (label: string) => reason("dateOutOfRange", { label, earliest: EARLIEST_DATE, latest: latestDate() });
const badFormat = (label: string) => reason("dateFormat", { label });

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
  return englishMessage({ key: "refusedFields", params: { list: summary } });
}

type Bounds = { origin?: string; minimum?: unknown; maximum?: unknown };

/** Why zod refused a value, as a catalogue reason: the schema's own reason, else one for the kind of check. */
function reasonOf(issue: z.core.$ZodIssue): Pick<FieldIssue, "reason" | "params"> {
  const own = reasonsByText.get(issue.message);
  if (own) return own;
  const { origin, minimum, maximum } = issue as Bounds;
  const limit = (value: unknown) => (typeof value === "number" || typeof value === "bigint" ? Number(value) : String(value));
  switch (issue.code) {
    case "too_small":
      if (origin === "string") return Number(minimum) === 1 ? { reason: "required" } : { reason: "tooShort", params: { minimum: limit(minimum) } };
      return origin === "array" || origin === "set" ? { reason: "tooFew", params: { minimum: limit(minimum) } } : { reason: "tooSmall", params: { minimum: limit(minimum) } };
    case "too_big":
      if (origin === "string") return { reason: "tooLong", params: { maximum: limit(maximum) } };
      return origin === "array" || origin === "set" ? { reason: "tooMany", params: { maximum: limit(maximum) } } : { reason: "tooBig", params: { maximum: limit(maximum) } };
    case "invalid_type":
      return issue.input === undefined ? { reason: "required" } : { reason: "wrongType" };
    case "invalid_format":
      return issue.format === "url" ? { reason: "badUrl" } : issue.format === "uuid" ? { reason: "badId" } : issue.format === "email" ? { reason: "badEmail" } : { reason: "badFormat" };
    case "invalid_value":
      return { reason: "notAllowed" };
    case "unrecognized_keys":
      return { reason: "unknownField" };
    default:
      return { reason: "invalidValue" };
  }
}

/** Every problem of a refused input as catalogue keys, field by field (ADR 0018). */
export function fieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({ field: issue.path.map(String).join("."), ...reasonOf(issue) }));
}

/** Field name -> English reasons, for a form (or an API client) to show next to its inputs. */
export function englishFieldErrors(error: z.ZodError): Record<string, string[]> {
  return z.flattenError(error).fieldErrors as Record<string, string[]>;
}

/** The refusal of one field found wrong by a use case after validation (a wrong current password, say). */
export function refuseField(field: string, key: ReasonKey, params?: ErrorParams): DomainError {
  return refuse("invalid", { key: "refusedFields" }, { fields: { [field]: [englishReason(key, params)] } }, [{ field, reason: key, params }]);
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
      const problem = value.includes(NUL) ? reason("nulCharacter") : LONE_SURROGATE.test(value) ? reason("loneSurrogate") : null;
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
  throw new DomainError("invalid", describeIssues(parsed.error), { fields: englishFieldErrors(parsed.error) }, { key: "refusedFields" }, fieldIssues(parsed.error));
}
