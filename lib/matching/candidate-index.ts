import type { ClaimProfile } from "./describe-claim";
import { Interner, IntList, PackedProfiles } from "./packed-profiles";

/** What a claim is found by: its meanings, its numbers, its dates and its claimant. */
export function indexKeys(profile: ClaimProfile): string[] {
  const keys = new Set(profile.units);
  for (const quantity of profile.quantities) keys.add(`n:${Number(quantity.value.toPrecision(4))}`);
  for (const date of profile.dates) keys.add(`d:${date}`);
  if (profile.claimant.folded) keys.add(`p:${profile.claimant.folded}`);
  for (const unit of profile.claimant.units) keys.add(`p${unit}`);
  return [...keys];
}

export type Candidate = { id: string; profile: ClaimProfile; rarity: number };

/**
 * Claims (or external fact-checks) in memory, for the first cut of candidates before the matcher
 * compares each one: an inverted index from keys (indexKeys) to slots, and every entry's profile,
 * packed (packed-profiles.ts), so that the comparison reads no text again. A query scores entries by
 * the rarity (inverse document frequency) of the keys they share with it; keys held by more than
 * MAX_SHARE of the entries are skipped (they would visit most of the index and decide nothing), except
 * a query's rarest few. Only the best `limit` are kept (a bounded heap), then decoded.
 * Replacing an entry appends it again and leaves its old slot dead until the next compaction.
 */
export class CandidateIndex {
  private profiles = new PackedProfiles();
  private keys = new Interner();
  private postings: IntList[] = [];
  private ids: (string | null)[] = [];
  private versions: number[] = [];
  private readonly slotOf = new Map<string, number>();
  private scores = new Float64Array(1024);
  private readonly touched = new IntList();
  private dead = 0;
  static readonly MAX_SHARE = 0.05;
  static readonly ALWAYS_USED = 4;

  get size(): number {
    return this.slotOf.size;
  }

  /** The version (e.g. updated_at in ms) the entry was indexed at, undefined if it is not indexed. */
  versionOf(id: string): number | undefined {
    const slot = this.slotOf.get(id);
    return slot === undefined ? undefined : this.versions[slot];
  }

  profileOf(id: string): ClaimProfile | undefined {
    const slot = this.slotOf.get(id);
    return slot === undefined ? undefined : this.profiles.get(slot);
  }

  /** Adds an entry, or replaces one already indexed. */
  put(id: string, profile: ClaimProfile, version = 0): void {
    const previous = this.slotOf.get(id);
    if (previous !== undefined) {
      this.ids[previous] = null;
      this.dead++;
    }
    const slot = this.profiles.add(profile);
    this.ids.push(id);
    this.versions.push(version);
    this.slotOf.set(id, slot);
    for (const key of indexKeys(profile)) {
      const keyId = this.keys.id(key);
      (this.postings[keyId] ??= new IntList(2)).push(slot);
    }
    if (this.dead > 1000 && this.dead > this.slotOf.size / 2) this.compact();
  }

  /** Up to `count` ids spread evenly over the index (for a warm-up). */
  sampleIds(count: number): string[] {
    const step = Math.max(1, Math.floor(this.ids.length / count));
    const ids: string[] = [];
    for (let slot = 0; slot < this.ids.length && ids.length < count; slot += step) {
      const id = this.ids[slot];
      if (id) ids.push(id);
    }
    return ids;
  }

