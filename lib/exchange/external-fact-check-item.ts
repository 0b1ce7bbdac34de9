// The one shape in which the workbench shows an external fact-check, with its rating mapped onto
// our scale at read time (null: their rating text is not mapped yet), and the SQL that reads it.
import { Prisma } from "@/lib/generated/prisma/client";
import type { Rating } from "@/lib/generated/prisma/enums";

export type ExternalFactCheckItem = {
  id: string;
  publisherName: string;
  publisherSite: string | null;
  reviewUrl: string;
  headline: string | null;
  reviewedAt: string | null;
  claimText: string;
  claimant: string | null;
  claimedAt: string | null;
  ratingText: string;
  rating: Rating | null;
  language: string;
};

/** Columns of ExternalFactCheckItem, from external_fact_checks `e` left-joined to rating_mappings `m`. */
export const EXTERNAL_ITEM_COLUMNS = Prisma.sql`
  e.id, e.publisher_name AS "publisherName", e.publisher_site AS "publisherSite", e.review_url AS "reviewUrl",
  e.headline, to_char(e.reviewed_at, 'YYYY-MM-DD') AS "reviewedAt", e.claim_text AS "claimText", e.claimant,
  to_char(e.claimed_at, 'YYYY-MM-DD') AS "claimedAt", e.rating_text AS "ratingText", m.rating, e.language`;

export const EXTERNAL_ITEM_FROM = Prisma.sql`external_fact_checks e LEFT JOIN rating_mappings m ON m.rating_key = e.rating_key`;
