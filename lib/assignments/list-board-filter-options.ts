import { getDb } from "@/lib/db";
import { requirePermission, type Actor } from "@/lib/auth/actor";
import { listClaimFilterOptions } from "@/lib/claims/list-claim-filter-options";
import { listAssignablePeople } from "@/lib/assignments/list-assignable-people";

export type BoardFilterOptions = {
  people: { id: string; name: string }[];
  tags: string[];
  languages: string[];
  articles: { id: string; title: string }[];
};

/** The choices of the board's filters: colleagues who can be assigned, tags in use, languages, quoted articles. */
export async function listBoardFilterOptions(actor: Actor): Promise<BoardFilterOptions> {
  requirePermission(actor, "claims.read");
  const db = getDb();
  const [people, tags, claimOptions] = await Promise.all([
    listAssignablePeople(actor),
    db.$queryRaw<{ tag: string }[]>`SELECT DISTINCT unnest(tags) AS tag FROM claims ORDER BY tag LIMIT 500`,
    listClaimFilterOptions(actor),
  ]);
  return { people, tags: tags.map((row) => row.tag), languages: claimOptions.languages, articles: claimOptions.articles };
}
