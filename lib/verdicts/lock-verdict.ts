import type { Tx } from "@/lib/db";

/**
 * Takes the verdict's row lock for the rest of the transaction, so that concurrent transitions of
 * one verdict run one after the other and each reads what the previous one committed.
 */
export async function lockVerdict(tx: Tx, where: { id: string } | { claimId: string }): Promise<void> {
  if ("id" in where) await tx.$executeRaw`SELECT 1 FROM verdicts WHERE id = ${where.id}::uuid FOR UPDATE`;
  else await tx.$executeRaw`SELECT 1 FROM verdicts WHERE claim_id = ${where.claimId}::uuid FOR UPDATE`;
}
