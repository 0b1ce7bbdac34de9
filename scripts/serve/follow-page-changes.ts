// Tells the reader cache which pages committed writes changed, by reading the rows they wrote in
// public_page_changes (lib/publishing/announce-public-page-changes.ts). Polling works on both the
// embedded PGlite (where LISTEN/NOTIFY does not cross connections) and a server, and from any number
// of app processes.
import pg from "pg";

/** Rows are re-read for this long: a transaction that began earlier but committed later is still seen. */
const WINDOW_MS = 10 * 60_000;
const PRUNE_AFTER = "1 day";
const PRUNE_EVERY_POLLS = 7_200;

export type PageChangeFollower = {
  /** Whether the last poll succeeded. */
  isFollowing(): boolean;
  stop(): Promise<void>;
};

/**
 * Calls `onChange` with the paths of every change committed from now on, and with ["*"] when it cannot
 * know what changed: at the first poll, and after losing the database for longer than the window.
 * A shorter outage drops nothing by itself: no write commits while the database is away, and the
 * rows of writes that did commit meanwhile are read when it comes back. So readers keep getting
 * cached pages while the database is down.
 */
export function followPageChanges(
  databaseUrl: string,
  onChange: (paths: string[]) => void,
  options: { intervalMs: number } = { intervalMs: 500 },
): PageChangeFollower {
  const seen = new Map<string, number>(); // change id -> when it leaves the window (ms)
  let client: pg.Client | undefined;
  let following = false;
  let lastSuccess = 0;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let polls = 0;

  async function connect(): Promise<pg.Client> {
    const fresh = new pg.Client({
      connectionString: databaseUrl,
      application_name: "claimwork-reader-cache",
      connectionTimeoutMillis: 2_000,
      query_timeout: 2_000,
    });
    fresh.on("error", () => {}); // a dropped connection shows as a failed poll below
    await fresh.connect();
    return fresh;
  }

  async function poll(): Promise<void> {
    try {
      client ??= await connect();
      const result = await client.query<{ id: string; paths: string[] }>(
        `SELECT id::text, paths FROM public_page_changes WHERE created_at > now() - make_interval(secs => $1) ORDER BY id`,
        [WINDOW_MS / 1000],
      );
      const now = Date.now();
      const lostTrack = lastSuccess === 0 || now - lastSuccess > WINDOW_MS - 60_000;
      const changed: string[] = [];
      for (const row of result.rows) {
        if (seen.has(row.id)) continue;
        seen.set(row.id, now + WINDOW_MS + 60_000);
        changed.push(...row.paths);
      }
      for (const [id, leaves] of seen) if (leaves < now) seen.delete(id);
      lastSuccess = now;
      following = true;
      if (lostTrack) onChange(["*"]);
      else if (changed.length > 0) onChange(changed);
      if (polls++ % PRUNE_EVERY_POLLS === 0) await client.query(`DELETE FROM public_page_changes WHERE created_at < now() - interval '${PRUNE_AFTER}'`);
    } catch {
      following = false;
      await client?.end().catch(() => {});
      client = undefined;
    }
  }

  const loop = async () => {
    await poll();
    if (!stopped) timer = setTimeout(loop, options.intervalMs);
  };
  void loop();

  return {
    isFollowing: () => following,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await client?.end().catch(() => {});
    },
  };
}
