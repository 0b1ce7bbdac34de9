// The front server against a real upstream HTTP server standing in for Next (it renders a page with
// a nonce per response, counts renders, echoes the forwarding headers it receives, and can fail).
import http from "node:http";
import net from "node:net";
import { once } from "node:events";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "../lib/free-port";
import { createFrontServer, type FrontServerOptions } from "./front-server";
import { ReaderCache } from "./reader-cache";
import { NOT_FOR_READER_CACHE_HTML } from "../../lib/publishing/reader-cache-hint";

let renders = 0;
let failing = false;
let databaseUp = true;
let lastHeaders: http.IncomingHttpHeaders = {};
/** Requests to /held/… wait here until released; `closed` counts those whose connection went away first. */
const held: http.ServerResponse[] = [];
let heldArrived = 0;
let heldClosedEarly = 0;
/** Open live streams (/api/live/events): one event is written at once, then they stay open. */
const liveStreams: http.ServerResponse[] = [];
const upstream = http.createServer((request, response) => {
  lastHeaders = request.headers;
  if (request.url?.startsWith("/api/live/events")) {
    response.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache, no-transform" });
    response.write(`id: ${liveStreams.length + 1}\ndata: {"topics":["queue"]}\n\n`);
    liveStreams.push(response);
    return;
  }
  if (request.url?.startsWith("/held/")) {
    heldArrived++;
    held.push(response);
    response.on("close", () => {
      if (!response.writableFinished) heldClosedEarly++;
    });
    return;
  }
  if (failing) {
    response.writeHead(500, { "content-type": "text/html" });
    response.end("<h1>error</h1>");
    return;
  }
  // Like Next, a write is answered once its whole body has come.
  request.resume();
  request.on("end", () => {
    if (request.method !== "GET") {
      response.writeHead(200, { "content-type": "text/plain" });
      response.end(`${request.method} done`);
      return;
    }
    renders++;
    const nonce = Buffer.from(`nonce-${renders}`).toString("base64");
    response.writeHead(200, {
      "content-type": "text/html; charset=utf-8",
      "content-security-policy": `script-src 'self' 'nonce-${nonce}'`,
    });
    // Like Next since ADR 0018, a reader page's language comes from its address (/fr/…; other addresses
    // are English); it also shows any Accept-Language or cookie that reached it.
    if (/^\/(en|fr)(\/|\?|$)|^\/(\?|$)/.test(request.url ?? "")) {
      const lang = /^\/fr/.test(request.url!) ? "fr" : "en";
      response.end(`<html lang="${lang}"><h1>Render ${renders}</h1><p>accept-language: ${request.headers["accept-language"] ?? "-"}; cookie: ${request.headers.cookie ?? "-"}</p></html>`);
      return;
    }
    // A page that asks not to be kept, as /search does when search is busy.
    const hint = request.url?.includes("q=busy") ? NOT_FOR_READER_CACHE_HTML : "";
    response.end(`${hint}<h1>Render ${renders}</h1><p>${"The claim, quoted in context. ".repeat(60)}</p><script nonce="${nonce}">boot()</script>`);
  });
});
function releaseHeld() {
  for (const response of held.splice(0)) if (!response.destroyed) response.end("released");
}
const cache = new ReaderCache({ maxBytes: 1e6, ttlMs: 60_000 });
let upstreamPort = 0;
let front: http.Server;
let base = "";

/** A front server on a port of its own, caching for that port's 127.0.0.1 address. */
async function startFront(options: Partial<FrontServerOptions> = {}): Promise<{ server: http.Server; url: string; port: number }> {
  const port = await freePort();
  const server = createFrontServer({
    upstream: { host: "127.0.0.1", port: upstreamPort },
    cache,
    cacheEnabled: true,
    cachedHosts: [`127.0.0.1:${port}`],
    trustedProxies: [],
    databaseReachable: () => databaseUp,
    ...options,
  });
  server.listen(port, "127.0.0.1");
  await once(server, "listening");
  return { server, url: `http://127.0.0.1:${port}`, port };
}

