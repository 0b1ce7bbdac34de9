// The server readers and editors talk to: it forwards every request to Next, and answers anonymous
// GETs of the readers' pages from the reader cache. It is also where the forwarding headers are set,
// from the connection itself: a client's X-Forwarded-For, -Proto and -Port are not passed on.
import http from "node:http";
import type { ReaderCache, ServedPage } from "./reader-cache";

/** The readers' pages: the same for every anonymous reader, changed only by announced writes. */
const READER_PATHS = [/^\/$/, /^\/methodology$/, /^\/search$/, /^\/feed\.xml$/, /^\/sitemap\.xml$/, /^\/robots\.txt$/, /^\/fact-checks\/[^/]+(\/revisions\/\d+)?$/];
const CACHEABLE_TYPES = /^(text\/html|application\/atom\+xml|application\/xml|text\/xml|text\/plain)\b/;
const MAX_CACHEABLE_URL = 512;

/**
 * Request headers that only this server may set for Next, and hop-by-hop headers of either side.
 * X-Forwarded-Host goes through as the client sent it: the app refuses a write that names another
 * host there (lib/actions/comes-from-this-site.ts), and Next builds no address from it that we use.
 */
const DROPPED_REQUEST_HEADERS = ["x-forwarded-for", "x-forwarded-proto", "x-forwarded-port", "forwarded", "x-real-ip", "x-middleware-subrequest", "connection", "keep-alive", "proxy-connection", "upgrade"];
const DROPPED_RESPONSE_HEADERS = new Set(["connection", "keep-alive", "transfer-encoding", "content-length", "date"]);

export type FrontServerOptions = {
  upstream: { host: string; port: number };
  cache: ReaderCache;
  /** False in development, where pages change as the code does. */
  cacheEnabled: boolean;
  /** False while the database does not answer (the reader cache's follower cannot reach it). */
  databaseReachable: () => boolean;
};

function isCacheable(request: http.IncomingMessage, url: URL): boolean {
  // Only origin-form targets ("/path?query"): "//host/…" or absolute forms are passed on, never cached.
  if (request.method !== "GET" || !request.url?.startsWith("/") || request.url.startsWith("//") || request.url.length > MAX_CACHEABLE_URL) return false;
  if (!READER_PATHS.some((pattern) => pattern.test(url.pathname))) return false;
  // Signed-in people, client-side navigations (RSC payloads) and server actions go to Next.
  if (/next-auth\.session-token=/.test(request.headers.cookie ?? "")) return false;
  if (request.headers.rsc || request.headers["next-action"] || request.headers["next-router-prefetch"] || url.searchParams.has("_rsc")) return false;
  return true;
}

export function createFrontServer(options: FrontServerOptions): http.Server {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

  return http.createServer((request, response) => {
    // A request line no URL parser accepts gets a 400 here rather than an exception that stops the server.
    const url = URL.parse(request.url ?? "/", "http://front.invalid");
    if (!url) {
      response.writeHead(400, { "content-type": "text/plain; charset=utf-8" });
      response.end("Malformed request address.\n");
      return;
    }
    const cacheable = options.cacheEnabled && isCacheable(request, url);
    const gzip = /\bgzip\b/.test(request.headers["accept-encoding"] ?? "");
    const send = (page: ServedPage, state: "hit" | "miss" | "stale") => {
      response.writeHead(page.status, [...page.headers, ["x-claimwork-cache", state], ["content-length", String(page.body.length)]].flat());
      response.end(page.body);
    };
    // Keyed by host too: a page rendered for a forged Host header is only ever served to that host.
    const key = `${request.headers.host ?? ""} ${request.url}`;
    /** When Next cannot answer a reader's page, an expired copy is better than an error. */
    const stale = () => (cacheable ? options.cache.serveStale(key, { gzip }) : undefined);
    const cached = cacheable ? options.cache.serve(key, { gzip }) : undefined;
    if (cached) {
      send(cached, "hit");
      return;
    }
    const generation = options.cache.currentGeneration();

    const headers: http.OutgoingHttpHeaders = { ...request.headers };
    for (const name of DROPPED_REQUEST_HEADERS) delete headers[name];
    headers["x-forwarded-for"] = request.socket.remoteAddress ?? "unknown";
    headers["x-forwarded-proto"] = "http";
    // The nonce is cut out of the cached body, which must be plain text for that; the reader cache
    // compresses what it serves.
    if (cacheable) delete headers["accept-encoding"];

    const upstream = http.request(
      { host: options.upstream.host, port: options.upstream.port, method: request.method, path: request.url, headers, agent },
      (answer) => {
        const responseHeaders: [string, string][] = [];
        for (let i = 0; i < answer.rawHeaders.length; i += 2) {
          const name = answer.rawHeaders[i]!.toLowerCase();
          if (!DROPPED_RESPONSE_HEADERS.has(name)) responseHeaders.push([name, answer.rawHeaders[i + 1]!]);
        }
        const storable =
          cacheable &&
          !request.headers["x-forwarded-host"] &&
          answer.statusCode === 200 &&
          CACHEABLE_TYPES.test(answer.headers["content-type"] ?? "") &&
          !answer.headers["set-cookie"] &&
          !answer.headers["content-encoding"];
        const fallback = (answer.statusCode ?? 502) >= 500 ? stale() : undefined;
        if (fallback) {
          answer.resume();
          send(fallback, "stale");
          return;
        }
        if (!storable) {
          const length = answer.headers["content-length"];
          // Next cannot give a page's render error a status of its own: while the database is out of
          // reach, its 500 is a 503 the client may retry.
          const unavailable = answer.statusCode === 500 && !options.databaseReachable();
          const extra = [...(length ? [["content-length", length]] : []), ...(unavailable ? [["retry-after", "5"]] : [])];
          response.writeHead(unavailable ? 503 : (answer.statusCode ?? 502), [...responseHeaders, ...extra].flat());
          answer.pipe(response);
          return;
        }
        const chunks: Buffer[] = [];
        answer.on("data", (chunk: Buffer) => chunks.push(chunk));
        answer.on("end", () => {
          const body = Buffer.concat(chunks);
          options.cache.store(key, generation, { status: 200, headers: responseHeaders, body });
          // As it will be served from now on (a fresh nonce, compressed when accepted), unless a change
          // came in meanwhile and it was not kept.
          send(options.cache.serve(key, { gzip }) ?? { status: 200, headers: responseHeaders, body }, "miss");
        });
        answer.on("error", () => response.destroy());
      },
    );
    upstream.on("error", () => {
      if (response.headersSent) {
        response.destroy();
        return;
      }
      const fallback = stale();
      if (fallback) {
        send(fallback, "stale");
        return;
      }
      response.writeHead(503, { "content-type": "text/plain; charset=utf-8", "retry-after": "5" });
      response.end("Claimwork is starting or restarting; try again in a few seconds.\n");
    });
    request.pipe(upstream);
  });
}
