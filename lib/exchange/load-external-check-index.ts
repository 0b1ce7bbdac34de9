import type { CandidateIndex } from "@/lib/matching/candidate-index";
import { tableIndex } from "@/lib/matching/table-index";

// Imported reviews are written once (created_at, external_fact_checks_recent_idx), never edited; a
// deleted one is left out when the matches are read (lib/exchange/match-external-fact-checks.ts).
const externalCheckIndex = () =>
  tableIndex({ table: "external_fact_checks", writtenAt: "created_at", statement: "claim_text", claimant: "coalesce(claimant, '')", language: "language" });

/**
 * The candidate index of every imported external fact-check's claim (lib/matching), in this process's
 * memory, brought up to date on each call with the reviews imported since.
 */
export function loadExternalCheckIndex(): Promise<CandidateIndex> {
  return externalCheckIndex().load();
}

export function warmUpExternalCheckIndex(onError: (error: unknown) => void): void {
  externalCheckIndex().warmUp(onError);
}