beforeAll(async () => {
  upstream.listen(0, "127.0.0.1");
  await once(upstream, "listening");
  upstreamPort = (upstream.address() as net.AddressInfo).port;
  ({ server: front, url: base } = await startFront());
});

afterAll(async () => {
  releaseHeld();
  for (const stream of liveStreams) stream.end();
  front.close();
  upstream.close();
});

async function get(path: string, headers: Record<string, string> = {}) {
  const response = await fetch(base + path, { headers });
  return { status: response.status, cache: response.headers.get("x-claimwork-cache"), policy: response.headers.get("content-security-policy") ?? "", body: await response.text() };
}

/** A request fetch cannot send (another Host, TRACE), answered with its status and headers. */
function rawRequest(url: string, options: http.RequestOptions): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request(url, { agent: false, ...options }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => resolve({ status: response.statusCode!, headers: response.headers, body: Buffer.concat(chunks).toString() }));
    });
    request.on("error", reject);
    request.end();
  });
}

/** Writes `text` on a connection of its own and resolves with what came back until the server closed it. */
async function untilClosed(port: number, text: string): Promise<string> {
  const socket = net.connect(port, "127.0.0.1");
  await once(socket, "connect");
  socket.write(text);
  const chunks: Buffer[] = [];
  socket.on("data", (chunk: Buffer) => chunks.push(chunk));
  await new Promise((resolve) => socket.on("close", resolve));
  return Buffer.concat(chunks).toString();
}

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 10));
}

describe("front server", () => {
  it("renders a reader page once, then answers it from the cache with a fresh nonce each time", async () => {
    const first = await get("/fact-checks/a");
    const second = await get("/fact-checks/a");
    expect([first.cache, second.cache]).toEqual(["miss", "hit"]);
    expect(second.body.replace(/nonce="[^"]+"/, "")).toBe(first.body.replace(/nonce="[^"]+"/, ""));
    const nonce = second.policy.match(/'nonce-([^']+)'/)![1]!;
    expect(second.body).toContain(`nonce="${nonce}"`);
    expect(first.policy).not.toBe(second.policy);
  });

  it("compresses a cached page for a client that accepts gzip, with the fresh nonce inside", async () => {
    const response = await fetch(`${base}/fact-checks/a`, { headers: { "accept-encoding": "gzip" } });
    expect(response.headers.get("content-encoding")).toBe("gzip");
    expect(response.headers.get("vary")).toMatch(/accept-encoding/i);
    const nonce = response.headers.get("content-security-policy")!.match(/'nonce-([^']+)'/)![1]!;
    expect(await response.text()).toContain(`nonce="${nonce}"`);
  });

  it("passes signed-in people, RSC requests and workbench pages to Next every time", async () => {
    const before = renders;
    await get("/fact-checks/a", { cookie: "next-auth.session-token=abc" });
    await get("/fact-checks/a", { rsc: "1" });
    await get("/workbench");
    await get("/workbench");
    expect(renders - before).toBe(4);
  });

  it("sets X-Forwarded-For from the connection and drops a client's", async () => {
    await get("/workbench", { "x-forwarded-for": "203.0.113.7", "x-real-ip": "203.0.113.7" });
    expect(lastHeaders["x-forwarded-for"]).toBe("127.0.0.1");
    expect(lastHeaders["x-real-ip"]).toBeUndefined();
  });

  it("never stores a page rendered for a forged X-Forwarded-Host", async () => {
    const forged = await get("/fact-checks/b", { "x-forwarded-host": "evil.example" });
    expect(forged.cache).toBeNull(); // passed to Next as it is, not stored
    expect((await get("/fact-checks/b")).cache).toBe("miss");
  });

  it("serves an expired copy when Next fails, and the error when it has none", async () => {
    const shortLived = new ReaderCache({ maxBytes: 1e6, ttlMs: 1 });
    const { server, url } = await startFront({ cache: shortLived });
    try {
      await fetch(`${url}/fact-checks/c`).then((response) => response.text());
      await new Promise((resolve) => setTimeout(resolve, 10));
      failing = true;
      const stale = await fetch(`${url}/fact-checks/c`);
      expect([stale.status, stale.headers.get("x-claimwork-cache")]).toEqual([200, "stale"]);
      expect(await stale.text()).toContain("<h1>Render");
      expect((await fetch(`${url}/fact-checks/never-cached`)).status).toBe(500);
      // The same error while the database is out of reach: a 503 to retry.
      databaseUp = false;
      const unavailable = await fetch(`${url}/fact-checks/never-cached`);
      expect([unavailable.status, unavailable.headers.get("retry-after")]).toEqual([503, "5"]);
    } finally {
      failing = false;
      databaseUp = true;
      server.close();
    }
  });

  it("answers a request line no URL parser accepts with a 400 and keeps serving", async () => {
    const socket = net.connect((front.address() as net.AddressInfo).port, "127.0.0.1");
    await once(socket, "connect");
    socket.write("GET http://[ HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    const chunks: Buffer[] = [];
    socket.on("data", (chunk: Buffer) => chunks.push(chunk));
    await once(socket, "end");
    expect(Buffer.concat(chunks).toString()).toMatch(/^HTTP\/1\.1 400/);
    expect((await get("/fact-checks/a")).status).toBe(200);
  });
});

