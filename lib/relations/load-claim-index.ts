import type { CandidateIndex } from "@/lib/matching/candidate-index";
import { tableIndex } from "@/lib/matching/table-index";

const claimIndex = () => tableIndex({ table: "claims", writtenAt: "updated_at", statement: "statement", claimant: "claimant", language: "language" });

/**
 * The candidate index of every claim, in this process's memory, brought up to date on each call
 * with the claims created or edited since the last call (claims_updated_at_idx). The first call reads
 * all claims, unless the server's start already did (warmUpClaimIndex).
 */
export function loadClaimIndex(): Promise<CandidateIndex> {
  return claimIndex().load();
}

export function warmUpClaimIndex(onError: (error: unknown) => void): void {
  claimIndex().warmUp(onError);
}

/** The server's warm-up, awaited (the benchmark measures queries after it, as a started server answers them). */
export function warmClaimIndex(): Promise<CandidateIndex> {
  return claimIndex().warm();
}
