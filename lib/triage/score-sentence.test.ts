import { describe, expect, it } from "vitest";
import { CANDIDATE_SCORE } from "./find-check-worthy-sentences";
import { scoreSentence } from "./score-sentence";

const labels = (text: string, language: "en" | "fr") => scoreSentence(text, language).reasons.map((reason) => (reason.detail === undefined ? reason.code : `${reason.code}: ${reason.detail}`));
const score = (text: string, language: "en" | "fr") => scoreSentence(text, language).score;

describe("scoreSentence in English", () => {
  it("gives each rule that fired as a reason", () => {
    const reasons = labels("Unemployment fell to 3.9% in March, the lowest since 2001, the Labor Department said.", "en");
    expect(reasons).toContain("figure: 3.9%");
    expect(reasons).toEqual(expect.arrayContaining(["superlative", "attributed: said", "names: Labor Department"]));
  });

  it("reads attribution, quotations and causes", () => {
    expect(labels("\"We have recruited more nurses than ever,\" the minister told reporters.", "en")).toEqual(expect.arrayContaining(["attributed: told", "quotation"]));
    expect(labels("According to the WHO, the outbreak was caused by contaminated water.", "en")).toEqual(
      expect.arrayContaining(["attributed: according to", "causal: caused"]),
    );
    expect(labels("Senator Holt insists that wages fell for 15 months.", "en")).toContain("reportedClaim");
  });

  it("scores statistics and attributed claims above the candidate line, and the rest below it", () => {
    expect(score("Consumer prices rose 3.4% in the year to April, the statistics office said on Wednesday.", "en")).toBeGreaterThanOrEqual(CANDIDATE_SCORE);
    expect(score("Will the fall in inflation last?", "en")).toBeLessThan(CANDIDATE_SCORE);
    expect(score("I think we should be ashamed of that.", "en")).toBeLessThan(0);
    expect(score("The next figures are due on June 19.", "en")).toBeLessThan(CANDIDATE_SCORE);
  });

  it("lowers questions, opinions, predictions and personal experience, saying why", () => {
    expect(labels("Is this a bubble?", "en")).toContain("question");
    expect(labels("The technology should be regulated before it is too late.", "en")).toContain("opinion: should");
    expect(labels("Analysts predict a correction within 18 months.", "en")).toContain("prediction: predict");
    expect(labels("I walked with him to the top field, where the wind bit through my coat.", "en")).toContain("personal");
    // A prediction with a figure stays below a reported figure.
    expect(score("By 2030, AI could add $15 trillion to the global economy.", "en")).toBeLessThan(score("Investment in AI reached $50 billion last year, according to PitchBook.", "en"));
  });

  it("does not count first-person words said by someone quoted as the writer's own story", () => {
    expect(labels("\"I cut taxes for 30 million families,\" the president said.", "en")).not.toContain("personal");
  });

  it("marks fragments: credits, datelines, headings", () => {
    expect(labels("© 2019 AFP", "en")).toContain("fragment");
    expect(score("- Diplomatic relations broken -", "en")).toBeLessThan(0);
  });
});

describe("scoreSentence in French", () => {
  it("reads figures with French separators, comparisons and selon", () => {
    const reasons = labels("Selon l'Insee, le taux de chômage a reculé à 7,3 %, son plus bas niveau depuis 2008.", "fr");
    expect(reasons).toEqual(expect.arrayContaining(["figure: 7,3 %", "attributed: selon", "superlative", "sinceDate"]));
    expect(score("Selon l'Insee, le taux de chômage a reculé à 7,3 %, son plus bas niveau depuis 2008.", "fr")).toBeGreaterThanOrEqual(CANDIDATE_SCORE);
  });

  it("reads a affirmé, a déclaré, French quotation marks and causes", () => {
    expect(labels("« Nous avons créé deux millions d'emplois », a affirmé le ministre.", "fr")).toEqual(expect.arrayContaining(["attributed: a affirme", "quotation"]));
    expect(labels("Le président a déclaré que la dette avait baissé.", "fr")).toEqual(expect.arrayContaining(["attributed: a declare", "reportedClaim"]));
    expect(labels("La sécheresse a fait chuter la production en raison du manque de pluie.", "fr")).toContain("causal: en raison du");
  });

  it("lowers questions, opinions, predictions and personal experience", () => {
    expect(labels("Faut-il s'en réjouir ?", "fr")).toContain("question");
    expect(labels("À mon avis, ces chiffres ne disent pas tout.", "fr")).toContain("opinion: a mon avis");
    expect(labels("Les prix de l'électricité devraient baisser en 2025.", "fr")).toEqual(expect.arrayContaining([expect.stringMatching(/^prediction: devraient$/)]));
    expect(labels("Le réacteur atteindra sa pleine puissance cet été.", "fr")).toContain("prediction: atteindra");
    expect(labels("J'ai passé une nuit à bord, et j'ai eu le mal de mer pendant des heures.", "fr")).toContain("personal");
    expect(score("Je pense que le débat est mal posé.", "fr")).toBeLessThan(0);
  });

  it("does not take a small number in words for a statistic", () => {
    expect(labels("Les deux pays se sont engagés à améliorer leurs relations.", "fr").some((label) => label.startsWith("figure"))).toBe(false);
  });
});
