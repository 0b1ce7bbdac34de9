// The server readers and editors talk to: it forwards every request to Next, and answers anonymous
// GETs of the readers' pages from the reader cache. It is also where the forwarding headers are set,
// from the connection itself: a client's X-Forwarded-For is kept only from a trusted proxy, and
// X-Forwarded-Proto and -Port are not passed on.
//
// A slow or vanished client must not hold what other requests need. So a request's headers and body
// have time limits; its body is read whole before Next is asked (a slow upload holds no connection
// to Next); the request to Next is aborted when the client leaves or stops reading; and Next's
// connections are pools (undici), one for readers' pages the cache misses, one for the rest, and a
// narrow one for requests naming a host that is not the site's (the cache never answers those, so a
// flood of forged Host headers would otherwise have Next render for it at the site's expense), each
// with a bounded queue past which requests get a 503 at once.
import http from "node:http";
import { pipeline } from "node:stream/promises";
import Negotiator from "negotiator";
import proxyAddr from "proxy-addr";
import { Pool, type Dispatcher } from "undici";
import type { ReaderCache, ServedPage } from "./reader-cache";
import { readerPageOf } from "./reader-pages";
import { NOT_FOR_READER_CACHE_HTML } from "../../lib/publishing/reader-cache-hint";

const NOT_FOR_READER_CACHE = Buffer.from(NOT_FOR_READER_CACHE_HTML);

const CACHEABLE_TYPES = /^(text\/html|application\/atom\+xml|application\/xml|text\/xml|text\/plain|image\/png)\b/;
const MAX_CACHEABLE_URL = 512;
/** Methods passed to Next; others (TRACE, CONNECT, WebDAV's) are answered 405 here. */
/**
 * Live-update streams (lib/live) stay open as long as their page: they get a lane of their own, so
 * that they never take the connections the rest of the workbench needs. Like every non-reader path
 * they are piped through as Next writes them, never cached; their heartbeat (every 10 s) keeps them
 * within the idle and upstream timeouts.
 */
const LIVE_EVENTS_PATH = "/api/live/events";
const FORWARDED_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];

/**
 * Request headers that only this server may set for Next, hop-by-hop headers of either side, and the
 * framing of a body that is sent on whole. X-Forwarded-Host goes through as the client sent it: the
 * app refuses a write that names another host there (lib/actions/comes-from-this-site.ts), and Next
 * builds no address from it that we use.
 */
const DROPPED_REQUEST_HEADERS = [
  "x-forwarded-for",
  "x-forwarded-proto",
  "x-forwarded-port",
  "forwarded",
  "x-real-ip",
  "x-middleware-subrequest",
  "connection",
  "keep-alive",
  "proxy-connection",
  "upgrade",
  "transfer-encoding",
  "te",
  "trailer",
  "expect",
  "content-length",
];
const DROPPED_RESPONSE_HEADERS = new Set(["connection", "keep-alive", "transfer-encoding", "content-length", "date"]);

/** How many requests may use Next's connections at once (`connections`), and wait for one (`queue`). */
export type Lane = { connections: number; queue: number };

export type FrontServerLimits = {
  /** Until a request's headers have all come (Node answers 408). */
  headersTimeoutMs: number;
  /** Until a whole request, body included, has come (Node answers 408). */
  requestTimeoutMs: number;
  /** A client silent this long while sending its body, or while not reading the answer, is dropped. */
  idleTimeoutMs: number;
  /** For Next's answer: until its headers, and between parts of its body. */
  upstreamTimeoutMs: number;
  /** Larger request bodies get a 413; the largest the app takes is an article upload (2 MiB). */
  maxBodyBytes: number;
  /** Request bodies held at once, all together; past it, a 503. */
  maxBufferedBytes: number;
  /** Readers' pages the cache misses: never waiting behind the workbench's requests. */
  readers: Lane;
  /** Everything else for the site's own host names. */
  others: Lane;
  /** Requests for any other host name: not ours to serve quickly, and never allowed to crowd out the site's. */
  strangers: Lane;
  /** Open live-update streams (/api/live/events): each holds a connection to Next for as long as its page is open. */
  live: Lane;
};

const DEFAULT_LIMITS: FrontServerLimits = {
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 120_000,
  idleTimeoutMs: 15_000,
  upstreamTimeoutMs: 60_000,
  maxBodyBytes: 8 * 1024 * 1024,
  maxBufferedBytes: 128 * 1024 * 1024,
  readers: { connections: 16, queue: 256 },
  others: { connections: 48, queue: 256 },
  strangers: { connections: 4, queue: 32 },
  live: { connections: 2_048, queue: 0 },
};

