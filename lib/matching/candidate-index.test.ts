import { describe, expect, it } from "vitest";
import { CandidateIndex } from "./candidate-index";
import { describeClaim } from "./describe-claim";

const profile = (statement: string, claimant: string, language: string) => describeClaim({ statement, claimant, language });

describe("CandidateIndex", () => {
  it("gives back each claim's profile as describeClaim read it, from its packed form", () => {
    const index = new CandidateIndex();
    const claims = [
      profile("Venezuela exports about 700,000 barrels of oil a day.", "Delcy Rodríguez", "en"),
      profile("L'opération a eu lieu sans mon autorisation expresse en octobre 2022.", "Nicolás Maduro", "fr"),
      profile("Unemployment fell to 7.1% last quarter.", "", "en"),
    ];
    claims.forEach((claim, at) => index.put(`c${at}`, claim, at));
    claims.forEach((claim, at) => expect(index.profileOf(`c${at}`)).toEqual(claim));
    expect(index.versionOf("c2")).toBe(2);
    expect(index.profileOf("missing")).toBeUndefined();
  });

  it("finds the other-language twin first among lookalikes, leaves out what it is told to, and follows edits", () => {
    const index = new CandidateIndex();
    index.put("twin", profile("Le Venezuela vend chaque jour quelque 700 000 barils de pétrole à l'étranger.", "Delcy Rodriguez", "fr"));
    for (let i = 0; i < 50; i++) index.put(`other${i}`, profile(`Le chômage a baissé de ${i} % en France.`, `Speaker ${i}`, "fr"));
    index.put("same-speaker", profile("Le Venezuela a reçu 40 avions.", "Delcy Rodriguez", "fr"));
    const query = profile("Venezuela exports about 700,000 barrels of oil a day.", "Delcy Rodríguez", "en");

    const found = index.candidates(query, 3);
    expect(found.map((candidate) => candidate.id)).toEqual(["twin", "same-speaker"]);
    expect(found[0]!.rarity).toBeGreaterThan(found[1]!.rarity);
    expect(index.candidates(query, 3, new Set(["twin"])).map((candidate) => candidate.id)[0]).toBe("same-speaker");

    index.put("twin", profile("Les éoliennes produisent 12 % de l'électricité allemande.", "Robert Habeck", "fr"), 2);
    expect(index.size).toBe(52);
    expect(index.candidates(query, 3).map((candidate) => candidate.id)).not.toContain("twin");
  });

  it("keeps working after many edits make it compact itself", () => {
    const index = new CandidateIndex();
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < 1200; i++) index.put(`c${i}`, profile(`Les loyers ont augmenté de ${i + round} % à Paris.`, `Speaker ${i}`, "fr"), round);
    }
    expect(index.size).toBe(1200);
    expect(index.versionOf("c7")).toBe(2);
    expect(index.profileOf("c7")!.quantities[0]!.value).toBe(9);
    const found = index.candidates(profile("Rents in Paris rose by 9%.", "Speaker 7", "en"), 1);
    expect(found[0]!.id).toBe("c7");
  });
});
