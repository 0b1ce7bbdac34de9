import type { MatchSignal, MatchVerdict } from "@/lib/matching/compare-claims";

export type SuggestionReason = MatchSignal | { kind: "passage_overlap"; articleTitles: string[]; weight: number };

/** One reason as the editor reads it, e.g. "Same numbers: 51.2%", "Negated in the other claim (“sans”)". */
export function describeReason(reason: SuggestionReason): string {
  switch (reason.kind) {
    case "statement":
      return `Statements ${Math.round(reason.similarity * 100)}% alike in meaning`;
    case "numbers":
      return {
        agree: `Same numbers: ${reason.shared.join(", ")}`,
        partial: `Some numbers in common: ${reason.shared.join(", ")}`,
        differ: "Different numbers",
        other_meaning: "Same figure counting something else",
      }[reason.status];
    case "dates":
      return reason.status === "agree" ? `Same date: ${reason.shared.join(", ")}` : "Different years";
    case "entities":
      return `Both name ${reason.shared.join(", ")}`;
    case "other_entities":
      return `Names others: ${reason.names.join(", ")}`;
    case "claimant":
      return "Same claimant";
    case "direction":
      return reason.thisWay === "up" ? "This claim says up, the other down" : "This claim says down, the other up";
    case "polarity":
      return `Negated in ${reason.negatedIn === "this" ? "this claim" : "the other claim"} (${reason.cues.map((cue) => `“${cue}”`).join(", ")})`;
    case "passage_overlap":
      return `Passages overlap in ${reason.articleTitles.map((title) => `“${title}”`).join(", ")}`;
  }
}

const VERDICT_WORDS: Record<MatchVerdict, string> = {
  likely_same: "likely the same claim",
  contradicts: "may contradict this claim",
  related: "related",
};

/** The machine-written rationale offered to the editor: the verdict and the reasons that count for it. */
export function suggestedRationale(verdict: MatchVerdict, reasons: readonly SuggestionReason[]): string {
  const counted = reasons.filter((reason) => reason.weight > 0 || reason.kind === "polarity");
  return `${VERDICT_WORDS[verdict][0]!.toUpperCase()}${VERDICT_WORDS[verdict].slice(1)}: ${counted.map((reason) => describeReason(reason).replace(/^./, (first) => first.toLowerCase())).join("; ")}.`.slice(0, 2000);
}
