import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { diffRevision, refineDiff, type RevisionDiff } from "./diff-revision";

const FAR = Date.now() + 3_600_000;

const paragraph = fc
  .array(fc.stringMatching(/^[a-zé’]{1,8}[,.]?$/), { minLength: 3, maxLength: 30 })
  .map((words) => words.join(" "));
// An article and its revision: paragraphs kept, edited (a word replaced, inserted or deleted),
// dropped, or new ones added; some paragraphs move.
const revision = fc
  .tuple(
    fc.array(paragraph, { minLength: 2, maxLength: 12 }),
    fc.array(fc.record({ kind: fc.constantFrom("keep", "edit", "drop", "add", "move"), at: fc.nat(), word: fc.stringMatching(/^[a-z]{1,8}$/) }), { maxLength: 16 }),
  )
  .map(([paragraphs, changes]) => {
    const revised = [...paragraphs];
    for (const { kind, at, word } of changes) {
      const index = at % revised.length;
      if (kind === "edit") {
        const words = revised[index]!.split(" ");
        words.splice(at % words.length, at % 3 === 0 ? 1 : 0, word);
        revised[index] = words.join(" ");
      } else if (kind === "drop" && revised.length > 1) revised.splice(index, 1);
      else if (kind === "add") revised.splice(index, 0, `${word} ${word}, a new paragraph`);
      else if (kind === "move") revised.splice(at % revised.length, 0, ...revised.splice(index, 1));
    }
    return { oldText: paragraphs.join("\n\n"), newText: revised.join("\n\n") };
  });

function checkRuns(diff: RevisionDiff): void {
  let oldAt = 0;
  let newAt = 0;
  for (const run of diff.runs) {
    expect(run.length).toBeGreaterThan(0);
    expect(run.oldStart).toBeGreaterThanOrEqual(oldAt);
    expect(run.newStart).toBeGreaterThanOrEqual(newAt);
    expect(diff.newText.slice(run.newStart, run.newStart + run.length)).toBe(diff.oldText.slice(run.oldStart, run.oldStart + run.length));
    oldAt = run.oldStart + run.length;
    newAt = run.newStart + run.length;
  }
}

describe("diffRevision and refineDiff", () => {
  it("keeps runs in order and equal in both texts, whichever stretches were refined", () => {
    fc.assert(
      fc.property(revision, fc.array(fc.tuple(fc.nat(), fc.nat({ max: 200 })), { maxLength: 6 }), ({ oldText, newText }, pieces) => {
        const diff = diffRevision(oldText, newText, FAR);
        checkRuns(diff);
        for (const [at, length] of pieces) {
          const from = at % (oldText.length + 1);
          refineDiff(diff, from, from + length, FAR);
          checkRuns(diff);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("gives the same runs refined piece by piece, in any order, as refined all at once", () => {
    fc.assert(
      fc.property(revision, fc.array(fc.tuple(fc.nat(), fc.nat({ max: 300 })), { minLength: 1, maxLength: 8 }), ({ oldText, newText }, pieces) => {
        const whole = diffRevision(oldText, newText, FAR);
        refineDiff(whole, 0, oldText.length, FAR);
        expect(whole.pending).toEqual([]);
        const inPieces = diffRevision(oldText, newText, FAR);
        for (const [at, length] of pieces) {
          const from = at % (oldText.length + 1);
          refineDiff(inPieces, from, from + length, FAR);
        }
        refineDiff(inPieces, 0, oldText.length, FAR);
        expect(inPieces.runs).toEqual(whole.runs);
        expect(inPieces.undecided).toEqual(whole.undecided);
      }),
      { numRuns: 300 },
    );
  });

  it("diffs word by word only the stretches asked for", () => {
    const paragraphs = [
      "The city council met on Tuesday to discuss the harbour bridge.",
      "Mayor Ana Costa told reporters that the bridge would cost 40 million reais.",
      "Engineers said the schedule depended on the weather and on steel.",
      "The opposition asked for the contracts to be published before the vote.",
    ];
    const oldText = paragraphs.join("\n\n");
    const newText = paragraphs.map((text) => text.replace(" the ", " all the ")).join("\n\n");
    const diff = diffRevision(oldText, newText, FAR);
    // Each edited paragraph is paired with its new wording, none diffed word by word yet.
    expect(diff.pending).toHaveLength(4);
    const mayor = oldText.indexOf("Mayor");
    refineDiff(diff, mayor, mayor + 5, FAR);
    expect(diff.pending).toHaveLength(3);
    const kept = (words: string) => diff.runs.some((run) => oldText.slice(run.oldStart, run.oldStart + run.length).includes(words));
    expect(kept("bridge would cost 40 million reais.")).toBe(true);
    expect(kept("depended on")).toBe(false);
  });

  // Both cases: the first and last paragraphs are edited too, so that the lines between are diffed.
  const opening = ["The city council met on Tuesday to discuss the harbour bridge.", "The city council met on Wednesday to discuss the harbour bridge."];
  const closing = ["The opposition asked for the contracts before the vote.", "The opposition asked for the contracts before the ballot."];

  it("keeps a paragraph whole when the one before it lost a sentence and begins with the same words", () => {
    const lost = " He added that the talks, held in secret in Qatar, had gone on for months without result.";
    const first = `President Donald Trump said on Monday that he wanted a direct dialogue with Nicolás Maduro.${lost} Officials declined to comment.`;
    const second = "President Donald Trump said on Monday that the navy would stay in the Caribbean for as long as needed, officials said.";
    const oldText = [opening[0], first, second, closing[0]].join("\n\n");
    const newText = [opening[1], first.replace(lost, ""), second, closing[1]].join("\n\n");
    const diff = diffRevision(oldText, newText, FAR);
    const oldAt = oldText.indexOf(second);
    const run = diff.runs.find((candidate) => candidate.oldStart <= oldAt && oldAt + second.length <= candidate.oldStart + candidate.length);
    expect(run && run.newStart + (oldAt - run.oldStart)).toBe(newText.indexOf(second));
  });

  it("leaves every edited copy of a repeated paragraph to the search, also a copy edited at both ends", () => {
    const paragraph = "Washington says the group is led by Maduro and senior figures of his government, who deny any link to the drug trade.";
    const copies = [
      paragraph.replace("senior", "top"),
      paragraph.replace("Washington says", "Washington said").replace("drug trade.", "drugs trade."),
      paragraph.replace("his government", "the government"),
    ];
    const oldText = [opening[0], paragraph, paragraph, paragraph, closing[0]].join("\n\n");
    const newText = [opening[1], ...copies, closing[1]].join("\n\n");
    const diff = diffRevision(oldText, newText, FAR);
    for (let copy = 0, at = oldText.indexOf(paragraph); copy < 3; copy++, at = oldText.indexOf(paragraph, at + 1)) {
      expect(diff.undecided.some((region) => region.oldFrom <= at && at + paragraph.length <= region.oldTo), `copy ${copy + 1}`).toBe(true);
    }
  });
});