describe("front server pages that ask not to be kept", () => {
  it("renders a busy search page for every request and never serves it from the cache", async () => {
    const first = await get("/search?q=busy");
    const second = await get("/search?q=busy");
    expect([first.cache, second.cache]).toEqual(["not-kept", "not-kept"]);
    expect(second.body).not.toBe(first.body);
    expect((await get("/search?q=calm")).cache).toBe("miss");
    expect((await get("/search?q=calm")).cache).toBe("miss");
    expect((await get("/search?q=calm")).cache).toBe("hit");
  });
});

describe("front server cache keys", () => {
  it("keeps one entry for every spelling of a page and its parameters, and a drop removes them all", async () => {
    expect((await get("/fact-checks/spelled")).cache).toBe("miss");
    for (const spelling of ["/fact-checks/spell%65d", "/fact-checks/%73pelled", "/fact-checks/spelled?utm_source=x", "/fact-checks/./spelled"]) {
      expect((await get(spelling)).cache, spelling).toBe("hit");
    }
    expect((await get("/search?q=maduro&rating=false")).cache).toBe("miss");
    expect((await get("/search?rating=false&utm=1&q=m%61duro")).cache).toBe("miss"); // asked once before: kept now
    expect((await get("/search?q=maduro&utm=2&rating=false")).cache).toBe("hit");
    cache.invalidate(["/fact-checks/spelled"]);
    expect((await get("/fact-checks/spell%65d")).cache).toBe("miss");
    expect((await get("/fact-checks/spelled")).cache).toBe("hit");
  });

  it("keeps the French and English home and search pages apart, whatever the reader's Accept-Language or cookie", async () => {
    const asked = [
      { path: "/fr/search?q=langue", lang: "fr", other: "en" },
      { path: "/en/search?q=langue", lang: "en", other: "fr" },
      { path: "/fr", lang: "fr", other: "en" },
      { path: "/en", lang: "en", other: "fr" },
      { path: "/", lang: "en", other: "fr" },
    ];
    // Each asked first by a browser that prefers the other language: rendered in the address's
    // language, with neither the header nor the cookie passed on.
    for (const { path, lang, other } of asked) {
      const first = await get(path, { "accept-language": other, cookie: `claimwork-locale=${other}` });
      expect(first.cache, path).toBe("miss");
      expect(first.body, path).toContain(`<html lang="${lang}">`);
      expect(first.body, path).toContain("accept-language: -; cookie: -");
    }
    // Then by browsers of either language (a search is kept once asked twice): each address keeps its own language.
    for (const { path, lang } of asked) {
      const states: (string | null)[] = [];
      for (const prefers of ["fr-FR,fr;q=0.9", "en-GB,en;q=0.9", "fr", "en"]) {
        const again = await get(path, { "accept-language": prefers, cookie: `claimwork-locale=${prefers.slice(0, 2)}` });
        states.push(again.cache);
        expect(again.body, `${path} for ${prefers}`).toContain(`<html lang="${lang}">`);
      }
      expect(states.slice(-2), path).toEqual(["hit", "hit"]);
    }
    // Pages that are not kept (the workbench) still get both: a person's language follows them there.
    await get("/workbench/claims", { "accept-language": "fr", cookie: "claimwork-locale=fr" });
    expect(lastHeaders["accept-language"]).toBe("fr");
    expect(lastHeaders.cookie).toBe("claimwork-locale=fr");
  });

  it("caches only for the configured host names", async () => {
    const port = (front.address() as net.AddressInfo).port;
    const before = renders;
    for (let i = 0; i < 2; i++) {
      const answer = await rawRequest(`${base}/fact-checks/other-host`, { headers: { host: `other.example:${port}` } });
      expect([answer.status, answer.headers["x-claimwork-cache"]]).toEqual([200, undefined]);
    }
    expect(renders - before).toBe(2);
  });
});