  /** The `limit` entries sharing the rarest keys with `profile`, best first, without `exclude`. */
  candidates(profile: ClaimProfile, limit: number, exclude: ReadonlySet<string> = new Set()): Candidate[] {
    const total = Math.max(1, this.size);
    const lists = indexKeys(profile)
      .map((key) => this.keys.find(key))
      .filter((keyId): keyId is number => keyId !== undefined)
      .map((keyId) => this.postings[keyId]!)
      .sort((a, b) => a.length - b.length);
    const cap = Math.max(50, total * CandidateIndex.MAX_SHARE);
    if (this.scores.length < this.ids.length) this.scores = new Float64Array(Math.ceil(this.ids.length * 1.5));
    const scores = this.scores;
    const touched = this.touched;
    touched.length = 0;
    for (const [rank, list] of lists.entries()) {
      if (rank >= CandidateIndex.ALWAYS_USED && list.length > cap) break;
      const weight = Math.log(1 + total / list.length);
      const slots = list.data;
      for (let i = 0; i < list.length; i++) {
        const slot = slots[i]!;
        if (scores[slot] === 0) touched.push(slot);
        scores[slot]! += weight;
      }
    }
    const best = new TopSlots(limit);
    for (let i = 0; i < touched.length; i++) {
      const slot = touched.data[i]!;
      const id = this.ids[slot];
      if (id && !exclude.has(id)) best.offer(slot, scores[slot]!);
    }
    const ranked = best.sorted().map(({ slot, score }) => ({ id: this.ids[slot]!, profile: this.profiles.get(slot), rarity: score }));
    for (let i = 0; i < touched.length; i++) scores[touched.data[i]!] = 0;
    return ranked;
  }

  /** Bytes held in typed buffers and arrays (profiles, postings, slots), an estimate without the id strings. */
  get bytes(): number {
    let postings = 0;
    for (const list of this.postings) postings += list.bytes + 64;
    return this.profiles.bytes + postings + this.ids.length * 16 + this.scores.byteLength + this.touched.bytes;
  }

  /** Drops dead slots: every live entry indexed again, in the same order. */
  private compact(): void {
    const live = this.ids.flatMap((id, slot) => (id === null ? [] : [{ id, profile: this.profiles.get(slot), version: this.versions[slot]! }]));
    this.profiles = new PackedProfiles();
    this.keys = new Interner();
    this.postings = [];
    this.ids = [];
    this.versions = [];
    this.slotOf.clear();
    this.dead = 0;
    for (const entry of live) this.put(entry.id, entry.profile, entry.version);
  }
}

/** The `limit` best (score, then older slot) of what is offered, in a min-heap. */
class TopSlots {
  private readonly slots: number[] = [];
  private readonly scores: number[] = [];

  constructor(private readonly limit: number) {}

  /** Whether a is worse than b. */
  private worse(a: number, b: number): boolean {
    return this.scores[a]! < this.scores[b]! || (this.scores[a] === this.scores[b] && this.slots[a]! > this.slots[b]!);
  }

  offer(slot: number, score: number): void {
    if (this.limit <= 0) return;
    if (this.slots.length < this.limit) {
      this.slots.push(slot);
      this.scores.push(score);
      this.up(this.slots.length - 1);
      return;
    }
    if (score < this.scores[0]! || (score === this.scores[0] && slot > this.slots[0]!)) return;
    this.slots[0] = slot;
    this.scores[0] = score;
    this.down(0);
  }

  sorted(): { slot: number; score: number }[] {
    return this.slots.map((slot, at) => ({ slot, score: this.scores[at]! })).sort((a, b) => b.score - a.score || a.slot - b.slot);
  }

  private swap(a: number, b: number): void {
    [this.slots[a], this.slots[b]] = [this.slots[b]!, this.slots[a]!];
    [this.scores[a], this.scores[b]] = [this.scores[b]!, this.scores[a]!];
  }

  private up(at: number): void {
    while (at > 0) {
      const parent = (at - 1) >> 1;
      if (!this.worse(at, parent)) return;
      this.swap(at, parent);
      at = parent;
    }
  }

  private down(at: number): void {
    for (;;) {
      const left = at * 2 + 1;
      const right = left + 1;
      let worst = at;
      if (left < this.slots.length && this.worse(left, worst)) worst = left;
      if (right < this.slots.length && this.worse(right, worst)) worst = right;
      if (worst === at) return;
      this.swap(at, worst);
      at = worst;
    }
  }
}
