// The readers' pages as Next answered them, kept in memory by canonical URL (reader-pages.ts) so
// that a published fact-check is served without rendering it again (DESIGN.md section 10: "published
// pages cached by a reverse proxy in front"). Each page was rendered with a CSP nonce of its own; a cached copy is split around that
// nonce and joined with a fresh one for every response, so no two responses share a nonce.
// A page whose body carries no nonce (the feed, the sitemap, robots.txt) is the same for every
// reader: it is served with no nonce at all and may be kept by shared caches
// (docs/decisions/0014-shared-caches-and-scale-out.md).
import { randomBytes } from "node:crypto";
import { LRUCache } from "lru-cache";
import { canonicalPath } from "./reader-pages";
import { compressParts, spliceGzip } from "./spliced-gzip";

export type CachedPage = {
  status: number;
  /**
   * Response headers as Next sent them, without the hop-by-hop ones, each value cut at the nonce it
   * was rendered with (the policy, and the preload links that carry it): one part when it has none.
   */
  headers: [string, string[]][];
  /** The body cut at every occurrence of the nonce it was rendered with (one part when it had none). */
  parts: Buffer[];
  /** Whether each response needs a nonce of its own: the page was rendered with one and its policy names it. */
  nonced: boolean;
  /** The parts deflated once, for clients that accept gzip (spliced-gzip.ts); null for small pages. */
  compressed: Buffer[] | null;
  /**
   * The body as rendered and where its nonce was, when that nonce is as long as the fresh ones: a
   * response is then one copy of it with the fresh nonce written over the old (freshBody), not a
   * concatenation of its parts.
   */
  rendered: { body: Buffer; offsets: number[] } | null;
};

export type ServedPage = { status: number; headers: [string, string][]; body: Buffer };

/** Smaller pages are not worth compressing. */
const MIN_COMPRESSED_BYTES = 1024;
/** What an entry costs besides its key, headers and body: the objects holding them, the LRU's slot. */
const ENTRY_OVERHEAD_BYTES = 1024;
/** Addresses with a query remembered as asked once (about 2 MiB of keys at most). */
const ASKED_ONCE_KEYS = 4096;

const NONCE_IN_POLICY = /'nonce-([A-Za-z0-9+/=_-]+)'/;

/**
 * What browsers and shared caches (nginx, a CDN) may do with a page that is the same for every reader:
 * keep it a minute, a shared cache five; the purge hook (purge-hook.ts) tells a CDN to drop it sooner.
 * Pages with a nonce keep Next's private Cache-Control: a shared copy would hand one nonce to many.
 */
export const SHARED_CACHE_CONTROL = "public, max-age=60, s-maxage=300";

export class ReaderCache {
  private readonly pages: LRUCache<string, CachedPage>;
  /**
   * A page with a query (a search, a later page of a list) is kept from its second render on: most
   * searches are made once, and a flood of searches no one made before must not fill the cache and
   * push out the published pages readers come back to.
   */
  private readonly askedOnce = new LRUCache<string, true>({ max: ASKED_ONCE_KEYS });
  /** Bumped by every invalidation: a render that started before one is not stored. */
  private generation = 0;

  constructor(options: { maxBytes: number; ttlMs: number }) {
    this.pages = new LRUCache<string, CachedPage>({
      maxSize: options.maxBytes,
      // Keys and headers too: the memory an entry holds is not only its body.
      sizeCalculation: (page, key) => entryBytes(key, page),
      // A backstop for any change that forgot to announce its pages; announced ones drop at once.
      // An expired page is kept, for when Next cannot render it again (serveStale).
      ttl: options.ttlMs,
      noDeleteOnStaleGet: true,
    });
  }

  currentGeneration(): number {
    return this.generation;
  }

  get size(): number {
    return this.pages.size;
  }

  /** The bytes the cache counts against its maximum. */
  get countedBytes(): number {
    return this.pages.calculatedSize;
  }

  /** The page for this URL with a nonce of its own (gzipped when `gzip` and worth it), or undefined. */
  serve(url: string, options = { gzip: false }): ServedPage | undefined {
    const page = this.pages.get(url);
    return page && withFreshNonce(page, options.gzip);
  }

  /**
   * The page for this URL even past its time to live, for when Next fails to render it (the database
   * is away): never one that a change dropped.
   */
  serveStale(url: string, options = { gzip: false }): ServedPage | undefined {
    const page = this.pages.get(url, { allowStale: true });
    return page && withFreshNonce(page, options.gzip);
  }

  /**
   * Keeps Next's answer for this URL, unless the pages changed since its render began (`generation`)
   * or it has a query and was not asked for before (`askedOnce`).
   */
  store(url: string, generation: number, response: { status: number; headers: [string, string][]; body: Buffer }): void {
    if (generation !== this.generation) return;
    if (url.includes("?") && !this.askedOnce.delete(url)) {
      this.askedOnce.set(url, true);
      return;
    }
    const policyHeader = response.headers.find(([name]) => name === "content-security-policy")?.[1];
    const nonce = policyHeader?.match(NONCE_IN_POLICY)?.[1];
    const parts = nonce ? splitBuffer(response.body, Buffer.from(nonce)) : [response.body];
    const nonced = nonce !== undefined && parts.length > 1;
    const compressed = response.body.length >= MIN_COMPRESSED_BYTES ? compressParts(parts) : null;
    let headers = nonced ? response.headers : sharedHeaders(response.headers);
    if (compressed) headers = varyByEncoding(headers);
    const rendered = nonced && nonce.length === NONCE_LENGTH ? { body: response.body, offsets: offsetsOf(parts, nonce.length) } : null;
    this.pages.set(url, {
      status: response.status,
      headers: headers.map(([name, value]) => [name, nonced ? value.split(nonce) : [value]]),
      parts,
      nonced,
      compressed,
      rendered,
    });
  }

