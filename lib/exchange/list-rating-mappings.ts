import { getDb } from "@/lib/db";
import type { Rating } from "@/lib/generated/prisma/enums";
import { requirePermission, type Actor } from "@/lib/auth/actor";

export type RatingMappingRow = {
  ratingKey: string;
  ratingText: string;
  /** null: not mapped (a text imported reviews use that no one mapped yet). */
  rating: Rating | null;
  /** 0 for an unmapped text: saving it creates the mapping. */
  version: number;
  /** External fact-checks with this rating text. */
  uses: number;
  updatedBy: string | null;
  updatedAt: Date | null;
};

/** Every mapping, and every rating text of imported reviews that has none, unmapped ones first, most used first. */
export async function listRatingMappings(actor: Actor): Promise<RatingMappingRow[]> {
  requirePermission(actor, "claims.read");
  return getDb().$queryRaw<RatingMappingRow[]>`
    WITH used AS (
      SELECT rating_key, min(rating_text) AS rating_text, count(*)::int AS uses FROM external_fact_checks GROUP BY rating_key
    )
    SELECT coalesce(m.rating_key, u.rating_key) AS "ratingKey", coalesce(m.rating_text, u.rating_text) AS "ratingText",
           m.rating, coalesce(m.version, 0) AS version, coalesce(u.uses, 0) AS uses, p.name AS "updatedBy",
           CASE WHEN m.rating_key IS NULL THEN NULL ELSE m.updated_at END AS "updatedAt"
      FROM rating_mappings m
      FULL JOIN used u ON u.rating_key = m.rating_key
      LEFT JOIN users p ON p.id = m.updated_by_id
     ORDER BY (m.rating IS NULL) DESC, coalesce(u.uses, 0) DESC, 2`;
}