describe("front server protocol", () => {
  it("sends no gzip to a client that refuses it with q=0", async () => {
    for (const refusal of ["gzip;q=0", "gzip;q=0, identity", "*;q=0, identity"]) {
      const response = await fetch(`${base}/fact-checks/a`, { headers: { "accept-encoding": refusal } });
      expect(response.headers.get("content-encoding"), refusal).toBeNull();
      expect(await response.text()).toContain("<h1>Render");
    }
  });

  it("answers TRACE with 405 and OPTIONS * with 400, without asking Next", async () => {
    const trace = await rawRequest(`${base}/fact-checks/a`, { method: "TRACE" });
    expect([trace.status, trace.headers.allow]).toEqual([405, "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS"]);
    const port = (front.address() as net.AddressInfo).port;
    expect(await untilClosed(port, "OPTIONS * HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")).toMatch(/^HTTP\/1\.1 400/);
  });
});

describe("front server X-Forwarded-For behind a trusted proxy", () => {
  it("appends the proxy's address to what a trusted proxy sent, and replaces what anyone else sent", async () => {
    const trusting = await startFront({ trustedProxies: ["loopback"] });
    const distrusting = await startFront({ trustedProxies: ["10.0.0.0/8"] });
    try {
      await fetch(`${trusting.url}/workbench`, { headers: { "x-forwarded-for": "203.0.113.7, 198.51.100.2" } });
      expect(lastHeaders["x-forwarded-for"]).toBe("203.0.113.7, 198.51.100.2, 127.0.0.1");
      await fetch(`${trusting.url}/workbench`);
      expect(lastHeaders["x-forwarded-for"]).toBe("127.0.0.1");
      await fetch(`${distrusting.url}/workbench`, { headers: { "x-forwarded-for": "203.0.113.7" } });
      expect(lastHeaders["x-forwarded-for"]).toBe("127.0.0.1");
    } finally {
      trusting.server.close();
      distrusting.server.close();
    }
  });
});