  /**
   * Drops every cached page whose path is one of `paths` ("*" drops everything). Keys are URLs, or
   * "host URL", in the canonical spelling of reader-pages.ts; so are the paths compared with them.
   */
  invalidate(paths: Iterable<string>): void {
    this.generation++;
    const dropped = new Set([...paths].map((path) => (path === "*" ? path : (canonicalPath(path) ?? path))));
    if (dropped.has("*")) {
      this.pages.clear();
      return;
    }
    // dump() lists expired pages too (keys() skips them), which must not outlive a change either.
    for (const [key] of this.pages.dump()) {
      const url = key.slice(key.indexOf(" ") + 1);
      const query = url.indexOf("?");
      if (dropped.has(query === -1 ? url : url.slice(0, query))) this.pages.delete(key);
    }
  }
}

/** A nonce-free page's headers: Cache-Control for shared caches, and a policy that names no nonce (none is used). */
function sharedHeaders(headers: [string, string][]): [string, string][] {
  return [
    ...headers.flatMap(([name, value]): [string, string][] => {
      if (name === "cache-control") return [];
      if (name === "content-security-policy") return [[name, value.replace(/\s*'nonce-[^']*'/g, "")]];
      return [[name, value]];
    }),
    ["cache-control", SHARED_CACHE_CONTROL],
  ];
}

/** A page kept gzipped differs by Accept-Encoding: said once in its Vary header, which Next may already have. */
function varyByEncoding(headers: [string, string][]): [string, string][] {
  const varies = headers.some(([name, value]) => name === "vary" && /(^|,)\s*accept-encoding\s*(,|$)/i.test(value));
  return varies ? headers : [...headers, ["vary", "Accept-Encoding"]];
}

function entryBytes(key: string, page: CachedPage): number {
  const text = [key, ...page.headers.flat(2)].reduce((sum, value) => sum + Buffer.byteLength(value), 0);
  const bodies = [...page.parts, ...(page.compressed ?? [])].reduce((sum, part) => sum + part.length, 0);
  return text + bodies + ENTRY_OVERHEAD_BYTES;
}

/** Random bytes per nonce, as Next's proxy makes them (proxy.ts), and the length of their base64. */
const NONCE_BYTES = 16;
const NONCE_LENGTH = 24;
/** Nonces drawn from the CSPRNG at once: one call per 256 responses rather than one per response. */
const NONCE_POOL_BYTES = 256 * NONCE_BYTES;
let noncePool = Buffer.alloc(0);
let noncePoolOffset = 0;

/**
 * A fresh nonce: 16 bytes of crypto.randomBytes, base64, never handed out twice. The bytes are drawn
 * 4 KiB at a time, each 16 used once: as unguessable as one randomBytes(16) call per response.
 */
export function freshNonce(): string {
  if (noncePoolOffset + NONCE_BYTES > noncePool.length) {
    noncePool = randomBytes(NONCE_POOL_BYTES);
    noncePoolOffset = 0;
  }
  const nonce = noncePool.toString("base64", noncePoolOffset, noncePoolOffset + NONCE_BYTES);
  // Spent bytes are overwritten, so the pool never holds a nonce already handed out.
  noncePool.fill(0, noncePoolOffset, noncePoolOffset + NONCE_BYTES);
  noncePoolOffset += NONCE_BYTES;
  return nonce;
}

function withFreshNonce(page: CachedPage, gzip: boolean): ServedPage {
  const nonce = page.nonced ? freshNonce() : "";
  const headers = page.headers.map(([name, parts]): [string, string] => [name, parts.length === 1 ? parts[0]! : parts.join(nonce)]);
  if (!page.compressed || !gzip) return { status: page.status, headers, body: freshBody(page, nonce) };
  headers.push(["content-encoding", "gzip"]);
  return { status: page.status, headers, body: spliceGzip(page.parts, page.compressed, Buffer.from(nonce)) };
}

/** The body with `nonce` wherever the rendered one was. */
function freshBody(page: CachedPage, nonce: string): Buffer {
  if (page.parts.length === 1) return page.parts[0]!;
  if (page.rendered && nonce.length === NONCE_LENGTH) {
    const body = Buffer.allocUnsafe(page.rendered.body.length);
    page.rendered.body.copy(body);
    // TypedArray.set stays in V8 for 24 bytes, where Buffer.write crosses into C++ once per nonce.
    const nonceBytes = Buffer.from(nonce, "latin1");
    for (const offset of page.rendered.offsets) body.set(nonceBytes, offset);
    return body;
  }
  const separator = Buffer.from(nonce);
  return Buffer.concat(page.parts.flatMap((part, index) => (index === 0 ? [part] : [separator, part])));
}

/** Where the separator of `separatorLength` bytes stood between the parts of a split body. */
function offsetsOf(parts: Buffer[], separatorLength: number): number[] {
  const offsets: number[] = [];
  let at = 0;
  for (const part of parts.slice(0, -1)) {
    at += part.length;
    offsets.push(at);
    at += separatorLength;
  }
  return offsets;
}

function splitBuffer(buffer: Buffer, separator: Buffer): Buffer[] {
  const parts: Buffer[] = [];
  let from = 0;
  for (let at = buffer.indexOf(separator, from); at !== -1; at = buffer.indexOf(separator, from)) {
    parts.push(buffer.subarray(from, at));
    from = at + separator.length;
  }
  parts.push(buffer.subarray(from));
  return parts;
}
