import { z } from "zod";
import { getDb } from "@/lib/db";
import { conflict, type ErrorMessageKey, postgresCode } from "@/lib/errors";
import { Rating } from "@/lib/generated/prisma/enums";
import { requirePermission, type Actor } from "@/lib/auth/actor";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { ratingKey } from "./external-review";
import { reason } from "@/lib/validation";

export const saveRatingMappingSchema = z.object({
  ratingText: z.string().trim().min(1, reason("ratingTextMissing")).max(200, reason("ratingTextTooLong")),
  /** "unmapped" removes the mapping: the text is then shown as not mapped. */
  rating: z.union([z.enum(Rating), z.literal("unmapped")], "choose a rating of our scale, or Not mapped"),
  /** The version the person saw; 0 for a text that had no mapping. */
  expectedVersion: z.coerce.number().int().min(0),
});
export type SaveRatingMappingInput = z.output<typeof saveRatingMappingSchema>;

const CHANGED_MEANWHILE: ErrorMessageKey = { key: "ratingMappingChanged" };

/** Maps another fact-checker's rating text onto our scale (or removes its mapping), checked against concurrent edits. */
export async function saveRatingMapping(actor: Actor, input: SaveRatingMappingInput): Promise<{ ratingKey: string; version: number }> {
  requirePermission(actor, "exchange.map_ratings");
  try {
    return await writeMapping(actor, input);
  } catch (error) {
    // Two people mapping the same new text at once: the second is told, as with any concurrent edit.
    if (postgresCode(error) === "23505") throw conflict(CHANGED_MEANWHILE, { version: 1 });
    throw error;
  }
}

function writeMapping(actor: Actor, input: SaveRatingMappingInput): Promise<{ ratingKey: string; version: number }> {
  const key = ratingKey(input.ratingText);
  return getDb().$transaction(async (tx) => {
    const current = await tx.ratingMapping.findUnique({ where: { ratingKey: key } });
    if ((current?.version ?? 0) !== input.expectedVersion) throw conflict(CHANGED_MEANWHILE, { version: current?.version ?? 0 });
    const before = current ? { ratingText: current.ratingText, rating: current.rating } : undefined;
    if (input.rating === "unmapped") {
      if (!current) return { ratingKey: key, version: 0 };
      await tx.ratingMapping.delete({ where: { ratingKey: key } });
      await recordAuditEvent(tx, actor, { action: "rating_mapping.removed", entityType: "rating_mapping", entityId: key, before });
      return { ratingKey: key, version: 0 };
    }
    const saved = current
      ? await tx.ratingMapping.update({
          // The version in the WHERE makes a concurrent save of the same version fail instead of overwrite.
          where: { ratingKey: key, version: current.version },
          data: { rating: input.rating, version: { increment: 1 }, updatedById: actor.id, updatedAt: new Date() },
        })
      : await tx.ratingMapping.create({ data: { ratingKey: key, ratingText: input.ratingText, rating: input.rating, updatedById: actor.id } });
    await recordAuditEvent(tx, actor, {
      action: "rating_mapping.saved",
      entityType: "rating_mapping",
      entityId: key,
      before,
      after: { ratingText: saved.ratingText, rating: saved.rating },
    });
    return { ratingKey: key, version: saved.version };
  });
}
