import { describe, expect, it } from "vitest";
import { proposeClaim } from "./propose-claim";

describe("proposeClaim", () => {
  it("takes the quotation as the statement and the named speaker as the claimant", () => {
    expect(proposeClaim("\"Violent crime is down 11 percent since I took office,\" Governor Mark Ellison replied.", "en")).toEqual({
      statement: "Violent crime is down 11 percent since I took office",
      claimant: "Mark Ellison",
    });
    expect(proposeClaim("« Le moment de la transition est venu » a toutefois assuré Mike Pompeo, pour qui le départ doit se faire sous peu.", "fr")).toEqual({
      statement: "Le moment de la transition est venu",
      claimant: "Mike Pompeo",
    });
  });

  it("drops the attribution from the statement", () => {
    expect(proposeClaim("According to the WHO, measles cases rose thirtyfold last year.", "en")).toEqual({ statement: "Measles cases rose thirtyfold last year.", claimant: "WHO" });
    expect(proposeClaim("Selon Axios, 21 frappes américaines ont tué au moins 83 personnes.", "fr")).toEqual({
      statement: "21 frappes américaines ont tué au moins 83 personnes.",
      claimant: "Axios",
    });
    expect(proposeClaim("Les États-Unis affirment que ce groupe est dirigé par Maduro.", "fr")).toEqual({ statement: "Ce groupe est dirigé par Maduro.", claimant: "États-Unis" });
  });

  it("keeps a name with of or de whole", () => {
    expect(proposeClaim("According to the Bureau of Statistics, rents rose by 8.9% last year.", "en").claimant).toBe("Bureau of Statistics");
    expect(proposeClaim("Selon la Banque de France, la croissance a ralenti.", "fr").claimant).toBe("Banque de France");
  });

  it("reads a pronoun as the last person named before", () => {
    const context = "On Wednesday, Washington released an update, via a tweet from National Security Advisor John Bolton.";
    expect(proposeClaim("\"Maduro has to leave and hold free elections now,\" he said.", "en", context).claimant).toBe("John Bolton");
  });

  it("proposes no claimant when nobody is named", () => {
    expect(proposeClaim("Rents rose by 8.9% across the country.", "en")).toEqual({ statement: "Rents rose by 8.9% across the country.", claimant: "" });
  });
});
