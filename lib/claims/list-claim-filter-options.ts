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
 * What the claim filters offer: claimants, every article that quotes a claim, every language.
 * The distinct claimants and languages are read by a skip scan of their btree indexes (one index
 * probe per distinct value, a recursive CTE: PostgreSQL before 18 has no skip scan of its own), so
 * the cost follows the number of claimants shown, not of claims (a GROUP BY read all 1,000,000).
 * A claimant spelled several ways (case) is offered as spelled on their newest claim.
 */
export async function listClaimFilterOptions(actor: Actor): Promise<ClaimFilterOptions> {
  requirePermission(actor, "claims.read");
  const db = getDb();
  const [claimants, articles, languages] = await Promise.all([
    db.$queryRaw<{ claimant: string }[]>`
      WITH RECURSIVE names AS (
        (SELECT lower(claimant) AS name FROM claims ORDER BY lower(claimant) LIMIT 1)
        UNION ALL
        SELECT (SELECT lower(c.claimant) FROM claims c WHERE lower(c.claimant) > n.name ORDER BY lower(c.claimant) LIMIT 1)
          FROM names n WHERE n.name IS NOT NULL
      )
      SELECT (SELECT c.claimant FROM claims c WHERE lower(c.claimant) = n.name ORDER BY c.created_at DESC, c.id DESC LIMIT 1) AS claimant
        FROM (SELECT name FROM names WHERE name IS NOT NULL LIMIT ${MAX_CLAIMANT_OPTIONS}) AS n
       ORDER BY n.name`,
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
