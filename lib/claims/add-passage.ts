import { z } from "zod";
import { getDb } from "@/lib/db";
import { requirePermission, type Actor } from "@/lib/auth/actor";
import { conflict, notFound, postgresCode } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { insertPassage } from "@/lib/claims/insert-passage";

export const newPassageSchema = z.object({
  articleRevisionId: z.uuid(),
  start: z.number().int().min(0),
  end: z.number().int().min(1),
  /** The text the editor selected; refused when it is not what the article says at that place. */
  exact: z.string().min(1).max(5000),
});

export const passageInputSchema = newPassageSchema.extend({ claimId: z.uuid() });
export type PassageInput = z.infer<typeof passageInputSchema>;

/** Attaches a passage of an article revision to an existing claim, with both W3C selectors. */
export async function addPassage(actor: Actor, rawInput: PassageInput): Promise<{ id: string }> {
  requirePermission(actor, "claims.write");
  const input = parseInput(passageInputSchema, rawInput);
  try {
    return await getDb().$transaction(async (tx) => {
      const claim = await tx.claim.findUnique({ where: { id: input.claimId }, select: { id: true } });
      if (!claim) throw notFound("claim");
      return insertPassage(tx, actor, claim.id, input);
    });
  } catch (error) {
    if (postgresCode(error) === "23505") throw conflict({ key: "passageAlreadyAttached" });
    throw error;
  }
}
