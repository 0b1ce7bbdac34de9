import type { MatchSignal } from "@/lib/matching/compare-claims";

/**
 * A reason a claim is suggested: the matcher's signals and overlapping passages, as codes with their
 * parameters; the page words them in the reader's language (app/workbench/_reasons/get-match-reasons.ts).
 */
export type SuggestionReason = MatchSignal | { kind: "passage_overlap"; articleTitles: string[]; weight: number };
