import { z } from "zod";
import { invalid } from "@/lib/errors";

/** An ISO 639-1 language code, or "und" when the language could not be told. */
export const languageCode = z.string().regex(/^([a-z]{2}|und)$/, "use a two-letter language code");

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
  throw invalid(describeIssues(parsed.error), { fields: z.flattenError(parsed.error).fieldErrors });
}
