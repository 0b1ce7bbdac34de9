import { getDb } from "@/lib/db";
import { CandidateIndex, indexKeys } from "@/lib/matching/candidate-index";
import { describeClaim } from "@/lib/matching/describe-claim";

/**
 * Claims committed late can carry an updated_at older than the last look (it is set when the row is
 * written, not at commit): every look re-reads this far back. Claims are never deleted.
 */
const LOOK_BACK_MS = 5 * 60_000;

type State = { index: CandidateIndex; seenUntil: Date | null; versions: Map<string, number> };
let state: State | null = null;
let refreshing: Promise<CandidateIndex> | null = null;

/**
 * The candidate index of every claim, kept in this process's memory and brought up to date on each
 * call with the claims created or edited since the last call (claims_updated_at_idx). The first call
 * reads all claims.
 */
export function loadClaimIndex(): Promise<CandidateIndex> {
  refreshing ??= refresh().finally(() => {
    refreshing = null;
  });
  return refreshing;
}

type Row = { id: string; statement: string; claimant: string; language: string; updatedAt: Date };

async function refresh(): Promise<CandidateIndex> {
  const current = (state ??= { index: new CandidateIndex(), seenUntil: null, versions: new Map() });
  const since = current.seenUntil ? new Date(current.seenUntil.getTime() - LOOK_BACK_MS) : new Date(0);
  const rows = await getDb().$queryRaw<Row[]>`
    SELECT id::text AS id, statement, claimant, language, updated_at AS "updatedAt"
      FROM claims
     WHERE updated_at >= ${since}
     ORDER BY updated_at`;
  for (const row of rows) {
    if (current.versions.get(row.id) === row.updatedAt.getTime()) continue;
    current.versions.set(row.id, row.updatedAt.getTime());
    current.index.put(row.id, indexKeys(describeClaim(row)));
  }
  const last = rows.at(-1)?.updatedAt;
  if (last && (!current.seenUntil || last > current.seenUntil)) current.seenUntil = last;
  return current.index;
}
