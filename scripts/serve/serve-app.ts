// Next on an internal loopback port, and the front server (reader cache) on the public one.
import { spawn } from "node:child_process";
import { once } from "node:events";
import { ROOT, NEXT_BIN } from "../lib/next-build";
import { freePort } from "../lib/free-port";
import { createFrontServer } from "./front-server";
import { followPageChanges } from "./follow-page-changes";
import { purgeHookFromEnv } from "./purge-hook";
import { ReaderCache } from "./reader-cache";

export type ServingApp = {
  url: string;
  /** The Next process behind the front server (for memory figures and fault tests). */
  nextPid: number;
  /** Resolves with Next's exit code when it exits by itself. */
  exited: Promise<number>;
  /** Stops taking requests, lets Next finish the ones in flight (SIGTERM), then stops following changes. */
  stop(): Promise<void>;
};

export type ServeOptions = {
  host: string;
  port: number;
  /** The environment of Next: DATABASE_URL, AUTH_SECRET, NEXTAUTH_URL, SITE_URL… */
  env: NodeJS.ProcessEnv;
  /** `next dev` instead of `next start`, and no reader cache (pages change as you edit). */
  dev?: boolean;
  /** Next's output goes to this process's, unless "pipe" is asked for (benchmarks keep it apart). */
  stdio?: "inherit" | "pipe";
};

const CACHE_BYTES = 64 * 1024 * 1024;
/**
 * V8 lets a busy server's heap grow to about four times what it holds before collecting: Next went
 * from 95 to 445 MiB resident over 3,000 never-seen searches and kept it. Sized for memory, it
 * collects sooner and stayed near 215 MiB (docs/decisions/0008-next-heap.md). The young generation's
 * semi-spaces are kept at 4 MiB: bench:load peaked at 374 MiB with them against 389 and 418 MiB
 * without, at the same requests per second. NODE_OPTIONS may not carry these flags, hence node is
 * started with them.
 */
const NEXT_V8_FLAGS = ["--optimize-for-size", "--max-semi-space-size=4"];
/** Announced changes drop pages at once; this only bounds a change that was never announced. */
const CACHE_TTL_MS = 5 * 60_000;

/** The Host header values of the site's own addresses: only their reader pages are cached. */
function siteHosts(env: NodeJS.ProcessEnv, port: number): string[] {
  const configured = [env.SITE_URL, env.NEXTAUTH_URL].flatMap((address) => {
    const url = address ? URL.parse(address) : null;
    return url ? [url.host] : [];
  });
  return [...new Set([...configured, `localhost:${port}`, `127.0.0.1:${port}`])];
}

export async function serveApp(options: ServeOptions): Promise<ServingApp> {
  const databaseUrl = options.env.DATABASE_URL;
  if (!databaseUrl) throw new Error("DATABASE_URL is not set");
  // The proxies in front of this server (lib/env.ts reads the same list for Next).
  const trustedProxies = (options.env.TRUSTED_PROXIES ?? "").split(",").map((part) => part.trim()).filter(Boolean);
  // Checked before Next starts: a wrong PURGE_HOOK_URL stops start-up with what is wrong with it.
  const purgeHook = options.dev ? undefined : purgeHookFromEnv(options.env);
  const nextPort = await freePort();
  const next = spawn(process.execPath, [...NEXT_V8_FLAGS, NEXT_BIN, options.dev ? "dev" : "start", "-H", "127.0.0.1", "-p", String(nextPort)], {
    cwd: ROOT,
    env: {
      ...options.env,
      // Next hears every request from the front server on loopback, which writes the client's address,
      // appended to the list of a trusted proxy in front of it: Next walks back through the same proxies.
      TRUSTED_PROXIES: ["loopback", ...trustedProxies].join(","),
      NODE_ENV: options.dev ? "development" : "production",
      NEXT_TELEMETRY_DISABLED: "1",
    },
    stdio: options.stdio === "pipe" ? ["ignore", "pipe", "pipe"] : "inherit",
  });
  const exited = once(next, "exit").then(([code]) => (typeof code === "number" ? code : 1));

  const cache = new ReaderCache({ maxBytes: CACHE_BYTES, ttlMs: CACHE_TTL_MS });
  let followed = false;
  const follower = followPageChanges(databaseUrl, (paths) => {
    cache.invalidate(paths);
    // The first call is always ["*"] (this process knows nothing yet): its own cache is empty, and
    // a CDN was told of earlier changes by the process that saw them, so it is not purged for it.
    if (followed) purgeHook?.announce(paths);
    followed = true;
  });
  const front = createFrontServer({
    upstream: { host: "127.0.0.1", port: nextPort },
    cache,
    cacheEnabled: !options.dev,
    cachedHosts: siteHosts(options.env, options.port),
    trustedProxies,
    databaseReachable: () => follower.isFollowing(),
  });
  front.listen(options.port, options.host);
  await once(front, "listening");

  return {
    url: `http://${options.host}:${options.port}`,
    nextPid: next.pid ?? -1,
    exited,
    async stop() {
      front.close();
      // A load balancer's kept-alive connection would bring requests here after Next is gone: every
      // answer from now on closes its connection, so the balancer sends the next one elsewhere.
      front.prependListener("request", (_request: unknown, response: { shouldKeepAlive: boolean }) => {
        response.shouldKeepAlive = false;
      });
      front.closeIdleConnections();
      if (next.exitCode === null && next.signalCode === null) {
        next.kill("SIGTERM");
        // Next finishes the requests in flight first: longer than a statement may take (lib/db.ts),
        // but not forever, since it also waits for idle keep-alive connections.
        const kill = setTimeout(() => next.kill("SIGKILL"), 20_000);
        await exited;
        clearTimeout(kill);
      }
      await follower.stop();
      purgeHook?.stop();
    },
  };
}
