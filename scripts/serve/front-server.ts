// The server readers and editors talk to: it forwards every request to Next, and answers anonymous
// GETs of the readers' pages from the reader cache. It is also where the forwarding headers are set,
// from the connection itself: a client's X-Forwarded-For is kept only from a trusted proxy, and
// X-Forwarded-Proto and -Port are not passed on.
import http from "node:http";
import Negotiator from "negotiator";
import proxyAddr from "proxy-addr";
import type { ReaderCache, ServedPage } from "./reader-cache";
import { readerPageOf } from "./reader-pages";

const CACHEABLE_TYPES = /^(text\/html|application\/atom\+xml|application\/xml|text\/xml|text\/plain)\b/;
const MAX_CACHEABLE_URL = 512;
/** Methods passed to Next; others (TRACE, CONNECT, WebDAV's) are answered 405 here. */
const FORWARDED_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];

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
  /** Host header values ("host:port") whose reader pages are cached; pages for any other go to Next. */
  cachedHosts: readonly string[];
  /** TRUSTED_PROXIES (proxy-addr syntax): peers whose X-Forwarded-For is kept, with their address appended. */
  trustedProxies: readonly string[];
  /** False while the database does not answer (the reader cache's follower cannot reach it). */
  databaseReachable: () => boolean;
};

/** The canonical reader page (reader-pages.ts) this request may be answered with from the cache. */
function cachedPageOf(request: http.IncomingMessage, url: URL, cachedHosts: Set<string>): string | undefined {
  // Only origin-form targets ("/path?query"): "//host/…" or absolute forms are passed on, never cached.
  if (request.method !== "GET" || !request.url?.startsWith("/") || request.url.startsWith("//") || request.url.length > MAX_CACHEABLE_URL) return undefined;
  // Pages are kept for the site's own names only, so forged Host headers cannot fill the cache.
  if (!cachedHosts.has((request.headers.host ?? "").toLowerCase())) return undefined;
  // Signed-in people, client-side navigations (RSC payloads) and server actions go to Next.
  if (/next-auth\.session-token=/.test(request.headers.cookie ?? "")) return undefined;
  if (request.headers.rsc || request.headers["next-action"] || request.headers["next-router-prefetch"] || url.searchParams.has("_rsc")) return undefined;
  return readerPageOf(url);
}

function answerPlain(response: http.ServerResponse, status: number, text: string, headers: http.OutgoingHttpHeaders = {}): void {
  response.writeHead(status, { "content-type": "text/plain; charset=utf-8", ...headers });
  response.end(text);
}

export function createFrontServer(options: FrontServerOptions): http.Server {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  const cachedHosts = new Set(options.cachedHosts.map((host) => host.toLowerCase()));
  const trusted = proxyAddr.compile([...options.trustedProxies]);

  return http.createServer((request, response) => {
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
    const page = options.cacheEnabled ? cachedPageOf(request, url, cachedHosts) : undefined;
    const gzip = new Negotiator(request).encoding(["gzip", "identity"]) === "gzip";
    const send = (page: ServedPage, state: "hit" | "miss" | "stale") => {
      response.writeHead(page.status, [...page.headers, ["x-claimwork-cache", state], ["content-length", String(page.body.length)]].flat());
      response.end(page.body);
    };
    // Keyed by host too: a page rendered for one of the site's names is only served for that name.
    const key = `${(request.headers.host ?? "").toLowerCase()} ${page}`;
    /** When Next cannot answer a reader's page, an expired copy is better than an error. */
    const stale = () => (page ? options.cache.serveStale(key, { gzip }) : undefined);
    const cached = page ? options.cache.serve(key, { gzip }) : undefined;
    if (cached) {
      send(cached, "hit");
      return;
    }
    const generation = options.cache.currentGeneration();

    const headers: http.OutgoingHttpHeaders = { ...request.headers };
    for (const name of DROPPED_REQUEST_HEADERS) delete headers[name];
    const peer = request.socket.remoteAddress ?? "unknown";
    const claimed = request.headers["x-forwarded-for"];
    // A trusted proxy's list is kept and extended, as the next proxy would; anyone else's is replaced.
    headers["x-forwarded-for"] = claimed && request.socket.remoteAddress && trusted(peer, 0) ? `${claimed}, ${peer}` : peer;
    headers["x-forwarded-proto"] = "http";
    // The nonce is cut out of the cached body, which must be plain text for that; the reader cache
    // compresses what it serves.
    if (page) delete headers["accept-encoding"];

    const upstream = http.request(
      // A reader page is asked for in its canonical spelling, the one it is stored under.
      { host: options.upstream.host, port: options.upstream.port, method: request.method, path: page ?? target, headers, agent },
      (answer) => {
        const responseHeaders: [string, string][] = [];
        for (let i = 0; i < answer.rawHeaders.length; i += 2) {
          const name = answer.rawHeaders[i]!.toLowerCase();
          if (!DROPPED_RESPONSE_HEADERS.has(name)) responseHeaders.push([name, answer.rawHeaders[i + 1]!]);
        }
        const storable =
          page &&
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
      answerPlain(response, 503, "Claimwork is starting or restarting; try again in a few seconds.\n", { "retry-after": "5" });
    });
    request.pipe(upstream);
  });
}
