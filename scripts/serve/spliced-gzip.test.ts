import { gunzipSync } from "node:zlib";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compressParts, spliceGzip } from "./spliced-gzip";

describe("spliceGzip", () => {
  it("is a valid gzip of the parts joined by the separator, for any parts and separator", () => {
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ maxLength: 5000 }), { minLength: 1, maxLength: 6 }), fc.uint8Array({ maxLength: 64 }), (raw, rawSeparator) => {
        const parts = raw.map((bytes) => Buffer.from(bytes));
        const separator = Buffer.from(rawSeparator);
        const joined = Buffer.concat(parts.flatMap((part, index) => (index === 0 ? [part] : [separator, part])));
        expect(gunzipSync(spliceGzip(parts, compressParts(parts), separator)).equals(joined)).toBe(true);
      }),
      { seed: 20261122, numRuns: 300 },
    );
  });

  it("compresses a page's text well, nonce and all", () => {
    const parts = ["<html><p>", "The claim, quoted in context. ".repeat(400), "</p><script nonce=\"", "\">boot()</script></html>"].map((text) => Buffer.from(text));
    const gzip = spliceGzip(parts, compressParts(parts), Buffer.from("k3FbNxAa+eCr8GtORFG4Dg=="));
    expect(gzip.length).toBeLessThan(Buffer.concat(parts).length / 10);
  });
});
