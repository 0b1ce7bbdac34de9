import { describe, expect, it } from "vitest";
import { splitSentences } from "./split-sentences";

describe("splitSentences", () => {
  it("keeps abbreviations inside a sentence, in each language", () => {
    expect(splitSentences("Mr. Smith met Dr. Jones on Jan. 5 in the U.S. capital. They spoke.", "en").map((s) => s.text)).toEqual([
      "Mr. Smith met Dr. Jones on Jan. 5 in the U.S. capital.",
      "They spoke.",
    ]);
    expect(splitSentences("Selon M. Dupont, le taux est de 3,5 %. Il baisse.", "fr").map((s) => s.text)).toEqual(["Selon M. Dupont, le taux est de 3,5 %.", "Il baisse."]);
  });

  it("keeps a quotation and its attribution together", () => {
    expect(splitSentences("« Non ! » a-t-il dit. Puis il est parti.", "fr").map((s) => s.text)).toEqual(["« Non ! » a-t-il dit.", "Puis il est parti."]);
    expect(splitSentences("He said: \"No! Never.\" Then he left.", "en").map((s) => s.text)).toEqual(["He said: \"No! Never.\"", "Then he left."]);
  });

  it("gives offsets into the text, and ends a sentence at a line break", () => {
    const text = "Title line\n\n  First sentence here. Second one?\nLast";
    const sentences = splitSentences(text, "en");
    expect(sentences.map((s) => s.text)).toEqual(["Title line", "First sentence here.", "Second one?", "Last"]);
    for (const sentence of sentences) expect(text.slice(sentence.start, sentence.end)).toBe(sentence.text);
  });
});
