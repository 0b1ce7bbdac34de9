import type { ClaimProfile } from "./describe-claim";

/** What a claim is found by: its meanings, its numbers, its dates and its claimant. */
export function indexKeys(profile: ClaimProfile): string[] {
  const keys = new Set(profile.units);
  for (const quantity of profile.quantities) keys.add(`n:${Number(quantity.value.toPrecision(4))}`);
  for (const date of profile.dates) keys.add(`d:${date}`);
  if (profile.claimant.folded) keys.add(`p:${profile.claimant.folded}`);
  for (const unit of profile.claimant.units) keys.add(`p${unit}`);
  return [...keys];
}

/**
 * An inverted index from keys to claims, in memory, for the first cut of candidates before the
 * matcher compares each one: a claim's score is the sum of the rarity (inverse document frequency)
 * of the keys it shares with the query. Keys held by more than MAX_SHARE of the claims are skipped
 * (they would visit most of the index and decide nothing), except a query's rarest few.
 * A replaced claim keeps its slot's postings until the slot is skipped at query time.
 */
export class CandidateIndex {
  private readonly slots: (string | null)[] = [];
  private readonly slotOf = new Map<string, number>();
  private readonly postings = new Map<string, number[]>();
  private static readonly MAX_SHARE = 0.05;
  private static readonly ALWAYS_USED = 4;

  get size(): number {
    return this.slotOf.size;
  }

  /** Adds a claim, or replaces the keys of one already indexed. */
  put(id: string, keys: readonly string[]): void {
    const previous = this.slotOf.get(id);
    if (previous !== undefined) this.slots[previous] = null;
    const slot = this.slots.push(id) - 1;
    this.slotOf.set(id, slot);
    for (const key of keys) {
      const list = this.postings.get(key);
      if (list) list.push(slot);
      else this.postings.set(key, [slot]);
    }
  }

  /** The `limit` claims sharing the rarest keys with the query, best first, without `exclude`. */
  candidates(keys: readonly string[], limit: number, exclude: ReadonlySet<string> = new Set()): string[] {
    const total = Math.max(1, this.size);
    const known = keys
      .map((key) => ({ key, list: this.postings.get(key) }))
      .filter((entry): entry is { key: string; list: number[] } => entry.list !== undefined)
      .sort((a, b) => a.list.length - b.list.length);
    const cap = Math.max(50, total * CandidateIndex.MAX_SHARE);
    const scores = new Map<number, number>();
    for (const [rank, { list }] of known.entries()) {
      if (rank >= CandidateIndex.ALWAYS_USED && list.length > cap) break;
      const weight = Math.log(1 + total / list.length);
      for (const slot of list) scores.set(slot, (scores.get(slot) ?? 0) + weight);
    }
    const ranked: { id: string; score: number }[] = [];
    for (const [slot, score] of scores) {
      const id = this.slots[slot];
      if (id && !exclude.has(id)) ranked.push({ id, score });
    }
    ranked.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1));
    return ranked.slice(0, limit).map((entry) => entry.id);
  }
}
