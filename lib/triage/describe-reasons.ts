import type { TriageReason } from "./score-sentence";

/** The reasons of a score as one line the editor (or a screen reader) reads: "figure: 3.4% (+2); question (−3)". */
export function describeReasons(reasons: readonly TriageReason[]): string {
  return reasons.map((reason) => `${reason.label} (${reason.points > 0 ? "+" : "−"}${Math.abs(reason.points)})`).join("; ");
}
