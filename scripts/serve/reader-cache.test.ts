import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { ReaderCache, SHARED_CACHE_CONTROL } from "./reader-cache";

const NONCE = "k3FbNxAa+eCr8GtORFG4Dg==";
const policy = `default-src 'self'; script-src 'self' 'nonce-${NONCE}' 'strict-dynamic'`;
const page = (body: string) => ({
  status: 200,
  headers: [
    ["content-type", "text/html; charset=utf-8"],
    ["content-security-policy", policy],
  ] as [string, string][],
  body: Buffer.from(body),
});
const html = `<p>Rated false</p><script nonce="${NONCE}">boot()</script><script nonce="${NONCE}" src="/a.js"></script>`;

function nonceOf(served: { headers: [string, string][] }): string {
  const header = served.headers.find(([name]) => name === "content-security-policy")![1];
  return header.match(/'nonce-([^']+)'/)![1]!;
}

describe("ReaderCache", () => {
  it("serves a stored page with a fresh nonce in the policy and on every script, the rest byte for byte", () => {
    const cache = new ReaderCache({ maxBytes: 1e6, ttlMs: 60_000 });
    cache.store("/fact-checks/a", cache.currentGeneration(), page(html));
    const first = cache.serve("/fact-checks/a")!;
    const second = cache.serve("/fact-checks/a")!;
    for (const served of [first, second]) {
      const nonce = nonceOf(served);
      expect(nonce).not.toBe(NONCE);
      expect(served.body.toString()).toBe(html.replaceAll(NONCE, nonce));
    }
    expect(nonceOf(first)).not.toBe(nonceOf(second));
  });

  it("gives the preload links Next sent the response's own nonce, and says Vary: Accept-Encoding once", () => {
    const cache = new ReaderCache({ maxBytes: 1e6, ttlMs: 60_000 });
    const rendered = page(html.repeat(20));
    rendered.headers.push(["link", `</a.css>; rel=preload; as="style"; nonce="${NONCE}"`], ["vary", "rsc, Accept-Encoding"]);
    cache.store("/fact-checks/a", cache.currentGeneration(), rendered);
    const served = cache.serve("/fact-checks/a", { gzip: true })!;
    const nonce = nonceOf(served);
    expect(served.headers.filter(([name]) => name === "link")).toEqual([["link", `</a.css>; rel=preload; as="style"; nonce="${nonce}"`]]);
    expect(served.headers.filter(([name]) => name === "vary")).toEqual([["vary", "rsc, Accept-Encoding"]]);
    expect(gunzipSync(served.body).toString()).toBe(html.repeat(20).replaceAll(NONCE, nonce));
  });

  it("keeps a page without a policy as it is", () => {
    const cache = new ReaderCache({ maxBytes: 1e6, ttlMs: 60_000 });
    const feed = { status: 200, headers: [["content-type", "application/atom+xml"]] as [string, string][], body: Buffer.from("<feed/>") };
    cache.store("/feed.xml", cache.currentGeneration(), feed);
    expect(cache.serve("/feed.xml")!.body.toString()).toBe("<feed/>");
  });

  it("lets shared caches keep a page that is the same for every reader, and only such a page", () => {
    const cache = new ReaderCache({ maxBytes: 1e6, ttlMs: 60_000 });
    const privately: [string, string] = ["cache-control", "private, no-cache, no-store, max-age=0, must-revalidate"];
    const withPolicy = (body: string) => ({ ...page(body), headers: [...page(body).headers, privately] });
    cache.store("/feed.xml", cache.currentGeneration(), withPolicy("<feed/>"));
    cache.store("/fact-checks/a", cache.currentGeneration(), withPolicy(html));
    const header = (served: { headers: [string, string][] }, name: string) => served.headers.filter(([key]) => key === name).map(([, value]) => value);

    const feed = cache.serve("/feed.xml")!;
    expect(header(feed, "cache-control")).toEqual([SHARED_CACHE_CONTROL]);
    // Served to many by a shared cache, a nonce would be known to all: the feed's policy names none.
    expect(header(feed, "content-security-policy")).toEqual(["default-src 'self'; script-src 'self' 'strict-dynamic'"]);
    const factCheck = cache.serve("/fact-checks/a")!;
    expect(header(factCheck, "cache-control")).toEqual([privately[1]]);
    expect(nonceOf(factCheck)).not.toBe(NONCE);
  });

  it("drops the announced paths whatever their query string, and nothing else", () => {
    const cache = new ReaderCache({ maxBytes: 1e6, ttlMs: 60_000 });
    for (const url of ["/", "/search?q=maduro", "/search?q=bolton", "/fact-checks/a", "/fact-checks/b", "/fact-checks/a/revisions/1"]) {
      cache.store(url, cache.currentGeneration(), page(html));
    }
    cache.invalidate(["/search", "/fact-checks/a"]);
    expect(["/", "/search?q=maduro", "/search?q=bolton", "/fact-checks/a", "/fact-checks/b", "/fact-checks/a/revisions/1"].map((url) => Boolean(cache.serve(url)))).toEqual([
      true,
      false,
      false,
      false,
      true,
      true,
    ]);
    cache.invalidate(["*"]);
    expect(cache.size).toBe(0);
  });

  it("does not store a render that began before an invalidation", () => {
    const cache = new ReaderCache({ maxBytes: 1e6, ttlMs: 60_000 });
    const began = cache.currentGeneration();
    cache.invalidate(["/fact-checks/a"]); // a correction committed while the old text was rendering
    cache.store("/fact-checks/a", began, page(html));
    expect(cache.serve("/fact-checks/a")).toBeUndefined();
  });
});

