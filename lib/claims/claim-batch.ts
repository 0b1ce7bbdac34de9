import { z } from "zod";
import type { Tx } from "@/lib/db";
import { englishReason, refuse, type ErrorParams, type FieldIssue, type ReasonKey } from "@/lib/errors";
import { reason } from "@/lib/validation";

/** The claims one bulk action works on: those ticked on one page of the claims list. */
export const claimBatchInput = z.array(z.uuid()).min(1, reason("selectOneClaim")).max(100, reason("selectAtMost100"));

export type BatchClaim = { id: string; statement: string; version: number; tags: string[] };
export type Refusal = { claimId: string; statement: string; reason: ReasonKey; params?: ErrorParams };

/** The selected claims, locked for the batch's transaction; any missing one refuses the whole batch. */
export async function lockClaimBatch(tx: Tx, claimIds: readonly string[]): Promise<BatchClaim[]> {
  const ids = [...new Set(claimIds)];
  await tx.$executeRaw`SELECT 1 FROM claims WHERE id = ANY(${ids}::uuid[]) ORDER BY id FOR UPDATE`;
  const claims = await tx.claim.findMany({ where: { id: { in: ids } }, select: { id: true, statement: true, version: true, tags: true } });
  const missing = ids.filter((id) => !claims.some((claim) => claim.id === id));
  if (missing.length > 0) refuseBatch(missing.map((claimId) => ({ claimId, statement: claimId, reason: "claimGone" })));
  return ids.map((id) => claims.find((claim) => claim.id === id)!);
}

const short = (text: string) => (text.length > 60 ? `${text.slice(0, 59)}…` : text);

/** Refuses the whole batch, naming each claim that could not be changed and why. */
export function refuseBatch(refused: readonly Refusal[]): never {
  const issues = refused.map((entry): FieldIssue => ({ field: short(entry.statement), quoted: true, reason: entry.reason, params: entry.params }));
  throw refuse("invalid", { key: "batchRefused", params: { count: refused.length } }, {
    refused: refused.map(({ claimId, reason, params }) => ({ claimId, reason: englishReason(reason, params) })),
  }, issues);
}
