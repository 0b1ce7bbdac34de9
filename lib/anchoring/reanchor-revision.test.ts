import { describe, expect, it } from "vitest";
import { selectPassage } from "./select-passage";
import { reanchor, type AnchorResult, type AnchorSelector } from "./reanchor";
import { reanchorRevision } from "./reanchor-revision";

const PARAGRAPHS = [
  "The city council met on Tuesday to discuss the harbour bridge and its cost to the budget.",
  "Mayor Ana Costa told reporters that the bridge would cost 40 million reais and open in March, reference 42.",
  "Engineers said the schedule depended on the weather, and on the delivery of steel from abroad.",
  "The opposition asked for the contracts to be published before the vote at the end of the month.",
];
const TEXT = PARAGRAPHS.join("\n\n");
const QUOTE = "the bridge would cost 40 million reais and open in March";

const select = selectPassage;

const one = (oldText: string, newText: string, selector: AnchorSelector): AnchorResult => reanchorRevision(oldText, newText, [selector])[0]!;
const range = (result: AnchorResult) => (result.status === "lost" ? { status: "lost" } : { status: result.status, start: result.start, end: result.end });

describe("reanchorRevision", () => {
  it("keeps a passage the edits did not touch, and shifts it when text was inserted before it", () => {
    const selector = select(TEXT, QUOTE);
    const appended = `${TEXT}\n\nA paragraph added at the end.`;
    expect(one(TEXT, appended, selector)).toEqual({ status: "kept", start: selector.start, end: selector.end, confidence: 1 });
    const inserted = `Updated at 18:00 with the mayor's reply.\n\n${TEXT}`;
    const at = inserted.indexOf(QUOTE);
    expect(one(TEXT, inserted, selector)).toEqual({ status: "moved", start: at, end: at + QUOTE.length, confidence: 1 });
  });

  it("follows a paragraph moved as a block, far away", () => {
    const selector = select(TEXT, QUOTE);
    const filler = Array.from({ length: 200 }, (_, i) => `Paragraph ${i} of a long story about other things entirely, with words.`);
    const before = [PARAGRAPHS[0], PARAGRAPHS[1], ...filler, PARAGRAPHS[2]].join("\n\n");
    const after = [PARAGRAPHS[0], ...filler, PARAGRAPHS[1], PARAGRAPHS[2]].join("\n\n");
    const at = after.indexOf(QUOTE);
    expect(range(one(before, after, select(before, QUOTE)))).toEqual({ status: "moved", start: at, end: at + QUOTE.length });
    expect(selector.start).toBeLessThan(at);
  });

  it("reports a passage whose last word was replaced by a longer one as changed, with the whole new word", () => {
    const revised = TEXT.replace("open in March", "open in September");
    const at = revised.indexOf("the bridge would cost");
    const result = one(TEXT, revised, select(TEXT, QUOTE));
    expect(range(result)).toEqual({ status: "changed", start: at, end: at + "the bridge would cost 40 million reais and open in September".length });
    expect(result.confidence).toBeLessThan(1);
  });

  it("loses a deleted sentence that a correction note quotes, rather than placing it in the note", () => {
    const revised = [PARAGRAPHS[0], "Mayor Ana Costa told reporters nothing new, reference 42.", PARAGRAPHS[2], PARAGRAPHS[3], `Correction: an earlier version said that “${QUOTE}”.`].join("\n\n");
    expect(one(TEXT, revised, select(TEXT, QUOTE)).status).toBe("lost");
  });

  it("loses a deleted sentence that another article in the text repeats word for word", () => {
    const second = `Second article\n\nA spokesman repeated on Friday that ${QUOTE}, without more detail.`;
    const before = `${TEXT}\n\n${second}`;
    const after = `${[PARAGRAPHS[0], PARAGRAPHS[2], PARAGRAPHS[3]].join("\n\n")}\n\n${second}`;
    expect(one(before, after, select(before, QUOTE)).status).toBe("lost");
  });

  it("loses a deleted copy of a repeated boilerplate paragraph instead of moving it to another copy", () => {
    const boilerplate = "Subscribe to our newsletter to receive the main stories of the day every morning.";
    const before = [PARAGRAPHS[0], boilerplate, PARAGRAPHS[1], boilerplate, PARAGRAPHS[2], boilerplate].join("\n\n");
    const after = [PARAGRAPHS[0], boilerplate, PARAGRAPHS[1], PARAGRAPHS[2], boilerplate].join("\n\n");
    expect(one(before, after, select(before, "newsletter to receive the main stories", 1)).status).toBe("lost");
  });

  it("places the right one of two adjacent copies with empty context", () => {
    const before = "lorem ipsum dolor amet yada yada";
    const after = `XX${before}`;
    const selector: AnchorSelector = { exact: "yada", prefix: "", suffix: "", start: 28, end: 32 };
    expect(one(before, after, selector)).toEqual({ status: "moved", start: 30, end: 34, confidence: 1 });
  });

  it("maps a line repeated 70 times through the diff, and finds it by its unique prefix without the old text", () => {
    const line = "The same line, repeated many times in the document.";
    const before = `A unique heading\n${Array.from({ length: 70 }, () => line).join("\n")}`;
    const after = `A new first line\n${before}`;
    const selector = select(before, line, 0);
    expect(range(one(before, after, selector))).toEqual({ status: "moved", start: selector.start! + 17, end: selector.end! + 17 });
    expect(range(reanchor(after, selector))).toEqual({ status: "moved", start: selector.start! + 17, end: selector.end! + 17 });
  });

  it("anchors a quote that occurs once with a one-character or empty context and no position", () => {
    const text = `${TEXT} And more.`;
    const at = text.indexOf("delivery of steel");
    for (const context of [{ prefix: "", suffix: "" }, { prefix: " ", suffix: " " }]) {
      expect(range(reanchor(text, { exact: "delivery of steel", ...context }))).toEqual({ status: "moved", start: at, end: at + 17 });
    }
  });

  it("finishes on a text of one repeated letter within its budget, losing what runs out of time", () => {
    const before = "a".repeat(200_000);
    const after = `b${"a".repeat(100_000)}c${"a".repeat(100_000)}`;
    const selectors = Array.from({ length: 50 }, (_, i) => ({ exact: "a".repeat(40), prefix: "a".repeat(32), suffix: "a".repeat(32), start: 1000 + i * 3000, end: 1040 + i * 3000 }));
    const results = reanchorRevision(before, after, selectors, { diffMs: 200, passageMs: 5, totalMs: 500 });
    expect(results).toHaveLength(50);
    for (const result of results) if (result.status !== "lost") expect(after.slice(result.start, result.end)).toBe("a".repeat(40));
  });

  const CLUSTERS = { emoji: "😀", flag: "🇻🇪", "joined emoji sequence": "👩‍👩‍👧‍👦", "skin tone": "👍🏽", "combining marks": "e\u0301\u0323" };
  for (const [name, cluster] of Object.entries(CLUSTERS)) {
    it(`re-anchors a passage whose stored context ends in a ${name}, with and without the old text`, () => {
      const quote = "the quoted words";
      // The cluster at every offset around the far edges of the prefix and suffix.
      for (let shift = 0; shift < 8; shift++) {
        const paragraph = `Intro words. ${cluster.repeat(8)}${"x".repeat(shift)}${quote}${"y".repeat(shift)}${cluster.repeat(8)} closing words.`;
        const before = [PARAGRAPHS[0], paragraph, PARAGRAPHS[3]].join("\n\n");
        const after = [PARAGRAPHS[0]!.replace("Tuesday", "Wednesday"), paragraph.replace("Intro", "Opening"), PARAGRAPHS[3]].join("\n\n");
        const selector = select(before, quote);
        const at = after.indexOf(quote);
        expect(range(one(before, after, selector)), `shift ${shift}`).toEqual({ status: "moved", start: at, end: at + quote.length });
        expect(range(reanchor(after, { exact: selector.exact, prefix: selector.prefix, suffix: selector.suffix })), `shift ${shift}`).toEqual({ status: "moved", start: at, end: at + quote.length });
      }
    });
  }
});