describe("front server under slow or departing clients", () => {
  it("answers requests for Next while 80 clients send their request bodies slowly", async () => {
    const port = (front.address() as net.AddressInfo).port;
    const slow: net.Socket[] = [];
    try {
      for (let i = 0; i < 80; i++) {
        const socket = net.connect(port, "127.0.0.1");
        socket.on("error", () => {});
        socket.write(`POST /workbench/claims HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: text/plain\r\nContent-Length: 1000000\r\n\r\nabc`);
        slow.push(socket);
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
      const health = await rawRequest(`${base}/api/health`, {});
      expect(health.status).toBe(200);
      const reader = await get("/fact-checks/while-slow");
      expect(reader.status).toBe(200);
    } finally {
      for (const socket of slow) socket.destroy();
    }
  }, 10_000);

  it("aborts Next's request when the client leaves before the answer", async () => {
    const arrived = heldArrived;
    const closedEarly = heldClosedEarly;
    const request = http.request(`${base}/held/leaving`, { agent: false });
    request.on("error", () => {});
    request.end();
    await until(() => heldArrived > arrived);
    request.destroy();
    await until(() => heldClosedEarly > closedEarly);
  }, 10_000);

  it("answers 503 with Retry-After when Next's connections and the queue are full", async () => {
    const small = await startFront({ limits: { others: { connections: 1, queue: 1 } } });
    const waiting = [0, 1].map(() => rawRequest(`${small.url}/held/queued`, {}).catch(() => undefined));
    try {
      await until(() => held.length >= 1);
      await new Promise((resolve) => setTimeout(resolve, 100)); // the second is in the queue
      const refused = await rawRequest(`${small.url}/held/refused`, {});
      expect([refused.status, refused.headers["retry-after"]]).toEqual([503, "5"]);
      // Readers' pages have connections of their own.
      expect((await fetch(`${small.url}/fact-checks/queue-full`)).status).toBe(200);
    } finally {
      releaseHeld();
      await until(() => held.length >= 1); // the queued one reaches Next
      releaseHeld();
      await Promise.all(waiting);
      small.server.close();
    }
  }, 10_000);

  it("gives requests for other host names a narrow lane: when it is full they get a 503, and the site's own pass", async () => {
    const small = await startFront({ limits: { strangers: { connections: 1, queue: 1 } } });
    const stranger = { headers: { host: "forged.example" } };
    const waiting = [0, 1].map(() => rawRequest(`${small.url}/held/stranger`, stranger).catch(() => undefined));
    try {
      await until(() => held.length >= 1);
      await new Promise((resolve) => setTimeout(resolve, 100)); // the second is in the queue
      const refused = await rawRequest(`${small.url}/held/stranger-refused`, stranger);
      expect([refused.status, refused.headers["retry-after"]]).toEqual([503, "5"]);
      expect((await rawRequest(`${small.url}/workbench/other-page`, {})).status).toBe(200);
      expect((await fetch(`${small.url}/fact-checks/stranger-lane`)).status).toBe(200);
    } finally {
      releaseHeld();
      await until(() => held.length >= 1);
      releaseHeld();
      await Promise.all(waiting);
      small.server.close();
    }
  }, 10_000);

  it("pipes live-update streams as they are written, in a lane of their own that leaves Next's connections to the rest", async () => {
    const small = await startFront({ limits: { others: { connections: 1, queue: 0 } } });
    const streams = await Promise.all(
      [1, 2, 3].map(async () => {
        const response = await fetch(`${small.url}/api/live/events?topics=queue`);
        const reader = response.body!.getReader();
        // The first event arrives while the upstream stream is still open: nothing waits for its end.
        const first = new TextDecoder().decode((await reader.read()).value);
        return { response, reader, first };
      }),
    );
    for (const { response, first } of streams) {
      expect(response.headers.get("content-type")).toBe("text/event-stream");
      expect(response.headers.get("x-claimwork-cache")).toBeNull();
      expect(first).toMatch(/^id: \d+\ndata: \{"topics":\["queue"\]\}\n\n$/);
    }
    // Three open streams, one connection for everything else: a workbench page still gets through.
    const page = await fetch(`${small.url}/workbench/claims`);
    expect(page.status).toBe(200);
    await Promise.all(streams.map(({ reader }) => reader.cancel()));
    small.server.close();
  });

  it("closes a connection whose request headers or body stop coming", async () => {
    const impatient = await startFront({ limits: { headersTimeoutMs: 300, idleTimeoutMs: 300 } });
    try {
      expect(await untilClosed(impatient.port, "GET / HTTP/1.1\r\nHost: x\r\n")).toMatch(/^(HTTP\/1\.1 408|$)/);
      const before = heldArrived;
      expect(await untilClosed(impatient.port, "POST /held/body HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\nabc")).toMatch(/^(HTTP\/1\.1 408|$)/);
      expect(heldArrived).toBe(before); // Next never saw the unfinished request
    } finally {
      impatient.server.close();
    }
  }, 10_000);
});
