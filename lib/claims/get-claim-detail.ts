import { z } from "zod";
import { getDb } from "@/lib/db";
import { can } from "@/lib/auth/permissions";
import { requirePermission, type Actor } from "@/lib/auth/actor";
import type { AnchorStatus, Rating, RelationType, ReviewDecision, VerdictStatus } from "@/lib/generated/prisma/enums";
import { parseInput } from "@/lib/validation";

export type ClaimPassage = {
  id: string;
  prefix: string;
  exact: string;
  suffix: string;
  status: AnchorStatus;
  confidence: number;
  article: { id: string; title: string; outlet: string | null; language: string; publishedAt: Date | null; revisionNumber: number };
};

export type RelatedClaimRef = {
  id: string;
  statement: string;
  claimant: string;
  language: string;
  verdictStatus: VerdictStatus | null;
  /** Rating of the verdict's current (submitted) revision. */
  rating: Rating | null;
};

export type ClaimRelationView = {
  id: string;
  type: RelationType;
  /** "outgoing": this claim is the relation's source (it supports the other one). */
  direction: "outgoing" | "incoming";
  other: RelatedClaimRef;
  rationale: string;
  createdAt: Date;
  createdByName: string;
  /** The passages that justify the link, from either claim; on an earlier revision they link there. */
  passages: { id: string; claimId: string; exact: string; articleId: string; articleTitle: string; revisionNumber: number; isCurrentRevision: boolean }[];
};

export type ClaimVerdictSummary = {
  id: string;
  status: VerdictStatus;
  /** The submitted revision in review, approved or published. */
  current: { id: string; number: number; rating: Rating; headline: string } | null;
  draftHeadline: string;
  draftRating: Rating | null;
  publication: { slug: string; publishedRevisionNumber: number } | null;
  /** Newest first. */
  history: {
    id: string;
    number: number;
    rating: Rating;
    headline: string;
    authorName: string;
    createdAt: Date;
    lastDecision: ReviewDecision | null;
    isPublic: boolean;
  }[];
};

export type ClaimDetail = {
  id: string;
  statement: string;
  claimant: string;
  claimantSameAs: string | null;
  claimedAt: Date | null;
  language: string;
  tags: string[];
  version: number;
  createdAt: Date;
  updatedAt: Date;
  createdByName: string;
  /** Passages on each article's current revision, in article order; orphaned ones included (no place in the text). */
  passages: ClaimPassage[];
  /** Passages kept with earlier revisions of the articles (not shown). */
  earlierRevisionPassageCount: number;
  relations: ClaimRelationView[];
  verdict: ClaimVerdictSummary | null;
  permissions: {
    canEdit: boolean;
    canRelate: boolean;
    canDraftVerdict: boolean;
    /** A verdict revision in review, approved or published carries its own snapshot of the claim: edits change the working version only. */
    workingVersionOnly: boolean;
  };
};

const otherClaimSelect = {
  id: true,
  statement: true,
  claimant: true,
  language: true,
  verdict: { select: { status: true, currentRevision: { select: { rating: true } } } },
} as const;

const relationInclude = {
  createdBy: { select: { name: true } },
  passages: {
    include: {
      passage: {
        select: {
          id: true,
          claimId: true,
          exact: true,
          articleRevisionId: true,
          article: { select: { id: true, title: true, deletedAt: true, revisions: { orderBy: { number: "desc" }, take: 1, select: { id: true } } } },
          articleRevision: { select: { number: true } },
        },
      },
    },
  },
} as const;

/**
 * Everything the claim page shows: the claim, its passages on each article's current revision
 * (earlier revisions keep theirs), its relations in both directions with their justifying passages,
 * and its verdict with a summary of the revision history. Null when there is no such claim.
 */