export type FrontServerOptions = {
  upstream: { host: string; port: number };
  cache: ReaderCache;
  /** False in development, where pages change as the code does. */
  cacheEnabled: boolean;
  /** The site's own Host header values ("host:port"): their reader pages are cached; any other host gets the strangers' lane. */
  cachedHosts: readonly string[];
  /** TRUSTED_PROXIES (proxy-addr syntax): peers whose X-Forwarded-For is kept, with their address appended. */
  trustedProxies: readonly string[];
  /** False while the database does not answer (the reader cache's follower cannot reach it). */
  databaseReachable: () => boolean;
  limits?: Partial<FrontServerLimits>;
};

type PooledLane = { pool: Pool; enter(): (() => void) | undefined };

function pooledLane(origin: string, lane: Lane, timeoutMs: number): PooledLane {
  const pool = new Pool(origin, { connections: lane.connections, headersTimeout: timeoutMs, bodyTimeout: timeoutMs });
  let using = 0;
  return {
    pool,
    /** A place among the requests using or waiting for the pool, and the function that gives it back; undefined when full. */
    enter() {
      if (using >= lane.connections + lane.queue) return undefined;
      using++;
      let left = false;
      return () => {
        if (left) return;
        left = true;
        using--;
      };
    },
  };
}

/**
 * Whether this request's headers let it be answered from the cache: a GET for one of the site's own
 * names (so forged Host headers cannot fill the cache), by someone not signed in, and no client-side
 * navigation (RSC payload) or server action, which go to Next.
 */
function mayBeCached(request: http.IncomingMessage, cachedHosts: Set<string>): boolean {
  return (
    request.method === "GET" &&
    cachedHosts.has((request.headers.host ?? "").toLowerCase()) &&
    !/next-auth\.session-token=/.test(request.headers.cookie ?? "") &&
    !request.headers.rsc &&
    !request.headers["next-action"] &&
    !request.headers["next-router-prefetch"]
  );
}

/** The canonical reader page (reader-pages.ts) a request target names, whoever asks for it. */
function readerPageOfTarget(target: string, url: URL): string | undefined {
  // Only origin-form targets ("/path?query"): "//host/…" or absolute forms are passed on, never cached.
  if (!target.startsWith("/") || target.startsWith("//") || target.length > MAX_CACHEABLE_URL || url.searchParams.has("_rsc")) return undefined;
  return readerPageOf(url);
}

/** Request targets remembered with their reader page, at most (their URLs are 512 bytes at most). */
const REMEMBERED_TARGETS = 4_096;
/** Accept-Encoding values remembered with the encoding they choose, at most. */
const REMEMBERED_ENCODINGS = 256;

/** A small memo that forgets everything when full: what it holds is cheap to compute again. */
function memo<T>(size: number): { get(key: string): T | undefined; set(key: string, value: T): void } {
  const entries = new Map<string, T>();
  return {
    get: (key) => entries.get(key),
    set(key, value) {
      if (entries.size >= size) entries.clear();
      entries.set(key, value);
    },
  };
}

/** A served page as Next's headers, the cache's state and the body's length. */
function send(response: http.ServerResponse, served: ServedPage, state: "hit" | "miss" | "stale"): void {
  const headers: string[] = [];
  for (const [name, value] of served.headers) headers.push(name, value);
  headers.push("x-claimwork-cache", state, "content-length", String(served.body.length));
  response.writeHead(served.status, headers);
  response.end(served.body);
}

function answerPlain(response: http.ServerResponse, status: number, text: string, headers: http.OutgoingHttpHeaders = {}): void {
  response.writeHead(status, { "content-type": "text/plain; charset=utf-8", ...headers });
  response.end(text);
}

