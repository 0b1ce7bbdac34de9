// Tells a CDN (or any shared cache in front of Claimwork) which reader pages changed: every change the
// follower sees (follow-page-changes.ts) is POSTed to PURGE_HOOK_URL as JSON
// { "paths": ["/fact-checks/…", "/", …], "site": SITE_URL }; ["*"] means "drop everything". Every app
// process follows every change, so each calls the hook: purges are idempotent.
//
// Bounded on every side: one call at a time, each with a timeout; paths that come meanwhile wait in
// one set, which becomes ["*"] past `maxPaths`; a failed call is retried a few times, then given up
// (the shared cache's own time limit, s-maxage, still bounds how long it serves the old page).
import { z } from "zod";

export type PurgeHookOptions = {
  url: string;
  /** Sent as "Authorization: Bearer …" when set (PURGE_HOOK_TOKEN). */
  token?: string;
  /** SITE_URL, sent along so that the receiver can make full addresses of the paths. */
  site?: string;
  timeoutMs?: number;
  /** Waits before each retry of a failed call; its length is how many retries there are. */
  retryDelaysMs?: number[];
  /** More paths than this waiting at once are sent as ["*"]. */
  maxPaths?: number;
  /** Where failures are told (console.error by default). */
  log?: (message: string) => void;
};

export type PurgeHook = {
  /** Queues these paths for the next call (at once when none is in flight). */
  announce(paths: readonly string[]): void;
  /** Resolves once nothing is queued or in flight (for tests and for stopping). */
  idle(): Promise<void>;
  /** Aborts a call in flight, drops the queue. */
  stop(): void;
};

const purgeHookEnv = z.object({
  PURGE_HOOK_URL: z.url({ protocol: /^https?$/, error: "PURGE_HOOK_URL must be an http:// or https:// URL" }).optional(),
  PURGE_HOOK_TOKEN: z.string().min(1).optional(),
});

/** The hook PURGE_HOOK_URL asks for, or undefined when it is not set; throws when it is not a URL. */
export function purgeHookFromEnv(env: Record<string, string | undefined>): PurgeHook | undefined {
  const parsed = purgeHookEnv.safeParse({ PURGE_HOOK_URL: env.PURGE_HOOK_URL || undefined, PURGE_HOOK_TOKEN: env.PURGE_HOOK_TOKEN || undefined });
  if (!parsed.success) throw new Error(parsed.error.issues.map((issue) => issue.message).join("; "));
  const { PURGE_HOOK_URL: url, PURGE_HOOK_TOKEN: token } = parsed.data;
  return url ? createPurgeHook({ url, token, site: env.SITE_URL }) : undefined;
}

/** The paths, or ["*"] when they include it or are too many to name. */
function collapsed(paths: Set<string>, maxPaths: number): Set<string> {
  return paths.size > maxPaths || paths.has("*") ? new Set(["*"]) : paths;
}

export function createPurgeHook(options: PurgeHookOptions): PurgeHook {
  const timeoutMs = options.timeoutMs ?? 5_000;
  const retryDelaysMs = options.retryDelaysMs ?? [1_000, 5_000, 30_000];
  const maxPaths = options.maxPaths ?? 500;
  const log = options.log ?? ((message: string) => console.error(message));
  let queued = new Set<string>();
  let running: Promise<void> | undefined;
  let stopped = false;
  const abort = new AbortController();

  async function call(paths: string[]): Promise<void> {
    const response = await fetch(options.url, {
      method: "POST",
      headers: { "content-type": "application/json", ...(options.token ? { authorization: `Bearer ${options.token}` } : {}) },
      body: JSON.stringify({ paths, ...(options.site ? { site: options.site } : {}) }),
      signal: AbortSignal.any([abort.signal, AbortSignal.timeout(timeoutMs)]),
    });
    await response.arrayBuffer().catch(() => undefined);
    if (!response.ok) throw new Error(`it answered ${response.status}`);
  }

  /** Sends what is queued, one call at a time, until nothing is left. */
  async function drain(): Promise<void> {
    while (queued.size > 0 && !stopped) {
      let paths = queued;
      queued = new Set();
      for (let attempt = 0; ; attempt++) {
        try {
          await call([...paths]);
          break;
        } catch (error) {
          const reason = error instanceof Error && error.name === "TimeoutError" ? `no answer within ${timeoutMs} ms` : error instanceof Error ? error.message : String(error);
          if (stopped) return;
          if (attempt >= retryDelaysMs.length) {
            log(`purge hook: gave up telling ${options.url} that ${paths.size} path(s) changed: ${reason}`);
            break;
          }
          await new Promise((resolve) => setTimeout(resolve, retryDelaysMs[attempt]));
          // Paths announced meanwhile go with the retry: one call instead of two.
          paths = collapsed(new Set([...paths, ...queued]), maxPaths);
          queued = new Set();
        }
      }
    }
  }

  return {
    announce(paths) {
      if (stopped || paths.length === 0) return;
      queued = collapsed(new Set([...queued, ...paths]), maxPaths);
      running ??= drain().finally(() => {
        running = undefined;
      });
    },
    async idle() {
      while (running) await running;
    },
    stop() {
      stopped = true;
      queued.clear();
      abort.abort();
    },
  };
}
