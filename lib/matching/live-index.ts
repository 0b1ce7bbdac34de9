import { CandidateIndex } from "./candidate-index";
import { compareClaims } from "./compare-claims";
import { describeClaim, type ClaimText } from "./describe-claim";

/** A row's id and the time it was last written (its version). */
export type RowVersion = { id: string; writtenAt: Date };
export type IndexSource = {
  /** Rows written at or after `after.at` (and, at that very time, with a greater id), oldest first, at most `limit`. */
  versionsSince(after: { at: Date; id: string }, limit: number): Promise<RowVersion[]>;
  /** The texts of these rows (a row deleted meanwhile is left out). */
  texts(ids: string[]): Promise<(ClaimText & { id: string })[]>;
};

/**
 * Rows committed late can carry a write time older than the last look (it is set when the row is
 * written, not at commit): every look re-reads this far back and skips what it already has.
 */
const LOOK_BACK_MS = 5 * 60_000;
/** Rows read and described per round trip; between pages the process answers other requests. */
const PAGE = 2000;
const FIRST_ID = "00000000-0000-0000-0000-000000000000";
/** Queries run at the warm-up, and candidates compared for each: enough for the JIT to compile the hot paths. */
const WARM_UP_QUERIES = 200;
const WARM_UP_CANDIDATES = 60;

/**
 * A candidate index kept in this process's memory and brought up to date on each `load()` with the
 * rows written since the last one (an incremental update: a created or edited row is described and
 * indexed alone; nothing is rebuilt). The first load reads every row, page by page; `warmUp()` starts
 * it when the server starts, so the first query does not pay for it. Calls made while a load runs
 * share it.
 */
export class LiveIndex {
  private readonly index = new CandidateIndex();
  private seenUntil: Date | null = null;
  private loading: Promise<CandidateIndex> | null = null;

  constructor(private readonly source: IndexSource) {}

  load(): Promise<CandidateIndex> {
    this.loading ??= this.refresh().finally(() => {
      this.loading = null;
    });
    return this.loading;
  }

  /** Starts the first load without waiting for it; a failure is reported, and the next load tries again. */
  warmUp(onError: (error: unknown) => void): void {
    this.warm().catch(onError);
  }

  /**
   * The first load, then a few queries run through the candidate index and the matcher, so that the
   * first editors' suggestions do not pay for compiling them (the slowest queries of a fresh process).
   */
  async warm(): Promise<CandidateIndex> {
    const index = await this.load();
    for (const id of index.sampleIds(WARM_UP_QUERIES)) {
      const profile = index.profileOf(id);
      if (!profile) continue;
      for (const candidate of index.candidates(profile, WARM_UP_CANDIDATES, new Set([id]))) compareClaims(profile, candidate.profile);
    }
    return index;
  }

  private async refresh(): Promise<CandidateIndex> {
    let after = { at: this.seenUntil ? new Date(this.seenUntil.getTime() - LOOK_BACK_MS) : new Date(0), id: FIRST_ID };
    for (;;) {
      // Versions first, a light read; the texts only of the rows not indexed at that version.
      const rows = await this.source.versionsSince(after, PAGE);
      const versions = new Map(rows.filter((row) => this.index.versionOf(row.id) !== row.writtenAt.getTime()).map((row) => [row.id, row.writtenAt.getTime()]));
      if (versions.size > 0) {
        for (const row of await this.source.texts([...versions.keys()])) this.index.put(row.id, describeClaim(row), versions.get(row.id));
      }
      const last = rows.at(-1);
      if (last && (!this.seenUntil || last.writtenAt > this.seenUntil)) this.seenUntil = last.writtenAt;
      if (!last || rows.length < PAGE) return this.index;
      after = { at: last.writtenAt, id: last.id };
    }
  }
}

// One index per name and process, kept on globalThis so that Next's dev reloads and the
// instrumentation hook (the warm-up) share it with the requests.
const globalForIndexes = globalThis as unknown as { claimworkLiveIndexes?: Map<string, LiveIndex> };

export function processIndex(name: string, source: () => IndexSource): LiveIndex {
  const indexes = (globalForIndexes.claimworkLiveIndexes ??= new Map());
  let index = indexes.get(name);
  if (!index) {
    index = new LiveIndex(source());
    indexes.set(name, index);
  }
  return index;
}
