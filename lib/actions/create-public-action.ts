import { randomUUID } from "node:crypto";
import { headers } from "next/headers";
import { z } from "zod";
import { safeParseInput } from "@/lib/validation";
import { comesFromThisSite } from "@/lib/actions/comes-from-this-site";
import { actionErrorOf, NOT_FROM_THIS_SITE_ERROR, refusedInput, type ActionResult } from "@/lib/actions/create-action";

/**
 * createAction's twin for the few mutations that need no session because their input is the proof
 * (an invitation or reset link's token). Same checks otherwise: this site's Origin, zod input, only
 * expected errors reach the client. The use case checks its token itself.
 */
export function createPublicAction<Schema extends z.ZodType, Result>(schema: Schema, useCase: (input: z.output<Schema>) => Promise<Result>) {
  return async (rawInput: unknown): Promise<ActionResult<Result>> => {
    const requestId = randomUUID();
    try {
      if (!comesFromThisSite(await headers())) return { ok: false, error: NOT_FROM_THIS_SITE_ERROR };
      const input = rawInput instanceof FormData ? Object.fromEntries([...rawInput.entries()].filter(([key]) => !key.startsWith("$ACTION"))) : rawInput;
      const parsed = safeParseInput(schema, input);
      if (!parsed.success) return { ok: false, error: refusedInput(parsed.error) };
      return { ok: true, data: await useCase(parsed.data) };
    } catch (error) {
      return { ok: false, error: actionErrorOf(error, requestId) };
    }
  };
}
