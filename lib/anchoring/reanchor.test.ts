import { describe, expect, it } from "vitest";
import { selectPassage } from "./select-passage";
import { reanchor, type AnchorResult } from "./reanchor";
import { utf16ToCodePoints } from "./code-points";

const PARAGRAPHS = [
  "The White House tried Wednesday to sweep aside the idea of a dialogue between Washington and Caracas.",
  "Tuesday, during one of the long and informal exchanges he likes with the media, the president was questioned about contacts.",
  "“We are in contact, we are talking to several representatives of Venezuela,” replied Donald Trump at the White House.",
  "In the process, Nicolas Maduro confirmed on radio and television that there had been contacts for months.",
  "On Wednesday, Washington released an update, via a message from the National Security Advisor.",
] as const;

const select = selectPassage;

function placed(result: AnchorResult): { status: string; start: number; end: number } {
  if (result.status === "lost") throw new Error(`lost: ${result.reason}`);
  return { status: result.status, start: result.start, end: result.end };
}

describe("reanchor", () => {
  const text = PARAGRAPHS.join("\n\n");
  const quote = "we are talking to several representatives of Venezuela";

  it("keeps a passage of unchanged text where it was, with full confidence", () => {
    const selector = select(text, quote);
    expect(reanchor(text, selector)).toEqual({ status: "kept", start: selector.start, end: selector.end, confidence: 1 });
  });

  it("keeps a passage anchored when only its surroundings were corrected", () => {
    const selector = select(text, quote);
    const revised = text.replace("We are in contact", "We are in kontact").replace("replied Donald", "said Donald");
    expect(reanchor(revised, selector)).toEqual({ status: "kept", start: selector.start, end: selector.end, confidence: 1 });
  });

  it("follows a passage whose paragraph moved, and one shifted by a new paragraph above", () => {
    const selector = select(text, quote);
    const moved = [PARAGRAPHS[0], PARAGRAPHS[1], PARAGRAPHS[3], PARAGRAPHS[4], PARAGRAPHS[2]].join("\n\n");
    const result = reanchor(moved, selector);
    expect(placed(result)).toEqual({ status: "moved", start: moved.indexOf(quote), end: moved.indexOf(quote) + quote.length });
    expect(result.confidence).toBeGreaterThan(0.8);

    const shifted = `${"A new first paragraph, added in an update of the story. ".repeat(20)}\n\n${text}`;
    expect(placed(reanchor(shifted, selector))).toEqual({ status: "moved", start: shifted.indexOf(quote), end: shifted.indexOf(quote) + quote.length });
  });

  it("finds a passage after one-character edits inside it, with the edited range", () => {
    const selector = select(text, quote);
    const at = text.indexOf(quote);
    for (const [edited, kind] of [
      ["we are talking to sevral representatives of Venezuela", "deletion"],
      ["we are talking to several representattives of Venezuela", "insertion"],
      ["we are talking to several represantatives of Venezuela", "substitution"],
      ["We are talking to several representatives of Venezuela", "first character"],
      ["we are talking to several representatives of Venezuel", "last character"],
    ] as const) {
      const result = reanchor(text.replace(quote, edited), selector);
      expect(placed(result), kind).toEqual({ status: "changed", start: at, end: at + edited.length });
      expect(result.confidence).toBeGreaterThan(0.9);
      expect(result.confidence).toBeLessThan(1);
    }
    // A character inserted exactly at a boundary stays outside the passage, which is intact.
    expect(placed(reanchor(text.replace(quote, `${quote}!`), selector))).toEqual({ status: "kept", start: at, end: at + quote.length });
  });

  it("orphans a deleted passage, saying its text is gone", () => {
    const selector = select(text, quote);
    const revised = [PARAGRAPHS[0], PARAGRAPHS[1], PARAGRAPHS[3], PARAGRAPHS[4]].join("\n\n");
    const result = reanchor(revised, selector);
    expect(result.status).toBe("lost");
    expect(result.status === "lost" && result.reason).toMatch(/gone/);
  });

  it("orphans a passage rewritten beyond recognition", () => {
    const selector = select(text, quote);
    const revised = text.replace(quote, "our people speak with a number of officials in Caracas");
    expect(reanchor(revised, selector).status).toBe("lost");
  });

  it("picks, of two copies of a sentence, the one whose context matches", () => {
    const sentence = "the president of the United States is questioned about contacts";
    const original = [
      `Earlier this year ${sentence}, between other matters of state.`,
      PARAGRAPHS[0],
      `During a long exchange with the media on Tuesday ${sentence} with the regime in Caracas.`,
      PARAGRAPHS[3],
    ].join("\n\n");
    const selector = select(original, sentence, 1);
    // A new paragraph above moves both copies: distance alone cannot choose.
    const revised = `${PARAGRAPHS[4].repeat(6)}\n\n${original}`;
    const second = revised.indexOf(sentence, revised.indexOf(sentence) + 1);
    expect(placed(reanchor(revised, selector))).toEqual({ status: "moved", start: second, end: second + sentence.length });
  });

  it("orphans a passage whose copies match equally well, rather than guess", () => {
    const copy = `${PARAGRAPHS[1]}\n\n${PARAGRAPHS[2]}\n\n`;
    const original = `${PARAGRAPHS[0]}\n\n${copy}${copy}${PARAGRAPHS[3]}`;
    const selector = select(original, quote, 0);
    // Both copies move far away together and are equally far from the old place, near enough.
    const revised = `${PARAGRAPHS[4].repeat(30)}\n\n${original}`;
    const result = reanchor(revised, selector);
    expect(result.status).toBe("lost");
    expect(result.status === "lost" && result.reason).toMatch(/choose one/);
  });

  it("prefers the copy that stayed in place among verbatim repeated paragraphs", () => {
    const copies = Array.from({ length: 4 }, () => PARAGRAPHS[2]).join("\n\n");
    const selector = select(copies, quote, 2);
    // The selected copy gets two typos: the other copies now match the stored quote better.
    const revised = copies
      .split("\n\n")
      .map((copy, index) => (index === 2 ? copy.replace("talking", "talkin").replace("several", "sevral") : copy))
      .join("\n\n");
    const start = revised.indexOf("we are talkin to sevral");
    expect(placed(reanchor(revised, selector))).toEqual({ status: "changed", start, end: start + quote.length - 2 });
  });

  it("handles French typography: curly apostrophes, no-break spaces inside « », accents", () => {
    const french = [
      "Le président Donald Trump souhaite s’entretenir directement avec le dirigeant vénézuélien.",
      "Moscou a appelé Washington à «\u00a0abandonner\u00a0» son soutien à l’opposition, alors que les États-Unis ont, dimanche, appelé la Russie à quitter le pays.",
      "Ces distensions ont un impact direct sur les relations entretenues par les deux nations.",
    ].join("\n");
    const passage = "Washington à «\u00a0abandonner\u00a0» son soutien à l’opposition";
    const selector = select(french, passage);
    const at = french.indexOf(passage);

    expect(placed(reanchor(french, selector))).toEqual({ status: "kept", start: at, end: at + passage.length });
    // A straight apostrophe and an ordinary space instead of a no-break one: two substitutions.
    const retyped = french.replace("l’opposition", "l'opposition").replace("«\u00a0abandonner", "« abandonner");
    const fuzzy = reanchor(retyped, selector);
    expect(placed(fuzzy)).toEqual({ status: "changed", start: at, end: at + passage.length });
    expect(fuzzy.confidence).toBeGreaterThan(0.9);
    // A lost accent in the context and a new sentence above.
    const revised = `Mise à jour : la Maison Blanche a réagi.\n${french.replace("États-Unis", "Etats-Unis")}`;
    const moved = revised.indexOf(passage);
    expect(placed(reanchor(revised, selector))).toEqual({ status: "moved", start: moved, end: moved + passage.length });
  });

  it("counts offsets in UTF-16 units around emoji, and never splits a surrogate pair", () => {
    const withEmoji = `Réaction 🇻🇪 à Caracas 😀.\n\n${PARAGRAPHS[2]} 🎉\n\n${PARAGRAPHS[3]}`;
    const passage = `${quote},” replied Donald Trump at the White House. 🎉`;
    const selector = select(withEmoji, passage);
    const revised = `😀😀 ${withEmoji.replace("😀", "😃")}`;
    const at = revised.indexOf(passage);
    const result = placed(reanchor(revised, selector));
    expect(result).toEqual({ status: "moved", start: at, end: at + passage.length });
    // Two emoji and a space before it: five UTF-16 units, three code points, further.
    expect(result.start - selector.start!).toBe(5);
    expect(utf16ToCodePoints(revised, result.end) - utf16ToCodePoints(withEmoji, selector.end!)).toBe(3);

    // The passage ends with an emoji that changed to another one: the range covers it whole.
    const swapped = withEmoji.replace("🎉", "🎊");
    const fuzzy = placed(reanchor(swapped, selector));
    expect(fuzzy).toEqual({ status: "changed", start: selector.start, end: selector.end });
    expect(() => utf16ToCodePoints(swapped, fuzzy.end)).not.toThrow();
  });

  it("finds passages at the very start and end of the text (short or empty context)", () => {
    const first = "The White House tried Wednesday";
    const last = "via a message from the National Security Advisor.";
    const revised = text.replace("The White House tried", "The White House had tried").replace("Security Advisor.", "Security Adviser.");
    expect(placed(reanchor(revised, select(text, first)))).toEqual({ status: "changed", start: 0, end: first.length + 4 });
    const lastAt = revised.indexOf("via a message");
    expect(placed(reanchor(revised, select(text, last)))).toEqual({ status: "changed", start: lastAt, end: revised.length });
  });

  it("finds a passage whose stored context runs past the end of the new text", () => {
    const ending = "via a message from the National Security";
    const original = `${PARAGRAPHS[4]}\n\n${PARAGRAPHS[4]}`;
    const selector = select(original, ending, 0);
    // The first copy is gone: the second one ends the text, where the stored suffix has no room.
    const revised = `${PARAGRAPHS[0]}\n\n${PARAGRAPHS[4]}`;
    const at = revised.indexOf(ending);
    expect(placed(reanchor(revised, selector))).toEqual({ status: "moved", start: at, end: at + ending.length });
  });

  it("orphans a short phrase found only in new surroundings", () => {
    const selector = select(text, "the White House");
    const revised = [PARAGRAPHS[1], "Officials at the White House declined to comment on Thursday.", PARAGRAPHS[3]].join("\n\n");
    expect(reanchor(revised, selector).status).toBe("lost");
  });

  it("orphans an empty stored passage instead of throwing", () => {
    expect(reanchor(text, { exact: "", prefix: "", suffix: "", start: 0, end: 0 }).status).toBe("lost");
  });
});
