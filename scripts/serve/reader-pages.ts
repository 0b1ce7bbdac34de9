// The readers' pages and the one spelling of each that the reader cache keys it by. Next decodes a
// path's segments and reads only some query parameters, so "/fact-checks/%63", "/fact-checks/c" and
// "/fact-checks/c?utm_source=x" are one page: one cache entry, dropped at once by a correction.
import { LOCALES } from "../../lib/i18n/locales";

// A page's language is a function of its address alone (ADR 0018): /fr/search and /en/search are two
// entries, the old addresses (/, /search, /methodology) are English, and a fact-check's pages are in its
// own language. No reader page reads Accept-Language or a cookie: the front server does not even pass
// them on for these pages (front-server.ts), so the address is the whole key.
const LOCALE = `(?:${LOCALES.join("|")})`;

/** Each reader page with the query parameters it reads (app/(public)/**, feed.xml, sitemap.ts, robots.ts). */
const READER_PAGES: { path: RegExp; reads: string[] }[] = [
  { path: new RegExp(`^(?:/|/${LOCALE})$`), reads: [] },
  { path: new RegExp(`^(?:/${LOCALE})?/methodology$`), reads: [] },
  { path: new RegExp(`^(?:/${LOCALE})?/search$`), reads: ["q", "rating", "claimant", "language", "cursor"] },
  { path: /^\/feed\.xml$/, reads: [] },
  { path: /^\/sitemap\.xml$/, reads: [] },
  { path: /^\/robots\.txt$/, reads: [] },
  { path: /^\/fact-checks\/[^/]+(\/revisions\/\d+|\/share-card\.png)?$/, reads: [] },
];

/**
 * The path with every segment percent-decoded and encoded again the same way (a "%2F" stays inside
 * its segment, as Next reads it), or undefined when a segment does not decode.
 */
export function canonicalPath(path: string): string | undefined {
  try {
    return path
      .split("/")
      .map((segment) => encodeURIComponent(decodeURIComponent(segment)))
      .join("/");
  } catch {
    return undefined;
  }
}

/**
 * The reader page `url` asks for, as "path?query" in its canonical spelling: only the parameters the
 * page reads, in a fixed order. Undefined when it is no reader page. Other parameters are left out
 * rather than refused: the page renders the same without them, and Next is asked for this spelling,
 * so what is stored under it is exactly its render.
 */
export function readerPageOf(url: URL): string | undefined {
  // url.pathname has its dot segments ("/./", "/%2e%2e/") resolved already.
  const path = canonicalPath(url.pathname);
  const page = path === undefined ? undefined : READER_PAGES.find((candidate) => candidate.path.test(path));
  if (!page) return undefined;
  const query = new URLSearchParams();
  for (const name of page.reads) for (const value of url.searchParams.getAll(name)) query.append(name, value);
  const search = query.toString();
  return search ? `${path}?${search}` : path;
}
