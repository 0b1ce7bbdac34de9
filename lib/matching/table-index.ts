import { getDb } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ClaimText } from "./describe-claim";
import { processIndex, type LiveIndex, type RowVersion } from "./live-index";

/** Where a table keeps what the matcher reads: SQL expressions over its columns, fixed in the code. */
export type IndexedTable = { table: string; writtenAt: string; statement: string; claimant: string; language: string };

/**
 * The live candidate index (live-index.ts) of a table's rows in this process: versions read by
 * (writtenAt, id), which an index on writtenAt serves, and texts read by id.
 */
export function tableIndex(columns: IndexedTable): LiveIndex {
  const [table, writtenAt] = [Prisma.raw(columns.table), Prisma.raw(columns.writtenAt)];
  return processIndex(columns.table, () => ({
    versionsSince: (after, limit) => getDb().$queryRaw<RowVersion[]>`
      SELECT id::text AS id, ${writtenAt} AS "writtenAt"
        FROM ${table}
       WHERE ${writtenAt} >= ${after.at} AND (${writtenAt} > ${after.at} OR id > ${after.id}::uuid)
       ORDER BY ${writtenAt}, id
       LIMIT ${limit}`,
    texts: (ids) => getDb().$queryRaw<(ClaimText & { id: string })[]>`
      SELECT id::text AS id, ${Prisma.raw(columns.statement)} AS statement, ${Prisma.raw(columns.claimant)} AS claimant, ${Prisma.raw(columns.language)} AS language
        FROM ${table}
       WHERE id = ANY(${ids}::uuid[])`,
  }));
}