export function createFrontServer(options: FrontServerOptions): http.Server {
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const origin = `http://${options.upstream.host}:${options.upstream.port}`;
  const lane = (which: Lane) => pooledLane(origin, which, limits.upstreamTimeoutMs);
  const lanes = { readers: lane(limits.readers), others: lane(limits.others), strangers: lane(limits.strangers), live: lane(limits.live) };
  const cachedHosts = new Set(options.cachedHosts.map((host) => host.toLowerCase()));
  const trusted = proxyAddr.compile([...options.trustedProxies]);
  let bufferedBytes = 0;
  // Readers ask for the same few addresses with the same few Accept-Encoding values: a cache hit
  // parses neither again (bench:public-page: the front server's own work is what a hit costs).
  const pages = memo<string>(REMEMBERED_TARGETS);
  const encodings = memo<boolean>(REMEMBERED_ENCODINGS);

  function acceptsGzip(request: http.IncomingMessage): boolean {
    const header = request.headers["accept-encoding"] ?? "";
    let gzip = encodings.get(header);
    if (gzip === undefined) {
      gzip = new Negotiator(request).encoding(["gzip", "identity"]) === "gzip";
      encodings.set(header, gzip);
    }
    return gzip;
  }

  /** The cache's key: keyed by host too, a page rendered for one of the site's names is only served for that name. */
  const keyOf = (request: http.IncomingMessage, page: string) => `${(request.headers.host ?? "").toLowerCase()} ${page}`;

  /** A client silent this long while sending its body or while it does not read the answer is dropped. */
  function idleTimeout(response: http.ServerResponse): void {
    if (response.socket?.timeout !== limits.idleTimeoutMs) response.setTimeout(limits.idleTimeoutMs);
  }

  /**
   * Answers a request for a page the cache holds, from an address seen before, at once and without
   * parsing it again; false when the request takes the whole way (handle).
   */
  function answerFromCache(request: http.IncomingMessage, response: http.ServerResponse): boolean {
    if (!options.cacheEnabled || request.method !== "GET") return false;
    const page = pages.get(request.url ?? "");
    if (page === undefined || !mayBeCached(request, cachedHosts)) return false;
    const cached = options.cache.serve(keyOf(request, page), { gzip: acceptsGzip(request) });
    if (!cached) return false;
    idleTimeout(response);
    send(response, cached, "hit");
    return true;
  }

  /** The request's whole body (empty when it has none), or undefined when it was refused (413, 503) or the client left. */
  function readBody(request: http.IncomingMessage, response: http.ServerResponse, held: { bytes: number }): Promise<Buffer | undefined> {
    if (Number(request.headers["content-length"] ?? 0) > limits.maxBodyBytes) {
      answerPlain(response, 413, `A request body is at most ${limits.maxBodyBytes / 1024 / 1024} MiB.\n`, { connection: "close" });
      return Promise.resolve(undefined);
    }
    return new Promise((resolve) => {
      const chunks: Buffer[] = [];
      request.on("data", (chunk: Buffer) => {
        held.bytes += chunk.length;
        bufferedBytes += chunk.length;
        if (held.bytes <= limits.maxBodyBytes && bufferedBytes <= limits.maxBufferedBytes) {
          chunks.push(chunk);
          return;
        }
        request.removeAllListeners("data");
        request.pause();
        if (held.bytes > limits.maxBodyBytes) answerPlain(response, 413, `A request body is at most ${limits.maxBodyBytes / 1024 / 1024} MiB.\n`, { connection: "close" });
        else answerPlain(response, 503, "Claimwork is receiving too much at once; try again in a few seconds.\n", { connection: "close", "retry-after": "5" });
        resolve(undefined);
      });
      request.on("end", () => resolve(Buffer.concat(chunks)));
      request.on("error", () => resolve(undefined));
      response.on("close", () => resolve(undefined));
    });
  }

  async function handle(request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
    // A path or an absolute URL; "*" (OPTIONS *), and a request line no URL parser accepts, get a
    // 400 here rather than an error from Next or an exception that stops the server.
    const target = request.url ?? "";
    const url = /^(\/|https?:\/\/)/i.test(target) ? URL.parse(target, "http://front.invalid") : null;
    if (!url) {
      answerPlain(response, 400, "Malformed request address.\n");
      return;
    }
    if (!FORWARDED_METHODS.includes(request.method ?? "")) {
      answerPlain(response, 405, "Method not allowed.\n", { allow: FORWARDED_METHODS.join(", ") });
      return;
    }
    // A client silent this long while sending its body or while it does not read the answer is dropped
    // (with it, any request to Next for it).
    idleTimeout(response);
    const pageOfTarget = options.cacheEnabled ? readerPageOfTarget(target, url) : undefined;
    if (pageOfTarget !== undefined) pages.set(target, pageOfTarget);
    const page = pageOfTarget !== undefined && mayBeCached(request, cachedHosts) ? pageOfTarget : undefined;
    const gzip = acceptsGzip(request);
    const key = keyOf(request, page ?? "");
    /** When Next cannot answer a reader's page, an expired copy is better than an error. */
    const stale = () => (page ? options.cache.serveStale(key, { gzip }) : undefined);
    const cached = page ? options.cache.serve(key, { gzip }) : undefined;
    if (cached) {
      send(response, cached, "hit");
      return;
    }
    const generation = options.cache.currentGeneration();

    const held = { bytes: 0 };
    try {
      const body = await readBody(request, response, held);
      if (!body) return;
      const chosen = !cachedHosts.has((request.headers.host ?? "").toLowerCase())
        ? lanes.strangers
        : page
          ? lanes.readers
          : url.pathname === LIVE_EVENTS_PATH
            ? lanes.live
            : lanes.others;
      const leave = chosen.enter();
      if (!leave) {
        answerPlain(response, 503, "Claimwork has too many requests waiting; try again in a few seconds.\n", { "retry-after": "5" });
        return;
      }

      const headers: http.IncomingHttpHeaders = { ...request.headers };
      for (const name of DROPPED_REQUEST_HEADERS) delete headers[name];
      const peer = request.socket.remoteAddress ?? "unknown";
      const claimed = request.headers["x-forwarded-for"];
      // A trusted proxy's list is kept and extended, as the next proxy would; anyone else's is replaced.
      headers["x-forwarded-for"] = claimed && request.socket.remoteAddress && trusted(peer, 0) ? `${claimed}, ${peer}` : peer;
      headers["x-forwarded-proto"] = "http";
      // The nonce is cut out of the cached body, which must be plain text for that; the reader cache
      // compresses what it serves.
      if (page) delete headers["accept-encoding"];
      // What is stored is keyed by address alone, so Next must render it from the address alone: a
      // reader page's language never follows the browser's Accept-Language or a cookie (ADR 0018).
      if (page) {
        delete headers["accept-language"];
        delete headers.cookie;
      }

      const abort = new AbortController();
      response.on("close", () => {
        if (!response.writableFinished) abort.abort();
      });
      // Meanwhile the client has nothing to do: the wait is bounded by upstreamTimeoutMs.
      response.setTimeout(0);
      let answer: Dispatcher.ResponseData;
      try {
        answer = await chosen.pool.request({
          // A reader page is asked for in its canonical spelling, the one it is stored under.
          path: page ?? target,
          method: request.method as Dispatcher.HttpMethod,
          headers,
          body: body.length > 0 ? body : undefined,
          signal: abort.signal,
        });
      } catch {
        leave();
        if (abort.signal.aborted) return;
        const fallback = stale();
        if (fallback) send(response, fallback, "stale");
        else answerPlain(response, 503, "Claimwork is starting or restarting; try again in a few seconds.\n", { "retry-after": "5" });
        return;
      }
      answer.body.once("close", leave);
      response.setTimeout(limits.idleTimeoutMs);

      const responseHeaders: [string, string][] = [];
      for (const [name, value] of Object.entries(answer.headers)) {
        if (value === undefined || DROPPED_RESPONSE_HEADERS.has(name)) continue;
        for (const one of [value].flat()) responseHeaders.push([name, one]);
      }
      const header = (name: string) => [answer.headers[name]].flat()[0];
      const storable =
        page &&
        !request.headers["x-forwarded-host"] &&
        answer.statusCode === 200 &&
        CACHEABLE_TYPES.test(header("content-type") ?? "") &&
        !answer.headers["set-cookie"] &&
        !answer.headers["content-encoding"];
      const fallback = answer.statusCode >= 500 ? stale() : undefined;
      if (fallback) {
        send(response, fallback, "stale");
        await answer.body.dump().catch(() => {});
        return;
      }
      if (!storable) {
        const length = header("content-length");
        // Next cannot give a page's render error a status of its own: while the database is out of
        // reach, its 500 is a 503 the client may retry.
        const unavailable = answer.statusCode === 500 && !options.databaseReachable();
        const extra = [...(length ? [["content-length", length]] : []), ...(unavailable ? [["retry-after", "5"]] : [])];
        response.writeHead(unavailable ? 503 : answer.statusCode, [...responseHeaders, ...extra].flat());
        await pipeline(answer.body, response).catch(() => response.destroy());
        return;
      }
      const rendered = await answer.body.arrayBuffer().then((data) => Buffer.from(data), () => undefined);
      if (!rendered) {
        response.destroy();
        return;
      }
      // A passing answer (search is busy) asks not to be kept: it is sent as it is, once.
      if (rendered.includes(NOT_FOR_READER_CACHE)) {
        response.writeHead(200, [...responseHeaders, ["x-claimwork-cache", "not-kept"], ["content-length", String(rendered.length)]].flat());
        response.end(rendered);
        return;
      }
      options.cache.store(key, generation, { status: 200, headers: responseHeaders, body: rendered });
      // As it will be served from now on (a fresh nonce, compressed when accepted), unless a change
      // came in meanwhile and it was not kept.
      send(response, options.cache.serve(key, { gzip }) ?? { status: 200, headers: responseHeaders, body: rendered }, "miss");
    } finally {
      bufferedBytes -= held.bytes;
    }
  }

  const server = http.createServer(
    {
      headersTimeout: limits.headersTimeoutMs,
      requestTimeout: limits.requestTimeoutMs,
      // How often Node checks those two; its default (30 s) would stretch a 10-second limit.
      connectionsCheckingInterval: Math.min(1_000, limits.headersTimeoutMs),
    },
    (request, response) => {
      if (!answerFromCache(request, response)) void handle(request, response);
    },
  );
  server.on("close", () => {
    for (const { pool } of Object.values(lanes)) void pool.close();
  });
  return server;
}
