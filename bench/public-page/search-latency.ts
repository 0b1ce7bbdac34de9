// The search half of the benchmark: ~200 claim searches in-process through searchClaims (text, typos,
// filters, combinations, next pages) and a few readers' searches, one at a time, timed one by one.
import type { Actor } from "@/lib/auth/actor";
import { searchClaims, type SearchClaimsInput } from "@/lib/search/search-claims";
import { searchPublishedFactChecks } from "@/lib/search/search-published-fact-checks";
import { createPrng } from "../anchoring/create-prng";

export type Category = "text" | "frequent words" | "typo" | "filters" | "text + filters" | "next page" | "readers";
export type LatencyFigures = { queries: number; p50Ms: number; p95Ms: number; maxMs: number };
export type SearchFigures = { all: LatencyFigures; byCategory: Record<string, LatencyFigures>; seconds: number };

function percentile(sorted: number[], share: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)] ?? 0;
}

function figures(times: number[]): LatencyFigures {
  const sorted = [...times].sort((a, b) => a - b);
  return { queries: sorted.length, p50Ms: percentile(sorted, 0.5), p95Ms: percentile(sorted, 0.95), maxMs: sorted.at(-1) ?? 0 };
}

/** A plausible typo: a doubled, dropped or swapped letter. */
function typo(word: string, random: () => number): string {
  const at = 1 + Math.floor(random() * (word.length - 2));
  const kind = Math.floor(random() * 3);
  if (kind === 0) return word.slice(0, at) + word[at] + word.slice(at);
  if (kind === 1) return word.slice(0, at) + word.slice(at + 1);
  return word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2);
}

type Op = { category: Category; input: SearchClaimsInput };

function buildOps(words: string[], claimants: string[], random: () => number): Op[] {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const vocabulary = [...new Set(words.map((word) => word.toLowerCase()).filter((word) => /^\p{L}{4,}$/u.test(word)))];
  // The corpus's own frequent names: each is in thousands of the generated claims.
  const frequent = ["Maduro", "Venezuela", "Trump", "États-Unis", "Washington", "élections", "president", "sanctions", "dialogue", "Bolton"];
  const languages = ["en", "fr", "und"];
  const statuses = ["none", "draft", "in_review"] as const;
  const ratings = ["false", "mostly_false", "mixed", "mostly_true", "true", "unproven"] as const;
  const filters = (): Partial<SearchClaimsInput> => {
    const choice = Math.floor(random() * 5);
    if (choice === 0) return { language: pick(languages) };
    if (choice === 1) return { claimant: pick(claimants) };
    if (choice === 2) return { verdictStatus: pick(statuses) };
    if (choice === 3) return { rating: pick(ratings) };
    return { language: pick(languages), verdictStatus: pick(statuses) };
  };
  const ops: Op[] = [];
  for (let i = 0; i < 45; i++) ops.push({ category: "text", input: { q: pick(vocabulary) } });
  for (let i = 0; i < 15; i++) ops.push({ category: "text", input: { q: `${pick(vocabulary)} ${pick(vocabulary)}` } });
  for (let i = 0; i < 20; i++) ops.push({ category: "frequent words", input: { q: pick(frequent) } });
  for (let i = 0; i < 30; i++) {
    const word = pick(vocabulary.filter((candidate) => candidate.length >= 5));
    ops.push({ category: "typo", input: { q: typo(word, random) } });
  }
  for (let i = 0; i < 30; i++) ops.push({ category: "filters", input: filters() });
  for (let i = 0; i < 15; i++) ops.push({ category: "text + filters", input: { q: pick([...frequent, ...vocabulary]), ...filters() } });
  // Shuffled, so that caches warm evenly across categories.
  for (let i = ops.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [ops[i], ops[j]] = [ops[j]!, ops[i]!];
  }
  return ops;
}

/** Times every search; next pages follow the cursor of the first 45 searches that have one. */
export async function measureSearch(actor: Actor, words: string[], claimants: string[], seed = 20261121): Promise<SearchFigures> {
  const random = createPrng(seed);
  const ops = buildOps(words, claimants, random);
  const times = new Map<Category, number[]>();
  const record = (category: Category, ms: number) => times.set(category, [...(times.get(category) ?? []), ms]);
  const timed = async <T>(work: () => Promise<T>): Promise<[T, number]> => {
    const started = performance.now();
    const result = await work();
    return [result, performance.now() - started];
  };

  // Warm-up (not counted): connections, plans, the first pages of the indexes.
  for (const op of ops.slice(0, 20)) await searchClaims(actor, op.input);

  const started = performance.now();
  const nextPages: SearchClaimsInput[] = [];
  for (const op of ops) {
    const [result, ms] = await timed(() => searchClaims(actor, op.input));
    record(op.category, ms);
    if (result.nextCursor && nextPages.length < 45) nextPages.push({ ...op.input, cursor: result.nextCursor });
  }
  for (const input of nextPages) {
    const [, ms] = await timed(() => searchClaims(actor, input));
    record("next page", ms);
  }
  const readerQueries = ["Maduro", "authorisation", "contacts", "Madurro", "Bolton departure", "venezuela", "express authorization"];
  for (let i = 0; i < 28; i++) {
    const q = readerQueries[i % readerQueries.length]!;
    const [, ms] = await timed(() => searchPublishedFactChecks(i % 4 === 3 ? { rating: "mixed" } : { q }));
    record("readers", ms);
  }
  const seconds = (performance.now() - started) / 1000;

  const claimTimes = [...times.entries()].filter(([category]) => category !== "readers").flatMap(([, list]) => list);
  const byCategory: Record<string, LatencyFigures> = {};
  for (const [category, list] of times) byCategory[category] = figures(list);
  return { all: figures(claimTimes), byCategory, seconds };
}
