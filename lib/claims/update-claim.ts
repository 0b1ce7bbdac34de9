import { z } from "zod";
import { getDb } from "@/lib/db";
import { requirePermission, type Actor } from "@/lib/auth/actor";
import { fieldChanges } from "@/lib/audit/field-changes";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { conflict, notFound } from "@/lib/errors";
import { blankToUndefined, dayInput, languageCode, parseInput, reason } from "@/lib/validation";

export const MAX_TAGS = 20;

/** A claim's tags: a list, or one text with the tags separated by commas. */
export const tagListInput = z.preprocess(
  (value) => (typeof value === "string" ? value.split(",").map((tag) => tag.trim()).filter(Boolean) : value),
  z.array(z.string().trim().min(1).max(40, reason("tagTooLong"))).max(MAX_TAGS, reason("tooManyTags", { maximum: MAX_TAGS })),
);

export const updateClaimSchema = z.object({
  claimId: z.uuid(),
  /** The version the editor started from: a newer one in the meantime is a conflict. */
  expectedVersion: z.coerce.number().int().min(1),
  statement: z.string().trim().min(3, reason("statementTooShort")).max(500),
  claimant: z.string().trim().min(1, reason("sayWhoClaimed")).max(200),
  claimantSameAs: z.preprocess(blankToUndefined, z.url({ protocol: /^https?$/, error: reason("badUrl") }).max(2000).optional()),
  claimedAt: z.preprocess(blankToUndefined, dayInput("the date of the claim").optional()),
  language: languageCode,
  tags: tagListInput.default([]),
});
export type UpdateClaimInput = z.input<typeof updateClaimSchema>;

type ClaimFields = {
  statement: string;
  claimant: string;
  claimantSameAs: string | null;
  claimedAt: string | null;
  language: string;
  tags: string[];
};

const day = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : null);

/**
 * Edits a claim's statement, claimant, date, language and tags, with an optimistic version: the
 * second of two concurrent editors gets a conflict carrying the saved values, never a silent
 * overwrite. This is the working version: a verdict revision in review, approved or published
 * carries its own snapshot of the claim, which readers keep seeing until a new revision is approved.
 */
export async function updateClaim(actor: Actor, rawInput: UpdateClaimInput): Promise<{ id: string; version: number; changed: boolean }> {
  requirePermission(actor, "claims.write");
  const input = parseInput(updateClaimSchema, rawInput);
  const next: ClaimFields = {
    statement: input.statement,
    claimant: input.claimant,
    claimantSameAs: input.claimantSameAs ?? null,
    claimedAt: input.claimedAt ?? null,
    language: input.language,
    tags: [...new Set(input.tags)],
  };

  return getDb().$transaction(async (tx) => {
    const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id::text FROM claims WHERE id = ${input.claimId}::uuid FOR UPDATE`;
    if (locked.length === 0) throw notFound("claim");
    const claim = await tx.claim.findUniqueOrThrow({ where: { id: input.claimId } });
    const saved: ClaimFields = {
      statement: claim.statement,
      claimant: claim.claimant,
      claimantSameAs: claim.claimantSameAs,
      claimedAt: day(claim.claimedAt),
      language: claim.language,
      tags: claim.tags,
    };
    if (claim.version !== input.expectedVersion) {
      throw conflict(
        { key: "claimChangedMeanwhile", params: { version: claim.version } },
        { theirs: { version: claim.version, ...saved }, yours: next },
      );
    }

    const changes = fieldChanges(saved, next);
    if (changes.fields.length === 0) return { id: claim.id, version: claim.version, changed: false };

    const updated = await tx.claim.update({
      where: { id: claim.id },
      data: {
        statement: next.statement,
        claimant: next.claimant,
        claimantSameAs: next.claimantSameAs,
        claimedAt: next.claimedAt ? new Date(`${next.claimedAt}T00:00:00Z`) : null,
        language: next.language,
        tags: next.tags,
        version: { increment: 1 },
      },
    });
    await recordAuditEvent(tx, actor, {
      action: "claim.updated",
      entityType: "claim",
      entityId: claim.id,
      before: { version: claim.version, ...changes.before },
      after: { version: updated.version, ...changes.after },
    });
    return { id: claim.id, version: updated.version, changed: true };
  });
}
