import { describe, expect, it } from "vitest";
import { z } from "zod";
import { dateInput, dayInput, EARLIEST_DATE, latestDate, parseInput, safeParseInput } from "./validation";

const schema = z.object({ title: z.string(), tags: z.array(z.string()).default([]), passage: z.object({ exact: z.string() }).optional() });

describe("safeParseInput", () => {
  it("refuses a NUL character or a lone surrogate at any depth, naming where it is", () => {
    const nul = safeParseInput(schema, { title: "ok", passage: { exact: "a\u0000b" } });
    expect(nul.success).toBe(false);
    expect(nul.error?.issues).toMatchObject([{ path: ["passage", "exact"], message: expect.stringContaining("NUL") }]);
    const surrogate = safeParseInput(schema, { title: "ok", tags: ["fine", "half \uDC00"] });
    expect(surrogate.error?.issues).toMatchObject([{ path: ["tags", 1], message: expect.stringContaining("surrogate") }]);
    expect(safeParseInput(schema, { title: "\uD800" }).success).toBe(false);
  });

  it("accepts paired surrogates (emoji), right-to-left marks and markup, and fields the schema drops", () => {
    expect(safeParseInput(schema, { title: "😀 \u202Eevil <script>alert(1)</script>" }).success).toBe(true);
    expect(parseInput(schema, { title: "x", ignored: "a\u0000b" })).toEqual({ title: "x", tags: [] });
  });

  it("walks very deep input without overflowing the stack", () => {
    let deep: unknown = "a\u0000b";
    for (let i = 0; i < 50_000; i++) deep = [deep];
    expect(safeParseInput(z.object({ deep: z.unknown() }), { deep }).success).toBe(false);
  });

  it("turns the refusal into an expected error with the fields", () => {
    expect(() => parseInput(schema, { title: "a\u0000" })).toThrow("Nothing was saved. title: contains a NUL character, which cannot be saved");
  });
});

describe("date fields", () => {
  const article = z.object({ publishedAt: dateInput("the publication date").optional() });
  const claim = z.object({ claimedAt: dayInput("the date of the claim").optional() });
  const latest = latestDate();
  const nextYear = Number(latest.slice(0, 4)) + 1;

  it("run from 1800 to the end of the year after next", () => {
    expect(EARLIEST_DATE).toBe("1800-01-01");
    expect(latestDate(new Date("2026-12-03T10:00:00Z"))).toBe("2028-12-31");
    expect(latestDate(new Date("2027-01-01T00:00:00Z"))).toBe("2029-12-31");
  });

  it("take a Date or an ISO date or date and time inside the range", () => {
    expect(parseInput(article, { publishedAt: new Date("2019-05-22T08:00:00Z") })).toEqual({ publishedAt: new Date("2019-05-22T08:00:00Z") });
    expect(parseInput(article, { publishedAt: "2019-05-22" })).toEqual({ publishedAt: new Date("2019-05-22T00:00:00Z") });
    expect(parseInput(article, { publishedAt: "1800-01-01T00:00:00Z" }).publishedAt).toEqual(new Date("1800-01-01T00:00:00Z"));
    expect(parseInput(article, { publishedAt: `${latest}T23:59:59.999Z` }).publishedAt).toEqual(new Date(`${latest}T23:59:59.999Z`));
    expect(parseInput(claim, { claimedAt: "1800-01-01" })).toEqual({ claimedAt: "1800-01-01" });
    expect(parseInput(claim, { claimedAt: latest })).toEqual({ claimedAt: latest });
    expect(parseInput(claim, {})).toEqual({});
  });

  it("refuse years such as 99999 and -100000, and any day outside the range, naming the field", () => {
    const range = `must be between 1800-01-01 and ${latest}`;
    for (const publishedAt of [new Date("+099999-01-01T00:00:00Z"), "+099999-01-01", "-100000-01-01T00:00:00Z", "1799-12-31T23:59:59Z", `${nextYear}-01-01`]) {
      expect(() => parseInput(article, { publishedAt }), String(publishedAt)).toThrow(`Nothing was saved. publishedAt: the publication date ${range}`);
    }
    for (const claimedAt of ["1799-12-31", `${nextYear}-01-01`, "0219-05-22"]) {
      expect(() => parseInput(claim, { claimedAt }), claimedAt).toThrow(`Nothing was saved. claimedAt: the date of the claim ${range}`);
    }
  });

  it("refuse what is not a date, saying what to type", () => {
    expect(() => parseInput(article, { publishedAt: "yesterday" })).toThrow("publishedAt: use a date like 2019-05-22 for the publication date");
    expect(() => parseInput(article, { publishedAt: new Date(Number.NaN) })).toThrow("use a date like 2019-05-22 for the publication date");
    for (const claimedAt of ["99999-01-01", "-100000-01-01", "22/05/2019", "2019-02-30"]) {
      expect(() => parseInput(claim, { claimedAt }), claimedAt).toThrow("claimedAt: use a date like 2019-05-22 for the date of the claim");
    }
  });
});
