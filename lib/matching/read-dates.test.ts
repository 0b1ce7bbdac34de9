import { describe, expect, it } from "vitest";
import { readDates } from "./read-dates";

describe("readDates", () => {
  it("reads the same dates in English and French", () => {
    expect(readDates("The school year will start on 4 September 2023.", "en")).toEqual(["2023", "2023-09", "2023-09-04"]);
    expect(readDates("La rentrée aura lieu le 4 septembre 2023.", "fr")).toEqual(["2023", "2023-09", "2023-09-04"]);
    expect(readDates("Inflation reached 10.6% in October 2022.", "en")).toEqual(["2022", "2022-10"]);
    expect(readDates("En octobre 2022, les prix ont grimpé.", "fr")).toEqual(["2022", "2022-10"]);
    expect(readDates("Bills will rise on 1 February.", "en")).toEqual(["02-01"]);
    expect(readDates("Au 1er février, la facture augmentera.", "fr")).toEqual(["02-01"]);
  });

  it("reads years and relative times, and nothing from durations", () => {
    expect(readDates("Relations have been broken since 2019.", "en")).toEqual(["2019"]);
    expect(readDates("Depuis 2019, plus de relations.", "fr")).toEqual(["2019"]);
    expect(readDates("It fell last quarter and will rise next year", "en")).toEqual(["last-quarter", "next-year"]);
    expect(readDates("au dernier trimestre, et l'an prochain", "fr")).toEqual(["last-quarter", "next-year"]);
    expect(readDates("Suspects held for 96 hours; 541 days without a government; 2,000 people", "en")).toEqual([]);
  });
});
