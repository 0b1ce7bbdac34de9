import { getDb } from "@/lib/db";
import { requirePermission, type Actor } from "@/lib/auth/actor";

export type ClaimFilterOptions = {
  claimants: string[];
  articles: { id: string; title: string; language: string }[];
  languages: string[];
};

/** Claimants offered by the filter, at most (in the order of their lower-case names). */
export const MAX_CLAIMANT_OPTIONS = 1000;

/**
 * What the claim filters offer: claimants, every article that quotes a claim, every language. Their
 * cost follows what is shown, not the number of claims: the claimants come from the table of
 * claimants the claims' triggers keep (migration 20261206020200_claimants), one row per name ignoring
 * case; the distinct languages by a skip scan of the (language, created_at, id) index, one probe per
 * language (a recursive CTE: PostgreSQL before 18 has no skip scan of its own).
 */
export async function listClaimFilterOptions(actor: Actor): Promise<ClaimFilterOptions> {
  requirePermission(actor, "claims.read");
  const db = getDb();
  const [claimants, articles, languages] = await Promise.all([
    db.$queryRaw<{ claimant: string }[]>`
      SELECT name AS claimant FROM claimwork_search.claimants ORDER BY name_key LIMIT ${MAX_CLAIMANT_OPTIONS}`,
    db.article.findMany({
      where: { deletedAt: null, passages: { some: {} } },
      orderBy: [{ publishedAt: "desc" }, { createdAt: "desc" }],
      take: 500,
      select: { id: true, title: true, language: true },
    }),
    db.$queryRaw<{ language: string }[]>`
      WITH RECURSIVE languages AS (
        (SELECT language FROM claims ORDER BY language LIMIT 1)
        UNION ALL
        SELECT (SELECT c.language FROM claims c WHERE c.language > l.language ORDER BY c.language LIMIT 1)
          FROM languages l WHERE l.language IS NOT NULL
      )
      SELECT language FROM languages WHERE language IS NOT NULL ORDER BY language`,
  ]);
  return {
    claimants: claimants.map((row) => row.claimant),
    articles,
    languages: languages.map((row) => row.language),
  };
}
