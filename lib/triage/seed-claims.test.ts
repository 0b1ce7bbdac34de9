import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CANDIDATE_SCORE, scoreArticleSentences } from "./find-check-worthy-sentences";

const root = path.resolve(import.meta.dirname, "../..");
const TOP = 10;
type SeedLabels = { articles: { file: string; language: string; known: string[] }[] };
const seeds = (JSON.parse(readFileSync(path.join(root, "data/triage/seeds.json"), "utf8")) as SeedLabels).articles;

describe("the seed articles' known claims", () => {
  for (const seed of seeds) {
    for (const quote of seed.known) {
      it(`${seed.file}: “${quote}” is a candidate among the top ${TOP}`, () => {
        const text = readFileSync(path.join(root, "seeds/articles", seed.file), "utf8");
        const ranked = scoreArticleSentences(text, seed.language).sort((a, b) => b.score - a.score || a.start - b.start);
        const rank = ranked.findIndex((sentence) => sentence.text.includes(quote));
        expect(rank).toBeGreaterThanOrEqual(0);
        expect(rank).toBeLessThan(TOP);
        expect(ranked[rank]!.score).toBeGreaterThanOrEqual(CANDIDATE_SCORE);
      });
    }
  }
});
