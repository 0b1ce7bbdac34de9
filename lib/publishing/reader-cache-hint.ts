/**
 * A reader page that must not be kept by the reader cache in front of Next (scripts/serve/) renders
 * this <meta> tag: Next 16 lets a page set no status or header of its own, so a passing answer such
 * as "search is busy" says so in its HTML, where the front server looks before storing a page.
 */
export const NOT_FOR_READER_CACHE = { name: "claimwork-reader-cache", content: "no-store" } as const;

/** The tag as React renders it, which the front server looks for. */
export const NOT_FOR_READER_CACHE_HTML = `<meta name="${NOT_FOR_READER_CACHE.name}" content="${NOT_FOR_READER_CACHE.content}"/>`;
