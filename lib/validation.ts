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

/** Validates a use case's input; bad input becomes an expected "invalid" error that names the fields. */
export function parseInput<Schema extends z.ZodType>(schema: Schema, input: unknown): z.output<Schema> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  throw invalid(describeIssues(parsed.error), { fields: z.flattenError(parsed.error).fieldErrors });
}
