import { describe, expect, it } from "vitest";
import { compareClaims } from "./compare-claims";
import { describeClaim } from "./describe-claim";

const compare = (a: [string, string, string], b: [string, string, string]) =>
  compareClaims(
    describeClaim({ statement: a[0], claimant: a[1], language: a[2] }),
    describeClaim({ statement: b[0], claimant: b[1], language: b[2] }),
  );

describe("compareClaims", () => {
  it("calls an English claim and its independently worded French twin likely the same, with the reasons", () => {
    const match = compare(
      ["Venezuela exports about 700,000 barrels of oil a day.", "Delcy Rodríguez", "en"],
      ["Le Venezuela vend chaque jour quelque 700 000 barils de pétrole à l'étranger.", "Delcy Rodriguez", "fr"],
    );
    expect(match.verdict).toBe("likely_same");
    expect(match.signals.map((signal) => signal.kind)).toEqual(["statement", "numbers", "entities", "claimant"]);
    expect(match.signals).toContainEqual(expect.objectContaining({ kind: "numbers", status: "agree", shared: ["700,000 barrels"] }));
  });

  it("offers a claim and its negation as a contradiction, never as the same claim", () => {
    const match = compare(
      ["The operation took place with my express authorization.", "Nicolás Maduro", "en"],
      ["L'opération a eu lieu sans mon autorisation expresse.", "Nicolas Maduro", "fr"],
    );
    expect(match.verdict).toBe("contradicts");
    expect(match.signals).toContainEqual(expect.objectContaining({ kind: "polarity", negatedIn: "other", cues: ["sans"] }));
  });

  it("does not call the same figure with another meaning the same claim", () => {
    const match = compare(
      ["Venezuela exports about 700,000 barrels of oil a day.", "Delcy Rodríguez", "en"],
      ["Le Venezuela compte 700 000 fonctionnaires de plus qu'en 2010.", "Delcy Rodriguez", "fr"],
    );
    expect(match.verdict).toBe("related");
  });

  it("does not call two claims of one speaker with different numbers or years the same claim", () => {
    expect(compare(["Unemployment fell to 7.1% in 2019.", "A minister", "en"], ["Le chômage est descendu à 8,4 % en 2019.", "A minister", "fr"]).verdict).toBe("related");
    expect(compare(["Unemployment fell to 7.1% in 2019.", "A minister", "en"], ["Le chômage est descendu à 7,1 % en 2015.", "A minister", "fr"]).verdict).toBe("related");
  });

  it("does not take a shared first name for the same claimant, nor claims about two different countries for the same claim", () => {
    const a = ["The government has built 100,000 social housing units in France this year.", "Olivier Klein", "en"] as [string, string, string];
    expect(compare(a, ["En France, 100 000 logements sociaux ont été construits cette année.", "Olivier Rossi", "fr"]).signals.map((signal) => signal.kind)).not.toContain("claimant");
    const elsewhere = compare(a, ["Au Maroc, 100 000 logements sociaux ont été construits cette année.", "Olivier Klein", "fr"]);
    expect(elsewhere.verdict).toBe("related");
    expect(elsewhere.signals).toContainEqual(expect.objectContaining({ kind: "other_entities", names: ["Morocco"] }));
  });

  it("does not call the same figure about another subject, and offers a rise against a fall as a contradiction", () => {
    const pensions = ["Pension spending represents 14% of France's GDP.", "Bruno Le Maire", "en"] as [string, string, string];
    const health = compare(pensions, ["Les dépenses de santé représentent 14 % du PIB de la France.", "Bruno Le Maire", "fr"]);
    expect(health.verdict).toBe("related");
    expect(health.signals).toContainEqual(expect.objectContaining({ kind: "numbers", status: "other_meaning" }));
    expect(compare(pensions, ["Les retraites pèsent 14 % de la richesse nationale française.", "Bruno Le Maire", "fr"]).verdict).toBe("likely_same");
    const ways = compare(["Rents in Paris rose by 4% in 2023.", "Ian Brossat", "en"], ["Les loyers ont baissé de 4 % à Paris en 2023.", "Ian Brossat", "fr"]);
    expect(ways.verdict).toBe("contradicts");
    expect(ways.signals).toContainEqual(expect.objectContaining({ kind: "opposite", pair: "rise-fall", thisWords: "rose", otherWords: "baissé" }));
  });

  it("reads an English possessive as the name it follows", () => {
    expect(describeClaim({ statement: "Norway's sovereign wealth fund is worth 1.5 trillion dollars.", claimant: "", language: "en" }).entities).toContain("e:norway");
  });
});

