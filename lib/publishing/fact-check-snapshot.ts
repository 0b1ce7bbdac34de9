import { z } from "zod";

/**
 * What a fact-check page shows besides the verdict revision's own text (rating, headline, summary,
 * explanation): the claim, every quoted passage with its article's details, and the related
 * fact-checks. Frozen when a verdict revision is submitted (take-fact-check-snapshot.ts), stored
 * immutably in fact_check_snapshots, approved by the reviewer with the revision, and the only thing
 * reader pages, the feed, the sitemap, ClaimReview data and the annotation export read.
 * Dates are ISO strings, so the stored JSON and the value in memory are one and the same.
 */
const isoTime = z.iso.datetime();
const isoDate = z.iso.date();

export const snapshotPassageSchema = z.object({
  passageId: z.uuid(),
  exact: z.string(),
  prefix: z.string(),
  suffix: z.string(),
  start: z.number().int(),
  end: z.number().int(),
  article: z.object({
    id: z.uuid(),
    title: z.string(),
    outlet: z.string().nullable(),
    url: z.string().nullable(),
    language: z.string(),
    publishedAt: isoTime.nullable(),
    revisionId: z.uuid(),
    revisionNumber: z.number().int(),
    revisionCreatedAt: isoTime,
    /**
     * When the outlet published the version quoted, as the article's details told at freeze time;
     * null when they do not tell. Absent from snapshots frozen before it was kept (readers fall back).
     */
    versionPublishedAt: isoTime.nullable().optional(),
  }),
});

export const snapshotRelatedSchema = z.object({
  claimId: z.uuid(),
  type: z.enum(["supports", "contradicts", "same_claim"]),
  /** "from": this claim supports (etc.) the other; "to": the other one points at this claim. */
  direction: z.enum(["from", "to"]),
  statement: z.string(),
  slug: z.string(),
  rating: z.enum(["false", "mostly_false", "mixed", "mostly_true", "true", "unproven"]),
});

export const factCheckSnapshotSchema = z.object({
  claim: z.object({
    id: z.uuid(),
    statement: z.string(),
    claimant: z.string(),
    claimantSameAs: z.string().nullable(),
    claimedAt: isoDate.nullable(),
    language: z.string(),
  }),
  passages: z.array(snapshotPassageSchema),
  related: z.array(snapshotRelatedSchema),
});

export type FactCheckSnapshot = z.infer<typeof factCheckSnapshotSchema>;
export type SnapshotPassage = z.infer<typeof snapshotPassageSchema>;
export type SnapshotRelated = z.infer<typeof snapshotRelatedSchema>;

/** A stored snapshot, checked: a row that does not match the shape is a bug, never shown half-read. */
export function readSnapshot(content: unknown): FactCheckSnapshot {
  return factCheckSnapshotSchema.parse(content);
}

/** The snapshot of a revision read with `include: { snapshot: true }`; every submitted revision has one. */
export function snapshotOf(revision: { id: string; snapshot: { content: unknown } | null }): FactCheckSnapshot {
  if (!revision.snapshot) throw new Error(`verdict revision ${revision.id} has no snapshot`);
  return readSnapshot(revision.snapshot.content);
}
