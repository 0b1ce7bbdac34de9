import type { ClaimProfile, MatchQuantity } from "./describe-claim";

const TENSES = [null, "past", "future"] as const;

/** Each distinct string once, by number: meanings, dates, claimants and figures repeat from claim to claim. */
export class Interner {
  private readonly ids = new Map<string, number>();
  readonly values: string[] = [];

  id(value: string): number {
    let id = this.ids.get(value);
    if (id === undefined) {
      id = this.values.push(value) - 1;
      this.ids.set(value, id);
    }
    return id;
  }

  find(value: string): number | undefined {
    return this.ids.get(value);
  }
}

/** A growable array of 32-bit integers in one typed buffer: no object per entry. */
export class IntList {
  data: Int32Array;
  length = 0;

  constructor(capacity = 1024) {
    this.data = new Int32Array(capacity);
  }

  push(value: number): void {
    if (this.length === this.data.length) this.grow(this.length + 1);
    this.data[this.length++] = value;
  }

  grow(needed: number): void {
    if (needed <= this.data.length) return;
    const next = new Int32Array(Math.max(needed, Math.ceil(this.data.length * 1.5)));
    next.set(this.data.subarray(0, this.length));
    this.data = next;
  }

  get bytes(): number {
    return this.data.byteLength;
  }
}

class FloatList {
  data = new Float64Array(1024);
  length = 0;

  push(value: number): number {
    if (this.length === this.data.length) {
      const next = new Float64Array(Math.ceil(this.data.length * 1.5));
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length] = value;
    return this.length++;
  }
}

/**
 * Every claim's profile, read once when it is indexed, kept packed in a few typed buffers (about
 * 100 bytes a claim instead of a graph of small objects): the matcher compares candidates from here
 * without reading their text again. Record layout, in 32-bit words from the slot's offset:
 * language, units (count, string ids), dates (count, ids), claimant (folded id, units count, ids),
 * polarity (negated, cues count, ids), opposites (count, ids), tense (0 none, 1 past, 2 future), quantities (count, then each: value index, unit id or -1,
 * text id, things count, ids).
 */
export class PackedProfiles {
  private readonly strings = new Interner();
  private readonly words = new IntList(1 << 16);
  private readonly values = new FloatList();
  private readonly offsets = new IntList();

  get count(): number {
    return this.offsets.length;
  }

  /** Appends a profile; returns its slot. */
  add(profile: ClaimProfile): number {
    const words = this.words;
    const ids = (list: readonly string[]) => {
      words.push(list.length);
      for (const value of list) words.push(this.strings.id(value));
    };
    this.offsets.push(words.length);
    words.push(profile.language === "fr" ? 1 : 0);
    ids(profile.units);
    ids(profile.dates);
    words.push(this.strings.id(profile.claimant.folded));
    ids(profile.claimant.units);
    words.push(profile.polarity.negated ? 1 : 0);
    ids(profile.polarity.cues);
    ids(profile.opposites);
    words.push(profile.tense === "past" ? 1 : profile.tense === "future" ? 2 : 0);
    words.push(profile.quantities.length);
    for (const quantity of profile.quantities) {
      words.push(this.values.push(quantity.value));
      words.push(quantity.unit === null ? -1 : this.strings.id(quantity.unit));
      words.push(this.strings.id(quantity.text));
      ids(quantity.things);
    }
    return this.offsets.length - 1;
  }

  /** The profile in a slot, as describeClaim gave it (entities are the units that name one). */
  get(slot: number): ClaimProfile {
    const data = this.words.data;
    const strings = this.strings.values;
    let at = this.offsets.data[slot]!;
    const ids = () => {
      const list = new Array<string>(data[at++]!);
      for (let i = 0; i < list.length; i++) list[i] = strings[data[at++]!]!;
      return list;
    };
    const language = data[at++] === 1 ? "fr" : "en";
    const units = ids();
    const dates = ids();
    const folded = strings[data[at++]!]!;
    const claimantUnits = ids();
    const negated = data[at++] === 1;
    const cues = ids();
    const opposites = ids();
    const tense = TENSES[data[at++]!]!;
    const quantities = new Array<MatchQuantity>(data[at++]!);
    for (let i = 0; i < quantities.length; i++) {
      const value = this.values.data[data[at++]!]!;
      const unitId = data[at++]!;
      const text = strings[data[at++]!]!;
      quantities[i] = { value, unit: unitId < 0 ? null : strings[unitId]!, text, things: ids() };
    }
    return {
      language,
      quantities,
      dates,
      entities: units.filter((unit) => unit.startsWith("e:")),
      units,
      claimant: { folded, units: claimantUnits },
      polarity: { negated, cues },
      opposites,
      tense,
    };
  }

  /** The typed buffers' size, without the strings (shared, counted once by the process). */
  get bytes(): number {
    return this.words.bytes + this.values.data.byteLength + this.offsets.bytes;
  }
}
