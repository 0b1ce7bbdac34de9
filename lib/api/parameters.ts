// The public API's query parameters: checked with zod at the boundary, refused (400) by name.
import { z } from "zod";

/** A parameter the client got wrong: the answer names it and says what is allowed. */
export class BadParameter extends Error {
  constructor(
    readonly parameter: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The query parameters, checked against `schema` (whose keys are the parameters' names). Unknown and
 * repeated parameters are refused too, so that a mistyped name is not silently ignored.
 */
export function readParameters<Schema extends z.ZodObject>(url: URL, schema: Schema): z.output<Schema> {
  const allowed = Object.keys(schema.shape);
  const raw: Record<string, string> = {};
  for (const [name, value] of url.searchParams) {
    if (!allowed.includes(name)) {
      throw new BadParameter(name, `unknown parameter; the parameters are ${allowed.join(", ") || "none"}`);
    }
    if (name in raw) throw new BadParameter(name, "give this parameter once");
    raw[name] = value;
  }
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  throw new BadParameter(String(issue.path[0] ?? "query"), issue.message);
}