describe("ReaderCache past its time to live", () => {
  it("serves an expired page only when asked for a stale one, and never a dropped one", async () => {
    const cache = new ReaderCache({ maxBytes: 1e6, ttlMs: 20 });
    cache.store("/fact-checks/a", cache.currentGeneration(), page(html));
    cache.store("/fact-checks/b", cache.currentGeneration(), page(html));
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(cache.serve("/fact-checks/a")).toBeUndefined();
    expect(cache.serveStale("/fact-checks/a")!.body.toString()).toContain("Rated false");
    cache.invalidate(["/fact-checks/b"]);
    expect(cache.serveStale("/fact-checks/b")).toBeUndefined();
  });
});

describe("ReaderCache keys with a host", () => {
  it("drops a path for every host it was cached for", () => {
    const cache = new ReaderCache({ maxBytes: 1e6, ttlMs: 60_000 });
    for (const key of ["news.example /fact-checks/a", "evil.example /fact-checks/a", "news.example /search?q=a", "news.example /search?q=a"]) {
      cache.store(key, cache.currentGeneration(), page(html));
    }
    cache.invalidate(["/fact-checks/a"]);
    expect(cache.size).toBe(1);
    expect(cache.serve("news.example /search?q=a")).toBeDefined();
  });
});

describe("ReaderCache pages with a query", () => {
  it("keeps a search from its second render on, so searches made once never fill the cache", () => {
    const cache = new ReaderCache({ maxBytes: 1e6, ttlMs: 60_000 });
    for (let i = 0; i < 100; i++) cache.store(`/search?q=never-again-${i}`, cache.currentGeneration(), page(html));
    expect([cache.size, cache.countedBytes]).toEqual([0, 0]);
    cache.store("/search?q=again", cache.currentGeneration(), page(html));
    expect(cache.serve("/search?q=again")).toBeUndefined();
    cache.store("/search?q=again", cache.currentGeneration(), page(html));
    expect(cache.serve("/search?q=again")?.body.toString()).toContain("Rated false");
    cache.store("/fact-checks/a", cache.currentGeneration(), page(html));
    expect(cache.serve("/fact-checks/a")).toBeDefined(); // a page without a query is kept at once
  });
});

describe("ReaderCache compression", () => {
  it("serves a large page gzipped around its fresh nonce, the same text as the plain one", () => {
    const cache = new ReaderCache({ maxBytes: 1e6, ttlMs: 60_000 });
    const large = html.replace("Rated false", "Rated false. ".repeat(200));
    cache.store("/fact-checks/a", cache.currentGeneration(), page(large));
    const served = cache.serve("/fact-checks/a", { gzip: true })!;
    expect(served.headers).toContainEqual(["content-encoding", "gzip"]);
    expect(served.headers).toContainEqual(["vary", "Accept-Encoding"]);
    expect(gunzipSync(served.body).toString()).toBe(large.replaceAll(NONCE, nonceOf(served)));
    expect(served.body.length).toBeLessThan(large.length / 5);
  });
});

describe("ReaderCache memory", () => {
  it("counts keys and headers as well as bodies", () => {
    const cache = new ReaderCache({ maxBytes: 100_000, ttlMs: 60_000 });
    const bulky = { status: 200, headers: [["x-large", "v".repeat(10_000)]] as [string, string][], body: Buffer.from("<p>small</p>") };
    for (let i = 0; i < 5; i++) cache.store(`${"h".repeat(20_000)}${i} /fact-checks/a`, cache.currentGeneration(), bulky);
    expect(cache.size).toBeLessThanOrEqual(3);
    expect(cache.countedBytes).toBeGreaterThanOrEqual(cache.size * 30_000);
  });
});
