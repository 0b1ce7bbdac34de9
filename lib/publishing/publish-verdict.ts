import { z } from "zod";
import { getDb, type Tx } from "@/lib/db";
import { requirePermission, type Actor } from "@/lib/auth/actor";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { notifyVerdictAuthors } from "@/lib/notifications/notify-verdict-authors";
import { conflict, illegalTransition, invalid, notFound, postgresCode } from "@/lib/errors";
import { makeSlug } from "@/lib/publishing/make-slug";
import { PUBLICATION_LISTS, announcePublicPageChanges } from "@/lib/publishing/announce-public-page-changes";
import { lockVerdict } from "@/lib/verdicts/lock-verdict";
import { parseInput, reason } from "@/lib/validation";
import { refuseChangedQuotes } from "@/lib/sources/refuse-changed-quotes";

export const publishVerdictSchema = z.object({
  verdictId: z.uuid(),
  revisionId: z.uuid(),
  /** Required when the fact-check is already public: readers are told what changed and why. */
  correction: z
    .object({
      /** A correction fixes an error; an update brings the page up to date with new information. */
      kind: z.enum(["correction", "update"]).default("correction"),
      whatChanged: z.string().trim().min(3, reason("sayWhatChanged")).max(2000),
      why: z.string().trim().min(3, reason("sayWhyChanged")).max(2000),
    })
    .optional(),
});

/**
 * Publishes the approved revision of a verdict. The first publication gets a stable slug; a later
 * one is a correction, shown to readers, and the earlier revision stays readable. Returns the reader
 * pages it changed (its page and revision pages and the lists; the related fact-checks it links to
 * show their own approved snapshots, so they do not change), which the same transaction announces
 * to the reader cache.
 */
export async function publishVerdict(actor: Actor, rawInput: z.input<typeof publishVerdictSchema>) {
  requirePermission(actor, "verdicts.publish");
  const input = parseInput(publishVerdictSchema, rawInput);
  try {
    return await publishInTransaction(actor, input);
  } catch (error) {
    // Two claims with the same statement published at the same instant can pick the same slug.
    if (postgresCode(error) === "23505") throw conflict({ key: "addressTaken" });
    throw error;
  }
}

function publishInTransaction(actor: Actor, input: z.output<typeof publishVerdictSchema>) {
  return getDb().$transaction(async (tx) => {
    await lockVerdict(tx, { id: input.verdictId });
    const verdict = await tx.verdict.findUnique({
      where: { id: input.verdictId },
      include: { publication: { include: { publishedRevision: { select: { number: true } } } }, claim: { select: { statement: true } } },
    });
    if (!verdict) throw notFound("verdict");
    if (verdict.status !== "approved") {
      throw illegalTransition(
        verdict.status === "published" ? { key: "alreadyPublished" } : { key: "onlyApprovedPublished", params: { status: verdict.status } },
      );
    }
    if (verdict.currentRevisionId !== input.revisionId) {
      throw conflict({ key: "approvedRevisionDiffers" });
    }
    const publication = verdict.publication;
    if (publication && !input.correction) {
      throw invalid({ key: "correctionNeeded" });
    }
    if (!publication && input.correction) throw invalid({ key: "nothingToCorrect" });

    const { number: revisionNumber } = await tx.verdictRevision.findUniqueOrThrow({ where: { id: input.revisionId }, select: { number: true } });
    // A source may have changed between the approval and now.
    await refuseChangedQuotes(tx, verdict.id, { id: input.revisionId, number: revisionNumber }, "published");

    const moved = await tx.verdict.updateMany({
      where: { id: verdict.id, version: verdict.version, status: "approved" },
      data: { status: "published", version: { increment: 1 } },
    });
    if (moved.count !== 1) throw conflict({ key: "verdictChangedMeanwhile" });
    await notifyVerdictAuthors(tx, actor, { kind: "verdict_published", verdictId: verdict.id, revisionId: input.revisionId });

    if (!publication) {
      const base = makeSlug(verdict.claim.statement);
      const taken = await tx.publication.findMany({ where: { slug: { startsWith: base } }, select: { slug: true } });
      const takenSlugs = new Set(taken.map((row) => row.slug));
      let slug = base;
      for (let n = 2; takenSlugs.has(slug); n++) slug = `${base}-${n}`;
      const created = await tx.publication.create({
        data: { verdictId: verdict.id, slug, publishedRevisionId: input.revisionId, publishedById: actor.id },
      });
      await recordAuditEvent(tx, actor, {
        action: "verdict.published",
        entityType: "publication",
        entityId: created.id,
        after: { verdictId: verdict.id, slug, revisionId: input.revisionId },
      });
      const { changedPages } = await announcePublicPageChanges(tx, [
        ...PUBLICATION_LISTS,
        `/fact-checks/${slug}`,
        `/fact-checks/${slug}/share-card.png`,
        `/fact-checks/${slug}/revisions/${revisionNumber}`,
      ]);
      return { slug, publicationId: created.id, corrected: false, changedPages };
    }

    const correction = await tx.correction.create({
      data: {
        publicationId: publication.id,
        previousRevisionId: publication.publishedRevisionId,
        revisionId: input.revisionId,
        kind: input.correction!.kind,
        whatChanged: input.correction!.whatChanged,
        why: input.correction!.why,
        sourceUpdatedAt: await sourceUpdatedSince(tx, verdict.id, publication.updatedAt),
        createdById: actor.id,
      },
    });
    await tx.publication.update({ where: { id: publication.id }, data: { publishedRevisionId: input.revisionId } });
    await recordAuditEvent(tx, actor, {
      action: "verdict.corrected",
      entityType: "publication",
      entityId: publication.id,
      before: { revisionId: publication.publishedRevisionId },
      after: { revisionId: input.revisionId, correctionId: correction.id, kind: correction.kind },
    });
    // The replaced revision now reads "earlier version"; the new one may have been asked for (and
    // answered 404) before it was public.
    const { changedPages } = await announcePublicPageChanges(tx, [
      ...PUBLICATION_LISTS,
      `/fact-checks/${publication.slug}`,
      `/fact-checks/${publication.slug}/share-card.png`,
      `/fact-checks/${publication.slug}/revisions/${publication.publishedRevision.number}`,
      `/fact-checks/${publication.slug}/revisions/${revisionNumber}`,
    ]);
    return { slug: publication.slug, publicationId: publication.id, corrected: true, changedPages };
  });
}

/**
 * When a source of this fact-check was last updated, if a source change was settled (confirmed or
 * revised) since the page last changed: readers are told the correction follows the source's update.
 */
async function sourceUpdatedSince(tx: Tx, verdictId: string, since: Date): Promise<Date | null> {
  const settled = await tx.sourceChangePassage.findFirst({
    where: { item: { verdictId, status: { not: "open" }, resolvedAt: { gt: since } } },
    orderBy: { articleRevision: { createdAt: "desc" } },
    select: { articleRevision: { select: { createdAt: true } } },
  });
  return settled?.articleRevision.createdAt ?? null;
}
