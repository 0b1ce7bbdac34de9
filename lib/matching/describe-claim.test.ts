import { describe, expect, it } from "vitest";
import { describeClaim } from "./describe-claim";

const entities = (statement: string, language: string) => describeClaim({ statement, claimant: "x", language }).entities;

describe("describeClaim: named entities", () => {
  it("folds accents and case and knows names across languages, acronyms and demonyms", () => {
    expect(entities("Selon l'OMS, la pollution tue.", "fr")).toContain("e:who");
    expect(entities("The World Health Organization says pollution kills.", "en")).toContain("e:who");
    expect(entities("Les États-Unis pèsent 40 %.", "fr")).toContain("e:united-states");
    expect(entities("The United States accounts for 40%.", "en")).toContain("e:united-states");
    expect(entities("Plus de trois millions de Vénézuéliens", "fr")).toContain("e:venezuela");
    expect(entities("Venezuelan officials", "en")).toContain("e:venezuela");
    expect(entities("La livre libanaise a perdu 98 %", "fr")).toContain("e:lebanon");
  });

  it("adds the wider place and keeps unknown names, folded", () => {
    expect(entities("Rents in Paris have risen", "en")).toEqual(expect.arrayContaining(["e:paris", "e:france"]));
    expect(entities("En 2022, Tesla a vendu 1,3 million de véhicules.", "fr")).toContain("e:name:tesla");
    expect(entities("Tesla sold 1.3 million cars", "en")).not.toContain("e:name:tesla"); // first word: a plain word stem
  });

  it("reads capitalised acronyms only: the French article un and the English pronoun us are not the UN or the US", () => {
    expect(entities("Un pays a voté", "fr")).not.toContain("e:united-nations");
    expect(entities("They told us nothing", "en")).not.toContain("e:united-states");
    expect(entities("The UN and the US disagree", "en")).toEqual(expect.arrayContaining(["e:united-nations", "e:united-states"]));
  });

  it("reads the same claimant written with or without accents", () => {
    const a = describeClaim({ statement: "x", claimant: "Juan Guaidó", language: "en" }).claimant;
    const b = describeClaim({ statement: "x", claimant: "Juan Guaido", language: "fr" }).claimant;
    expect(a).toEqual(b);
    const c = describeClaim({ statement: "x", claimant: "Jonas Gahr Støre", language: "en" }).claimant;
    const d = describeClaim({ statement: "x", claimant: "Jonas Gahr Store", language: "fr" }).claimant;
    expect(c).toEqual(d);
  });
});
