import { randomUUID } from "node:crypto";
import { headers } from "next/headers";
import { z } from "zod";
import { isDatabaseUnavailable, isDomainError, UNAVAILABLE_MESSAGE_TEXT } from "@/lib/errors";
import { describeIssues, safeParseInput } from "@/lib/validation";
import { comesFromThisSite, NOT_FROM_THIS_SITE } from "@/lib/actions/comes-from-this-site";
import type { ActionResult } from "@/lib/actions/create-action";

/**
 * createAction's twin for the few mutations that need no session because their input is the proof
 * (an invitation or reset link's token). Same checks otherwise: this site's Origin, zod input, only
 * expected errors reach the client. The use case checks its token itself.
 */
export function createPublicAction<Schema extends z.ZodType, Result>(schema: Schema, useCase: (input: z.output<Schema>) => Promise<Result>) {
  return async (rawInput: unknown): Promise<ActionResult<Result>> => {
    const requestId = randomUUID();
    try {
      if (!comesFromThisSite(await headers())) return { ok: false, error: { code: "forbidden", message: NOT_FROM_THIS_SITE } };
      const input = rawInput instanceof FormData ? Object.fromEntries([...rawInput.entries()].filter(([key]) => !key.startsWith("$ACTION"))) : rawInput;
      const parsed = safeParseInput(schema, input);
      if (!parsed.success) {
        const fields = z.flattenError(parsed.error).fieldErrors as Record<string, string[]>;
        return { ok: false, error: { code: "invalid", message: describeIssues(parsed.error), fields } };
      }
      return { ok: true, data: await useCase(parsed.data) };
    } catch (error) {
      if (isDomainError(error)) return { ok: false, error: { code: error.code, message: error.message, details: error.details } };
      if (isDatabaseUnavailable(error)) return { ok: false, error: { code: "unavailable", message: UNAVAILABLE_MESSAGE_TEXT } };
      console.error(`[action ${requestId}]`, error);
      return { ok: false, error: { code: "internal", message: `Something went wrong and nothing was saved (reference ${requestId}).` } };
    }
  };
}
