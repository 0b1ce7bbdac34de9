import { describe, expect, it } from "vitest";
import { readTense } from "./read-tense";

describe("readTense", () => {
  it("reads the future and the past in English", () => {
    expect(readTense("Ukraine will no longer receive fighter jets from its allies.", "en")).toBe("future");
    expect(readTense("Canada won't sell oil to the United States after 2035.", "en")).toBe("future");
    expect(readTense("Ukraine has not received a single fighter jet from its allies.", "en")).toBe("past");
    expect(readTense("Brazil lost 13,000 square kilometres of forest; exports dropped.", "en")).toBe("past");
    expect(readTense("The United States spends 3.5% of GDP on defence.", "en")).toBeNull();
  });

  it("reads the future and the past in French, and not the preposition à nor nouns that end like a future", () => {
    expect(readTense("L'Ukraine ne recevra plus d'avions de chasse de ses alliés.", "fr")).toBe("future");
    expect(readTense("Le Sénégal va produire son premier baril cette année.", "fr")).toBe("future");
    expect(readTense("Les deux pays produiront ensemble 3 millions de barils.", "fr")).toBe("future");
    expect(readTense("L'Ukraine n'a reçu aucun avion de chasse.", "fr")).toBe("past");
    expect(readTense("Les retraites pèsent 14 % de la richesse nationale, à Paris comme ailleurs.", "fr")).toBeNull();
    expect(readTense("La caméra de l'opéra filme le choléra.", "fr")).toBeNull();
  });
});
