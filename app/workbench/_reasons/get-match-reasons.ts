import { getTranslations } from "next-intl/server";
import type { MatchVerdict } from "@/lib/matching/compare-claims";
import type { SuggestionReason } from "@/lib/relations/suggestion-reasons";

/**
 * The matcher's reasons (lib/matching: codes and their parameters) in the reader's language
 * (messages/<locale>/matchReasons.json), and the machine-written rationale made of them.
 */
export async function getMatchReasons() {
  const t = await getTranslations("matchReasons");
  return matchReasonWords(t);
}

export type MatchReasonTranslator = Awaited<ReturnType<typeof getTranslations<"matchReasons">>>;

/** The same with a translator of the matchReasons namespace (a test makes one with next-intl's createTranslator). */
export function matchReasonWords(t: MatchReasonTranslator) {
  const list = (items: readonly string[]) => items.join(t("separator"));
  const quoted = (items: readonly string[]) => list(items.map((text) => t("quoted", { text })));

  function describe(reason: SuggestionReason): string {
    switch (reason.kind) {
      case "statement":
        return t("statement", { percent: Math.round(reason.similarity * 100) });
      case "numbers":
        switch (reason.status) {
          case "agree": return t("numbersAgree", { numbers: list(reason.shared) });
          case "partial": return t("numbersPartial", { numbers: list(reason.shared) });
          case "differ": return t("numbersDiffer");
          case "other_meaning": return t("numbersOtherMeaning");
        }
        break;
      case "dates":
        return reason.status === "agree" ? t("datesAgree", { dates: list(reason.shared) }) : t("datesDiffer");
      case "entities":
        return t("entities", { names: list(reason.shared) });
      case "other_entities":
        return t("otherEntities", { names: list(reason.names) });
      case "claimant":
        return t("claimant");
      case "polarity":
        return reason.negatedIn === "this" ? t("negatedThis", { cues: quoted(reason.cues) }) : t("negatedOther", { cues: quoted(reason.cues) });
      case "opposite":
        return t("opposite", { these: reason.thisWords, those: reason.otherWords });
      case "tense":
        return reason.thisTense === "future" ? t("tenseFuture") : t("tensePast");
      case "passage_overlap":
        return t("passageOverlap", { titles: quoted(reason.articleTitles) });
    }
  }

  /** The verdict and the reasons that count for it, as the editor may keep it: "Likely the same claim: same claimant; …". */
  function rationale(verdict: MatchVerdict, reasons: readonly SuggestionReason[]): string {
    const counted = reasons.filter((reason) => reason.weight > 0 || reason.kind === "polarity" || reason.kind === "opposite");
    const said = counted.map((reason) => describe(reason).replace(/^./, (first) => first.toLowerCase())).join(t("reasonSeparator"));
    const verdictText = verdict === "likely_same" ? t("verdictLikelySame") : verdict === "contradicts" ? t("verdictContradicts") : t("verdictRelated");
    return t("rationale", { verdict: verdictText, reasons: said }).slice(0, 2000);
  }

  return { describe, rationale };
}
