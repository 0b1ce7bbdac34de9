import { describe, expect, it } from "vitest";
import { describeClaim } from "./describe-claim";

const opposites = (statement: string, language: "en" | "fr") => describeClaim({ statement, claimant: "", language }).opposites;

describe("readOpposites", () => {
  it("reads the side a statement takes, in English and in French", () => {
    expect(opposites("Rents in Paris rose by 4% in 2023.", "en")).toEqual(["rise-fall|one|rose"]);
    expect(opposites("Les loyers ont baissé de 4 % à Paris.", "fr")).toEqual(["rise-fall|other|baissé"]);
    expect(opposites("The Senate rejected the bill.", "en")).toEqual(["approve-reject|other|rejected"]);
    expect(opposites("Le Sénat a adopté le projet de loi.", "fr")).toEqual(["approve-reject|one|adopté"]);
    expect(opposites("Australia banned social media for children under 16.", "en")).toEqual(["permit-forbid|other|banned"]);
    expect(opposites("Le cannabis récréatif est légal au Canada.", "fr")).toEqual(["permit-forbid|one|légal"]);
  });

  it("takes neither side of a pair when a statement says both, and reads phrases before words", () => {
    expect(opposites("Prices rose while wages fell.", "en")).toEqual([]);
    // "reculer l'âge de la retraite" raises the age: not the "recul" of a fall.
    expect(opposites("Le gouvernement a décidé de reculer l'âge de la retraite.", "fr")).toEqual(["rise-fall|one|reculer l'âge"]);
  });
});
