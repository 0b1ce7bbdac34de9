// Tells the reader cache which pages committed writes changed, by reading the rows they wrote in
// public_page_changes (lib/publishing/announce-public-page-changes.ts). Polling works on both the
// embedded PGlite and a server, and from any number of app processes.
import pg from "pg";

/** Rows are re-read for this long: a transaction that began earlier but committed later is still seen. */
const WINDOW = "10 minutes";
const PRUNE_AFTER = "1 day";

export type PageChangeFollower = {
  /** Whether the last poll succeeded: the cache must not serve or store pages while it cannot follow. */
  isFollowing(): boolean;
  stop(): Promise<void>;
};

export function followPageChanges(
  databaseUrl: string,
  onChange: (paths: string[]) => void,
  options: { intervalMs: number } = { intervalMs: 500 },
): PageChangeFollower {
  const seen = new Map<string, number>(); // change id -> when it left the window (ms)
  let client: pg.Client | undefined;
  let following = false;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let polls = 0;

  async function connect(): Promise<pg.Client> {
    const fresh = new pg.Client({ connectionString: databaseUrl, application_name: "claimwork-reader-cache", connectionTimeoutMillis: 2_000, query_timeout: 2_000 });
    fresh.on("error", () => {}); // a dropped connection shows as a failed poll below
    await fresh.connect();
    return fresh;
  }

  async function poll(): Promise<void> {
    try {
      client ??= await connect();
      const result = await client.query<{ id: string; paths: string[] }>(
        `SELECT id::text, paths FROM public_page_changes WHERE created_at > now() - interval '${WINDOW}' ORDER BY id`,
      );
      const changed: string[] = [];
      const now = Date.now();
      for (const row of result.rows) {
        if (seen.has(row.id)) continue;
        seen.set(row.id, now + 11 * 60_000);
        if (following) changed.push(...row.paths);
      }
      for (const [id, expires] of seen) if (expires < now) seen.delete(id);
      if (!following) {
        // On the first poll the cache is empty; after an interruption, its pages may predate
        // changes made during it.
        onChange(["*"]);
        following = true;
      } else if (changed.length > 0) {
        onChange(changed);
      }
      if (polls++ % 7200 === 0) await client.query(`DELETE FROM public_page_changes WHERE created_at < now() - interval '${PRUNE_AFTER}'`);
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
