import { getDb } from "@/lib/db";
import { ratingInfo, type RatingInfo } from "@/lib/verdicts/rating-scale";
import { snapshotOf } from "@/lib/publishing/fact-check-snapshot";
import { localeOf, type Locale } from "@/lib/i18n/locales";

export type FactCheckSummary = {
  slug: string;
  headline: string;
  summary: string;
  rating: RatingInfo;
  claimStatement: string;
  claimant: string;
  /** The language its page is in (the claim's, lib/i18n/locales.ts). */
  language: Locale;
  firstPublishedAt: Date;
  updatedAt: Date;
  corrected: boolean;
};

/** The latest published fact-checks, newest first; only published revisions and their snapshots are read. */
export async function listPublishedFactChecks(limit = 30): Promise<FactCheckSummary[]> {
  const publications = await getDb().publication.findMany({
    orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
    take: Math.min(Math.max(limit, 1), 100),
    include: {
      publishedRevision: { include: { snapshot: true } },
      _count: { select: { corrections: true } },
    },
  });
  return publications.map((publication) => {
    const claim = snapshotOf(publication.publishedRevision).claim;
    return {
      slug: publication.slug,
      headline: publication.publishedRevision.headline,
      summary: publication.publishedRevision.summary,
      rating: ratingInfo(publication.publishedRevision.rating),
      claimStatement: claim.statement,
      claimant: claim.claimant,
      language: localeOf(claim.language),
      firstPublishedAt: publication.firstPublishedAt,
      updatedAt: publication.updatedAt,
      corrected: publication._count.corrections > 0,
    };
  });
}

export type PublishedPage = { slug: string; updatedAt: Date };

/** Every published fact-check's address and last change, for the sitemap (the sitemap protocol allows 50,000). */
export async function listPublishedPages(limit = 50_000): Promise<PublishedPage[]> {
  return getDb().publication.findMany({
    orderBy: [{ firstPublishedAt: "desc" }, { id: "asc" }],
    take: Math.min(Math.max(limit, 1), 50_000),
    select: { slug: true, updatedAt: true },
  });
}

export type PublicationsState = { count: number; lastChangedAt: Date | null };

/** How many publications there are and when the last one changed (a publication or a correction moves it). */
export async function publicationsState(): Promise<PublicationsState> {
  const [row] = await getDb().$queryRaw<{ n: number; at: Date | null }[]>`SELECT count(*)::int AS n, max(updated_at) AS at FROM publications`;
  return { count: row?.n ?? 0, lastChangedAt: row?.at ?? null };
}

/**
 * Where publications stand: it changes with every publication and every correction (both move a
 * publication's updatedAt) and costs one index scan.
 */
export async function publicationsGeneration(): Promise<string> {
  const { count, lastChangedAt } = await publicationsState();
  return `${count}:${lastChangedAt?.toISOString() ?? "-"}`;
}

const MAX_MEMOS_PER_READ = 16;

/**
 * A read of published data, remembered by this process together with the publications'
 * generation it was read at, and served again for as long as that generation holds. Every call
 * costs the one small generation query; the read itself runs again only after a publication or a
 * correction, whichever process (or restart, or replaced database) it came from. Nothing is kept
 * on disk, so nothing stale survives a restart; nothing is served that the database no longer says.
 */
export function cachedPublishedRead<Args extends unknown[], Result>(
  read: (...args: Args) => Promise<Result>,
): (...args: Args) => Promise<Result> {
  const memos = new Map<string, { generation: string; value: Promise<Result> }>();
  return async (...args: Args) => {
    const generation = await publicationsGeneration();
    const key = JSON.stringify(args);
    const memo = memos.get(key);
    if (memo && memo.generation === generation) return memo.value;
    const value = read(...args);
    if (!memos.has(key) && memos.size >= MAX_MEMOS_PER_READ) memos.delete(memos.keys().next().value!);
    memos.set(key, { generation, value });
    // A failed read is not remembered: the next request tries again.
    value.catch(() => {
      if (memos.get(key)?.value === value) memos.delete(key);
    });
    return value;
  };
}

/** The home page's list (see cachedPublishedRead). */
export const listPublishedFactChecksCached = cachedPublishedRead(listPublishedFactChecks);

/** The sitemap's list (see cachedPublishedRead). */
export const listPublishedPagesCached = cachedPublishedRead(listPublishedPages);
