import { describe, expect, it } from "vitest";
import { createRateLimiter } from "@/lib/api/rate-limit";

describe("createRateLimiter", () => {
  it("lets an address make its burst, then one request per refill, and says when to come back", () => {
    let now = 0;
    const limiter = createRateLimiter({ burst: 3, ratePerSecond: 0.5, maxClients: 10 }, () => now);
    expect([1, 2, 3].map(() => limiter.take("a").allowed)).toEqual([true, true, true]);
    expect(limiter.take("a")).toEqual({ allowed: false, retryAfterSeconds: 2 });
    expect(limiter.take("b").allowed).toBe(true);
    now = 1_000;
    expect(limiter.take("a")).toEqual({ allowed: false, retryAfterSeconds: 1 });
    now = 2_000;
    expect(limiter.take("a").allowed).toBe(true);
    expect(limiter.take("a").allowed).toBe(false);
  });

  it("keeps at most maxClients addresses, forgetting the least recently seen", () => {
    const limiter = createRateLimiter({ burst: 1, ratePerSecond: 1, maxClients: 2 }, () => 0);
    for (const address of ["a", "b"]) expect(limiter.take(address).allowed).toBe(true);
    expect(limiter.take("a").allowed).toBe(false);
    expect(limiter.take("c").allowed).toBe(true);
    // "b" was the least recently seen: it was forgotten and starts with a full bucket.
    expect(limiter.take("b").allowed).toBe(true);
    expect(limiter.take("a").allowed).toBe(true);
  });
});
