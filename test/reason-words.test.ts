import { describe, expect, it } from "vitest";
import { compareClaims } from "@/lib/matching/compare-claims";
import { describeClaim } from "@/lib/matching/describe-claim";
import { scoreSentence } from "@/lib/triage/score-sentence";
import { matchReasonsIn, triageReasonsIn } from "./support/reason-words";

// The matcher and the triage return codes; the editor reads them in the catalogue's words, in English and in French.
const profile = (statement: string, claimant: string, language: string) => describeClaim({ statement, claimant, language });

describe("the matcher's reasons", () => {
  const negation = compareClaims(
    profile("The operation took place with my express authorization.", "Nicolás Maduro", "en"),
    profile("L'opération a eu lieu sans mon autorisation expresse.", "Nicolas Maduro", "fr"),
  );
  const opposite = compareClaims(profile("Rents in Paris rose by 4% in 2023.", "Ian Brossat", "en"), profile("À Paris, les loyers ont baissé de 4 % en 2023.", "Ian Brossat", "fr"));

  it("reads in English", () => {
    const words = matchReasonsIn("en");
    expect(negation.signals.map(words.describe)).toEqual(expect.arrayContaining(["Same claimant", "Negated in the other claim (“sans”)"]));
    expect(words.rationale(negation.verdict, negation.signals)).toMatch(/^May contradict this claim: statements \d+% alike in meaning; .*negated in the other claim \(“sans”\)\.$/);
    expect(opposite.signals.map(words.describe)).toContain("Opposite words: “rose” here, “baissé” in the other claim");
  });

  it("reads in French", () => {
    const words = matchReasonsIn("fr");
    expect(negation.signals.map(words.describe)).toEqual(expect.arrayContaining(["Même auteur", "Négation dans l’autre affirmation (« sans »)"]));
    expect(words.rationale(negation.verdict, negation.signals)).toMatch(/^Contredit peut-être cette affirmation : énoncés semblables à \d+ % par le sens ; /);
    expect(opposite.signals.map(words.describe)).toContain("Mots de sens contraire : « rose » ici, « baissé » dans l’autre affirmation");
  });
});

describe("the triage's reasons", () => {
  const { score, reasons } = scoreSentence("Selon l'Insee, le taux de chômage a reculé à 7,3 %, son plus bas niveau depuis 2008.", "fr");

  it("reads in both languages, with the points of each", () => {
    const en = triageReasonsIn("en");
    const fr = triageReasonsIn("fr");
    expect(en.line(reasons)).toContain("figure: 7,3 % (+2); ");
    expect(en.line(reasons)).toContain("attributed: selon (+1.5)");
    expect(fr.line(reasons)).toContain("chiffre : 7,3 % (+2) ; ");
    expect(fr.line(reasons)).toContain("superlatif (+");
    expect(fr.title(score, reasons)).toMatch(/^À vérifier \(score [\d.]+\) : chiffre/);
  });
});
