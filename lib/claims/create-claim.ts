import { z } from "zod";
import { getDb } from "@/lib/db";
import { requirePermission, type Actor } from "@/lib/auth/actor";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { dayInput, languageCode, parseInput, reason } from "@/lib/validation";
import { insertPassage } from "@/lib/claims/insert-passage";
import { newPassageSchema } from "@/lib/claims/add-passage";

export const claimInputSchema = z.object({
  statement: z.string().trim().min(3, reason("statementTooShort")).max(500),
  claimant: z.string().trim().min(1, reason("sayWhoClaimed")).max(200),
  claimantSameAs: z.url({ protocol: /^https?$/ }).max(2000).optional(),
  claimedAt: dayInput("the date of the claim").optional(),
  language: languageCode,
  tags: z.array(z.string().trim().min(1).max(40)).max(20).default([]),
  /** The passage the claim was created from, saved in the same transaction. */
  passage: newPassageSchema.optional(),
});
export type ClaimInput = z.input<typeof claimInputSchema>;

export async function createClaim(actor: Actor, rawInput: ClaimInput): Promise<{ id: string; passageId: string | null }> {
  requirePermission(actor, "claims.write");
  const input = parseInput(claimInputSchema, rawInput);
  return getDb().$transaction(async (tx) => {
    const claim = await tx.claim.create({
      data: {
        statement: input.statement,
        claimant: input.claimant,
        claimantSameAs: input.claimantSameAs ?? null,
        claimedAt: input.claimedAt ? new Date(`${input.claimedAt}T00:00:00Z`) : null,
        language: input.language,
        tags: [...new Set(input.tags)],
        createdById: actor.id,
      },
    });
    await recordAuditEvent(tx, actor, {
      action: "claim.created",
      entityType: "claim",
      entityId: claim.id,
      after: { statement: claim.statement, claimant: claim.claimant, language: claim.language, tags: claim.tags },
    });
    const passage = input.passage ? await insertPassage(tx, actor, claim.id, input.passage) : null;
    return { id: claim.id, passageId: passage?.id ?? null };
  });
}
