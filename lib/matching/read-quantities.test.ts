import { describe, expect, it } from "vitest";
import { readQuantities } from "./read-quantities";
import type { MatchLanguage } from "./match-language";

const read = (text: string, language: MatchLanguage) =>
  readQuantities(text, language).quantities.map((quantity) => [Number(quantity.value.toPrecision(6)), quantity.unit]);

describe("readQuantities", () => {
  it("reads the same percentage written in figures and in words, in both languages", () => {
    expect(read("Prices rose by 1 000 000 % on the black market", "en")).toEqual([[1e6, "percent"]]);
    expect(read("Prices rose by one million percent", "en")).toEqual([[1e6, "percent"]]);
    expect(read("Les prix ont augmenté d'un million pour cent", "fr")).toEqual([[1e6, "percent"]]);
    expect(read("They won 51.2% of the vote", "en")).toEqual([[51.2, "percent"]]);
    expect(read("Ils ont obtenu 51,2 % des voix", "fr")).toEqual([[51.2, "percent"]]);
  });

  it("reads decimal commas in French and thousands separators in English", () => {
    expect(read("700,000 barrels a day", "en")).toEqual([[700000, "barrel"]]);
    expect(read("700 000 barils par jour", "fr")).toEqual([[700000, "barrel"]]);
    expect(read("1.400 milliards", "fr")).toEqual([[1.4e12, null]]);
    expect(read("7,1 %", "fr")).toEqual([[7.1, "percent"]]);
    expect(read("1,3 million de véhicules", "fr")).toEqual([[1.3e6, null]]);
  });

  it("reads money with its currency, before or after, and the English billion as the French milliard", () => {
    expect(read("$30 billion for gas terminals", "en")).toEqual([[3e10, "usd"]]);
    expect(read("30 milliards de dollars", "fr")).toEqual([[3e10, "usd"]]);
    expect(read("3,000 billion euros", "en")).toEqual([[3e12, "eur"]]);
    expect(read("3 000 milliards d'euros", "fr")).toEqual([[3e12, "eur"]]);
    expect(read("€85 billion", "en")).toEqual([[8.5e10, "eur"]]);
  });

  it("reads numbers in words, shares and multipliers", () => {
    expect(read("Half a million people marched", "en")).toEqual([[500000, null]]);
    expect(read("Cinq cent mille manifestants", "fr")).toEqual([[500000, null]]);
    expect(read("un million et demi de réfugiés", "fr")).toEqual([[1.5e6, null]]);
    expect(read("One in five children", "en")).toEqual([[20, "percent"]]);
    expect(read("un agriculteur sur deux", "fr")).toEqual([[50, "percent"]]);
    expect(read("Nine out of ten new jobs", "en")).toEqual([[90, "percent"]]);
    expect(read("a fifth of its territory", "en")).toEqual([[20, "percent"]]);
    expect(read("moins d'un cinquième des déchets", "fr")).toEqual([[20, "percent"]]);
    expect(read("Crime has doubled", "en")).toEqual([[2, "factor"]]);
    expect(read("multipliées par deux", "fr")).toEqual([[2, "factor"]]);
    expect(read("divisée par deux", "fr")).toEqual([[0.5, "factor"]]);
    expect(read("in fifteen years", "en")).toEqual([[15, "year"]]);
    expect(read("en une décennie", "fr")).toEqual([[10, "year"]]);
  });

  it("leaves out years, days of a month, articles and words that only look like numbers", () => {
    expect(read("Since 2019, in April 2023", "en")).toEqual([]);
    expect(read("Au 1er février, le 4 septembre", "fr")).toEqual([]);
    expect(read("Un agriculteur a vendu une ferme", "fr")).toEqual([]);
    expect(read("pas un seul hélicoptère neuf", "fr")).toEqual([]);
    expect(read("a third term", "en")).toEqual([]);
    expect(read("last quarter", "en")).toEqual([]);
  });
});
