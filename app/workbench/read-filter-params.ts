import { isDomainError } from "@/lib/errors";

/** The named query parameters of a list page, trimmed, first value only, empty ones left out. */
export function readFilterParams<Name extends string>(
  raw: Record<string, string | string[] | undefined>,
  names: readonly Name[],
): Partial<Record<Name, string>> {
  const values: Partial<Record<Name, string>> = {};
  for (const name of names) {
    const value = raw[name];
    const text = (Array.isArray(value) ? value[0] : value)?.trim();
    if (text) values[name] = text;
  }
  return values;
}

/**
 * A list page's rows, or, when the use case refused its filters, the empty result and what was wrong
 * with them (said to the reader of the page: nothing was being saved).
 */
export async function listOrExplain<Result>(list: () => Promise<Result>, empty: Result): Promise<{ result: Result; problem: string | null }> {
  try {
    return { result: await list(), problem: null };
  } catch (error) {
    if (!isDomainError(error) || error.code !== "invalid") throw error;
    return { result: empty, problem: error.message.replace(/^Nothing was saved\. /, "") };
  }
}
