import { getDb } from "@/lib/db";
import { readSettledChanges } from "@/lib/live/read-settled-changes";
import type { LiveEvent } from "@/lib/live/live-topics";

const POLL_MS = 250;
const PRESENCE_BEAT_MS = 10_000;
const PRUNE_EVERY_MS = 10 * 60_000;

export type FeedListener = (events: LiveEvent[]) => void;

/**
 * One poller per app process, whatever the number of open pages: it reads the settled changes every
 * 250 ms while anyone listens, and hands them to every listener. Polling, not LISTEN/NOTIFY, because
 * NOTIFY does not cross PGlite's connections (ADR 0002) and several processes may share a database.
 * The same loop keeps this process's presence rows fresh and prunes old rows.
 */
class ChangeFeed {
  private listeners = new Set<FeedListener>();
  private presence = new Set<string>();
  private position: string | null = null;
  private starting: Promise<void> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private lastBeat = 0;
  private lastPrune = 0;

  /** Starts listening; resolves with the position the listener's events come after. */
  async subscribe(listener: FeedListener): Promise<{ position: string; unsubscribe: () => void }> {
    this.starting ??= this.start();
    await this.starting;
    this.listeners.add(listener);
    return {
      position: this.position!,
      unsubscribe: () => {
        this.listeners.delete(listener);
      },
    };
  }

  /** Presence rows of connections this process holds, refreshed so that other processes see them alive. */
  holdPresence(connectionId: string): () => void {
    this.presence.add(connectionId);
    return () => this.presence.delete(connectionId);
  }

  private async start(): Promise<void> {
    try {
      this.position = (await readSettledChanges(getDb(), null)).position;
    } catch (error) {
      this.starting = null;
      throw error;
    }
    this.schedule();
  }

  private schedule(): void {
    this.timer = setTimeout(() => void this.poll(), POLL_MS);
    this.timer.unref();
  }

  private async poll(): Promise<void> {
    try {
      if (this.listeners.size > 0) {
        const { events, position } = await readSettledChanges(getDb(), this.position);
        this.position = position;
        if (events.length > 0) for (const listener of this.listeners) listener(events);
      }
      await this.upkeep();
    } catch (error) {
      // The rows stay in the table: the next poll after the database comes back hands them out.
      console.error(`[live] poll failed: ${error instanceof Error ? error.message.split("\n").at(-1) : error}`);
    } finally {
      this.schedule();
    }
  }

  private async upkeep(): Promise<void> {
    const now = Date.now();
    if (this.presence.size > 0 && now - this.lastBeat >= PRESENCE_BEAT_MS) {
      this.lastBeat = now;
      await getDb().livePresence.updateMany({ where: { connectionId: { in: [...this.presence] } }, data: { lastSeenAt: new Date() } });
    }
    if (now - this.lastPrune >= PRUNE_EVERY_MS) {
      this.lastPrune = now;
      await getDb().$executeRaw`DELETE FROM workbench_changes WHERE created_at < now() - interval '1 day'`;
      await getDb().$executeRaw`DELETE FROM live_presence WHERE last_seen_at < now() - interval '10 minutes'`;
    }
  }
}

const globalForFeed = globalThis as unknown as { claimworkChangeFeed?: ChangeFeed };

export function getChangeFeed(): ChangeFeed {
  globalForFeed.claimworkChangeFeed ??= new ChangeFeed();
  return globalForFeed.claimworkChangeFeed;
}

/** How long a presence row counts after its last refresh (three missed beats). */
export const PRESENCE_FRESH_MS = 3 * PRESENCE_BEAT_MS;