export async function getClaimDetail(actor: Actor, claimId: string): Promise<ClaimDetail | null> {
  requirePermission(actor, "claims.read");
  if (!z.uuid().safeParse(claimId).success) return null;
  const db = getDb();
  const claim = await db.claim.findUnique({
    where: { id: claimId },
    include: {
      createdBy: { select: { name: true } },
      passages: {
        where: { article: { deletedAt: null } },
        orderBy: [{ article: { publishedAt: "asc" } }, { article: { createdAt: "asc" } }, { start: "asc" }],
        include: {
          article: {
            select: {
              id: true,
              title: true,
              outlet: true,
              language: true,
              publishedAt: true,
              revisions: { orderBy: { number: "desc" }, take: 1, select: { id: true, number: true } },
            },
          },
        },
      },
      relationsFrom: { orderBy: { createdAt: "asc" }, include: { ...relationInclude, toClaim: { select: otherClaimSelect } } },
      relationsTo: { orderBy: { createdAt: "asc" }, include: { ...relationInclude, fromClaim: { select: otherClaimSelect } } },
      verdict: {
        include: {
          currentRevision: { select: { id: true, number: true, rating: true, headline: true } },
          publication: { select: { slug: true, publishedRevisionId: true, publishedRevision: { select: { number: true } } } },
          revisions: {
            orderBy: { number: "desc" },
            include: {
              author: { select: { name: true } },
              reviews: { orderBy: { createdAt: "desc" }, take: 1, select: { decision: true } },
            },
          },
        },
      },
    },
  });
  if (!claim) return null;

  const current = claim.passages.filter((passage) => passage.articleRevisionId === passage.article.revisions[0]?.id);
  const passages: ClaimPassage[] = current.map((passage) => ({
    id: passage.id,
    prefix: passage.prefix,
    exact: passage.exact,
    suffix: passage.suffix,
    status: passage.status,
    confidence: passage.confidence,
    article: {
      id: passage.article.id,
      title: passage.article.title,
      outlet: passage.article.outlet,
      language: passage.article.language,
      publishedAt: passage.article.publishedAt,
      revisionNumber: passage.article.revisions[0]?.number ?? 1,
    },
  }));

  type RelationRow = (typeof claim.relationsFrom)[number] | (typeof claim.relationsTo)[number];
  const toRelation = (row: RelationRow, direction: ClaimRelationView["direction"], other: (typeof claim.relationsFrom)[number]["toClaim"]): ClaimRelationView => ({
    id: row.id,
    type: row.type,
    direction,
    other: {
      id: other.id,
      statement: other.statement,
      claimant: other.claimant,
      language: other.language,
      verdictStatus: other.verdict?.status ?? null,
      rating: other.verdict?.currentRevision?.rating ?? null,
    },
    rationale: row.rationale,
    createdAt: row.createdAt,
    createdByName: row.createdBy.name,
    passages: row.passages
      .map(({ passage }) => passage)
      .filter((passage) => passage.article.deletedAt === null)
      .map((passage) => ({
        id: passage.id,
        claimId: passage.claimId,
        exact: passage.exact,
        articleId: passage.article.id,
        articleTitle: passage.article.title,
        revisionNumber: passage.articleRevision.number,
        isCurrentRevision: passage.articleRevisionId === passage.article.revisions[0]?.id,
      })),
  });
  const relations = [
    ...claim.relationsFrom.map((row) => toRelation(row, "outgoing", row.toClaim)),
    ...claim.relationsTo.map((row) => toRelation(row, "incoming", row.fromClaim)),
  ].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());

  const verdict = claim.verdict;
  const workingVersionOnly = Boolean(
    verdict && (verdict.publication !== null || verdict.status === "in_review" || verdict.status === "approved" || verdict.status === "published"),
  );

  return {
    id: claim.id,
    statement: claim.statement,
    claimant: claim.claimant,
    claimantSameAs: claim.claimantSameAs,
    claimedAt: claim.claimedAt,
    language: claim.language,
    tags: claim.tags,
    version: claim.version,
    createdAt: claim.createdAt,
    updatedAt: claim.updatedAt,
    createdByName: claim.createdBy.name,
    passages,
    earlierRevisionPassageCount: claim.passages.length - current.length,
    relations,
    verdict: verdict
      ? {
          id: verdict.id,
          status: verdict.status,
          current: verdict.currentRevision,
          draftHeadline: verdict.draftHeadline,
          draftRating: verdict.draftRating,
          publication: verdict.publication
            ? { slug: verdict.publication.slug, publishedRevisionNumber: verdict.publication.publishedRevision.number }
            : null,
          history: verdict.revisions.map((revision) => ({
            id: revision.id,
            number: revision.number,
            rating: revision.rating,
            headline: revision.headline,
            authorName: revision.author.name,
            createdAt: revision.createdAt,
            lastDecision: revision.reviews[0]?.decision ?? null,
            isPublic: revision.id === verdict.publication?.publishedRevisionId,
          })),
        }
      : null,
    permissions: {
      canEdit: can(actor, "claims.write"),
      canRelate: can(actor, "relations.write"),
      canDraftVerdict: can(actor, "verdicts.draft"),
      workingVersionOnly,
    },
  };
}

export const claimPassagesSchema = z.object({ claimId: z.uuid() });

export type ClaimPassageChoice = { id: string; exact: string; articleTitle: string; status: AnchorStatus };

/**
 * The passages of a claim that can justify a link to another claim: those placed in each article's
 * current revision (orphaned ones have no place to point at).
 */
export async function getClaimPassages(actor: Actor, rawInput: z.input<typeof claimPassagesSchema>): Promise<ClaimPassageChoice[]> {
  requirePermission(actor, "claims.read");
  const { claimId } = parseInput(claimPassagesSchema, rawInput);
  const passages = await getDb().passage.findMany({
    where: { claimId, status: { not: "orphaned" }, article: { deletedAt: null } },
    orderBy: [{ article: { publishedAt: "asc" } }, { start: "asc" }],
    take: 200,
    select: {
      id: true,
      exact: true,
      status: true,
      articleRevisionId: true,
      article: { select: { title: true, revisions: { orderBy: { number: "desc" }, take: 1, select: { id: true } } } },
    },
  });
  return passages
    .filter((passage) => passage.articleRevisionId === passage.article.revisions[0]?.id)
    .map((passage) => ({ id: passage.id, exact: passage.exact, articleTitle: passage.article.title, status: passage.status }));
}
