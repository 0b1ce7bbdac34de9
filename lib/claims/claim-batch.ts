import { z } from "zod";
import type { Tx } from "@/lib/db";
import { invalid } from "@/lib/errors";

/** The claims one bulk action works on: those ticked on one page of the claims list. */
export const claimBatchInput = z.array(z.uuid()).min(1, "select at least one claim").max(100, "select at most 100 claims at once");

export type BatchClaim = { id: string; statement: string; version: number; tags: string[] };
export type Refusal = { claimId: string; statement: string; reason: string };

/** The selected claims, locked for the batch's transaction; any missing one refuses the whole batch. */
export async function lockClaimBatch(tx: Tx, claimIds: readonly string[]): Promise<BatchClaim[]> {
  const ids = [...new Set(claimIds)];
  await tx.$executeRaw`SELECT 1 FROM claims WHERE id = ANY(${ids}::uuid[]) ORDER BY id FOR UPDATE`;
  const claims = await tx.claim.findMany({ where: { id: { in: ids } }, select: { id: true, statement: true, version: true, tags: true } });
  const missing = ids.filter((id) => !claims.some((claim) => claim.id === id));
  if (missing.length > 0) refuseBatch(missing.map((claimId) => ({ claimId, statement: claimId, reason: "this claim no longer exists" })));
  return ids.map((id) => claims.find((claim) => claim.id === id)!);
}

const short = (text: string) => (text.length > 60 ? `${text.slice(0, 59)}…` : text);

/** Refuses the whole batch, naming each claim that could not be changed and why. */
export function refuseBatch(refused: readonly Refusal[]): never {
  const list = refused.map((entry) => `“${short(entry.statement)}”: ${entry.reason}`).join("; ");
  throw invalid(`Nothing was changed: ${refused.length} of the selected claims ${refused.length === 1 ? "was" : "were"} refused. ${list}.`, {
    refused: refused.map(({ claimId, reason }) => ({ claimId, reason })),
  });
}
