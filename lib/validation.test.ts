import { describe, expect, it } from "vitest";
import { z } from "zod";
import { parseInput, safeParseInput } from "./validation";

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
