import { describe, expect, it } from "vitest";
import type { Rating, RelationType } from "@/lib/generated/prisma/enums";
import {
  checkRelation,
  findWarnings,
  shortStatement,
  warningsForClaim,
  warningsForVerdict,
  type RatedClaim,
  type RatedRelation,
} from "@/lib/relations/consistency-rules";

const ALL_RATINGS: Rating[] = ["false", "mostly_false", "mixed", "mostly_true", "true", "unproven"];

function claim(id: string, rating: Rating | null, extra: Partial<RatedClaim> = {}): RatedClaim {
  return { id, statement: `Statement of ${id}`, claimant: `Claimant ${id}`, rating, verdictId: rating ? `verdict-${id}` : null, ...extra };
}

function relation(type: RelationType, from: RatedClaim, to: RatedClaim, id = `${type}-${from.id}-${to.id}`): RatedRelation {
  return { id, type, from, to };
}

describe("contradicting claims", () => {
  it("warns when both are rated true or mostly true", () => {
    for (const [a, b] of [
      ["true", "true"],
      ["true", "mostly_true"],
      ["mostly_true", "true"],
      ["mostly_true", "mostly_true"],
    ] as const) {
      const warning = checkRelation(relation("contradicts", claim("a", a), claim("b", b)));
      expect(warning?.kind).toBe("contradicting_claims_both_true");
    }
  });

  it("does not warn when at least one side is not rated true", () => {
    for (const a of ALL_RATINGS) {
      for (const b of ["false", "mostly_false", "mixed", "unproven"] as const) {
        expect(checkRelation(relation("contradicts", claim("a", a), claim("b", b)))).toBeNull();
        expect(checkRelation(relation("contradicts", claim("a", b), claim("b", a)))).toBeNull();
      }
    }
  });

  it("names both claims, their claimants and their ratings in one sentence", () => {
    const maduro = claim("m", "mostly_true", { claimant: "Nicolás Maduro", statement: "The contacts had his express authorisation" });
    const bolton = claim("b", "true", { claimant: "John Bolton", statement: "They only talk about his departure" });
    const warning = checkRelation(relation("contradicts", maduro, bolton))!;
    expect(warning.message).toBe(
      "These claims contradict each other, yet both are rated true: Nicolás Maduro: “The contacts had his express authorisation” is rated Mostly true, " +
        "and John Bolton: “They only talk about his departure” is rated True.",
    );
    expect(warning.claims.map((entry) => entry.id)).toEqual(["m", "b"]);
  });
});

describe("supports", () => {
  it("warns when a claim rated true or mostly true is supported by one rated false or mostly false", () => {
    for (const supported of ["true", "mostly_true"] as const) {
      for (const supporter of ["false", "mostly_false"] as const) {
        const warning = checkRelation(relation("supports", claim("s", supporter), claim("t", supported)));
        expect(warning?.kind).toBe("true_claim_supported_by_false_claim");
        expect(warning?.claims.map((entry) => entry.id)).toEqual(["s", "t"]);
        expect(warning?.message).toContain("is supported by");
      }
    }
  });

  it("is directed: a false claim supported by a true one is no warning", () => {
    expect(checkRelation(relation("supports", claim("s", "true"), claim("t", "false")))).toBeNull();
  });

  it("does not warn for mixed, unproven or agreeing ratings", () => {
    for (const supporter of ALL_RATINGS) {
      for (const supported of ["false", "mostly_false", "mixed", "unproven"] as const) {
        expect(checkRelation(relation("supports", claim("s", supporter), claim("t", supported)))).toBeNull();
      }
    }
    for (const supporter of ["mixed", "mostly_true", "true", "unproven"] as const) {
      expect(checkRelation(relation("supports", claim("s", supporter), claim("t", "true")))).toBeNull();
    }
  });
});

describe("same claim", () => {
  it("warns on any difference of rating, unproven included", () => {
    for (const a of ALL_RATINGS) {
      for (const b of ALL_RATINGS) {
        const warning = checkRelation(relation("same_claim", claim("a", a), claim("b", b)));
        if (a === b) expect(warning).toBeNull();
        else expect(warning?.kind).toBe("same_claim_diverging_ratings");
      }
    }
  });

  it("says which rating each claim has", () => {
    const warning = checkRelation(relation("same_claim", claim("en", "true"), claim("fr", "mixed")))!;
    expect(warning.message).toMatch(/rated True, and .* is rated Mixed\.$/);
  });
});

describe("claims without a submitted rating", () => {
  it("never take part in a warning", () => {
    for (const type of ["supports", "contradicts", "same_claim"] as const) {
      for (const rating of ALL_RATINGS) {
        expect(checkRelation(relation(type, claim("a", null), claim("b", rating)))).toBeNull();
        expect(checkRelation(relation(type, claim("a", rating), claim("b", null)))).toBeNull();
      }
    }
  });
});

describe("findWarnings and filters", () => {
  const a = claim("a", "true");
  const b = claim("b", "true");
  const c = claim("c", "false");
  const d = claim("d", null);
  const relations = [
    relation("contradicts", a, b, "r1"),
    relation("supports", c, a, "r2"),
    relation("supports", d, a, "r3"),
    relation("same_claim", b, c, "r4"),
    relation("contradicts", a, b, "r1"),
  ];

  it("returns one warning per offending relation, in order, ignoring repeats", () => {
    expect(findWarnings(relations).map((warning) => [warning.relationId, warning.kind])).toEqual([
      ["r1", "contradicting_claims_both_true"],
      ["r2", "true_claim_supported_by_false_claim"],
      ["r4", "same_claim_diverging_ratings"],
    ]);
  });

  it("filters by claim and by verdict", () => {
    const warnings = findWarnings(relations);
    expect(warningsForClaim(warnings, "a").map((warning) => warning.relationId)).toEqual(["r1", "r2"]);
    expect(warningsForClaim(warnings, "d")).toEqual([]);
    expect(warningsForVerdict(warnings, "verdict-c").map((warning) => warning.relationId)).toEqual(["r2", "r4"]);
  });

  it("returns nothing for an empty graph", () => {
    expect(findWarnings([])).toEqual([]);
  });
});

describe("shortStatement", () => {
  it("keeps short statements and squeezes spaces", () => {
    expect(shortStatement("  A  short\nclaim ")).toBe("A short claim");
  });

  it("cuts long statements at a word and marks the cut", () => {
    const long = "word ".repeat(40).trim();
    const short = shortStatement(long, 30);
    expect(short.length).toBeLessThanOrEqual(30);
    expect(short.endsWith("word…")).toBe(true);
  });
});
