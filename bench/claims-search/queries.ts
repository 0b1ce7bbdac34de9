// The queries of bench:claims-search: what a newsroom types, made from claims sampled from the database.
import { createPrng } from "../anchoring/create-prng";

export type Kind = "statement: one word" | "statement: several words" | "speaker" | "typo: swapped letters" | "typo: missing letter" | "typo: no accents";
export type Query = { kind: Kind; q: string; claimId: string; correct: string };

const fold = (word: string) => word.normalize("NFD").replace(/\p{M}/gu, "");
const wordsOf = (text: string) => text.match(/[\p{L}\p{N}]+/gu) ?? [];

/** The queries a newsroom types, made from sampled claims (seeded: the same set for the same claims). */
export function buildQueries(sample: { id: string; statement: string; claimant: string }[]): Query[] {
  const random = createPrng(20261205);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const queries: Query[] = [];
  for (const [index, claim] of sample.entries()) {
    const words = wordsOf(claim.statement);
    // The claim's two longest words: what someone looking for this claim would type.
    const distinctive = [...new Set(words.filter((word) => word.length >= 5 && /^\p{L}+$/u.test(word)))].sort((a, b) => b.length - a.length).slice(0, 2);
    const slot = index % 10;
    if (slot < 3) {
      const length = 1 + Math.floor(random() * 3);
      const start = Math.floor(random() * Math.max(1, words.length - length));
      const q = words.slice(start, start + length).join(" ");
      queries.push({ kind: length === 1 ? "statement: one word" : "statement: several words", q, claimId: claim.id, correct: q });
    } else if (slot < 5) {
      const names = claim.claimant.split(" ");
      const q = random() < 0.5 ? claim.claimant : names.at(-1)!;
      queries.push({ kind: "speaker", q, claimId: claim.id, correct: q });
    } else if (distinctive.length > 0) {
      const correct = distinctive.join(" ");
      const target = distinctive[0]!;
      const at = 1 + Math.floor(random() * (target.length - 2));
      const chars = [...target];
      if (slot < 7 && chars[at] !== chars[at + 1]) {
        [chars[at], chars[at + 1]] = [chars[at + 1]!, chars[at]!];
        queries.push({ kind: "typo: swapped letters", q: [chars.join(""), ...distinctive.slice(1)].join(" "), claimId: claim.id, correct });
      } else if (slot < 9) {
        chars.splice(at, 1);
        queries.push({ kind: "typo: missing letter", q: [chars.join(""), ...distinctive.slice(1)].join(" "), claimId: claim.id, correct });
      } else {
        const accented = words.find((word) => fold(word) !== word && word.length >= 4);
        if (accented) queries.push({ kind: "typo: no accents", q: [fold(accented), pick(distinctive)].join(" "), claimId: claim.id, correct: [accented, pick(distinctive)].join(" ") });
      }
    }
  }
  return queries;
}