describe("compareClaims on opposite words, tenses, dates and a figure's subject", () => {
  it("offers a claim and its opposite word, across languages, as a contradiction", () => {
    const match = compare(["The Senate approved the pension bill on Tuesday.", "Gérard Larcher", "en"], ["Mardi, le Sénat a rejeté le projet de loi sur les retraites.", "Gérard Larcher", "fr"]);
    expect(match.verdict).toBe("contradicts");
    expect(match.signals).toContainEqual(expect.objectContaining({ kind: "opposite", pair: "approve-reject", thisWords: "approved", otherWords: "rejeté" }));
    expect(compare(["France legalised recreational cannabis in 2024.", "A minister", "en"], ["En 2024, la France a interdit le cannabis récréatif.", "A minister", "fr"]).verdict).toBe("contradicts");
  });

  it("reads a negated side of a complementary pair as the other side, and leaves a negated rise against a fall unclear", () => {
    const refuse = ["La Pologne refusera d'accueillir des migrants dans le cadre du mécanisme européen de relocalisation.", "Donald Tusk", "fr"] as [string, string, string];
    const notAccept = compare(["Poland will not accept any migrants under the European relocation mechanism.", "Donald Tusk", "en"], refuse);
    expect(notAccept.verdict).not.toBe("contradicts");
    expect(compare(["Poland will accept migrants under the European relocation mechanism.", "Donald Tusk", "en"], refuse).verdict).toBe("contradicts");
    // "did not rise" is not "fell": never the same claim, and not called a contradiction either.
    expect(compare(["Rents in Paris did not rise by 4% in 2023.", "Ian Brossat", "en"], ["Les loyers ont baissé de 4 % à Paris en 2023.", "Ian Brossat", "fr"]).verdict).toBe("related");
  });

  it("does not call what will happen and what happened the same claim", () => {
    const match = compare(["Ukraine will no longer receive fighter jets from its allies.", "Volodymyr Zelensky", "en"], ["L'Ukraine n'a reçu aucun avion de chasse de ses alliés.", "Volodymyr Zelensky", "fr"]);
    expect(match.verdict).toBe("related");
    expect(match.signals).toContainEqual(expect.objectContaining({ kind: "tense", thisTense: "future" }));
  });

  it("does not call the same figure at another month, or about another subject, the same claim", () => {
    const month = compare(["Inflation in the euro area reached 10.6% in October 2022.", "Christine Lagarde", "en"], ["En mars 2022, l'inflation a atteint 10,6 % dans la zone euro.", "Christine Lagarde", "fr"]);
    expect(month.verdict).toBe("related");
    expect(month.signals).toContainEqual(expect.objectContaining({ kind: "dates", status: "differ" }));
    const subject = compare(["The IMF expects global growth of 3% next year.", "Kristalina Georgieva", "en"], ["Le FMI prévoit une inflation mondiale de 3 % l'an prochain.", "Kristalina Georgieva", "fr"]);
    expect(subject.verdict).toBe("related");
    expect(subject.signals).toContainEqual(expect.objectContaining({ kind: "numbers", status: "other_meaning" }));
    expect(compare(["The IMF expects global growth of 3% next year.", "Kristalina Georgieva", "en"], ["Le FMI table sur une croissance mondiale de 3 % l'an prochain.", "Kristalina Georgieva", "fr"]).verdict).toBe("likely_same");
  });
});
