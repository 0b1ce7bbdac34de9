import { useTranslations } from "next-intl";
import type { TriageReason } from "@/lib/triage/score-sentence";

/**
 * The reasons of a triage score as one line in the reader's language, "figure: 3.4% (+2); question (−3)"
 * (messages/<locale>/triageReasons.json). A hook without client-only parts: client components and
 * server components that are not async call it alike.
 */
export function useTriageReasons() {
  const t = useTranslations("triageReasons");
  return triageReasonWords(t);
}

export type TriageReasonTranslator = ReturnType<typeof useTranslations<"triageReasons">>;

/** The same with a translator of the triageReasons namespace (a test makes one with next-intl's createTranslator). */
export function triageReasonWords(t: TriageReasonTranslator): { line: (reasons: readonly TriageReason[]) => string; title: (score: number, reasons: readonly TriageReason[]) => string } {
  const one = (reason: TriageReason): string => {
    const detail = reason.detail ?? "";
    switch (reason.code) {
      case "fragment": return t("fragment");
      case "figure": return t("figure", { detail });
      case "date": return t("date", { detail });
      case "sinceDate": return t("sinceDate");
      case "comparison": return t("comparison");
      case "superlative": return t("superlative");
      case "change": return t("change");
      case "attributed": return t("attributed", { detail });
      case "reportedClaim": return t("reportedClaim");
      case "quotation": return t("quotation");
      case "names": return t("names", { detail });
      case "causal": return t("causal", { detail });
      case "question": return t("question");
      case "opinion": return t("opinion", { detail });
      case "prediction": return t("prediction", { detail });
      case "personal": return t("personal");
      case "hedged": return t("hedged", { detail });
    }
  };
  const line = (reasons: readonly TriageReason[]) => reasons.map((reason) => t("points", { reason: one(reason), sign: reason.points > 0 ? "+" : "−", points: Math.abs(reason.points) })).join(t("separator"));
  return { line, title: (score, reasons) => t("worthChecking", { score, reasons: line(reasons) }) };
}
