// The public API's rate limit: a token bucket per client address, kept in this process's memory.
// Each address may make BURST requests at once and RATE_PER_SECOND more every second after that;
// past it the answer is 429 with Retry-After. The buckets live in an LRU map of at most MAX_CLIENTS
// addresses, so a flood of addresses costs a bounded amount of memory: the least recently seen
// address is forgotten first (it starts again with a full bucket). With several app processes each
// counts on its own, so the limit a client meets is per process.
import { LRUCache } from "lru-cache";

export type RateLimit = { burst: number; ratePerSecond: number; maxClients: number };

/** What the public API allows one address: 60 requests at once, then one a second. */
export const PUBLIC_API_RATE_LIMIT: RateLimit = { burst: 60, ratePerSecond: 1, maxClients: 10_000 };

export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

type Bucket = { tokens: number; at: number };

export function createRateLimiter(limit: RateLimit, now: () => number = Date.now) {
  const buckets = new LRUCache<string, Bucket>({ max: limit.maxClients });
  return {
    /** Takes one token from this client's bucket, or says how long until one is there. */
    take(client: string): RateDecision {
      const time = now();
      const bucket = buckets.get(client) ?? { tokens: limit.burst, at: time };
      const tokens = Math.min(limit.burst, bucket.tokens + ((time - bucket.at) / 1000) * limit.ratePerSecond);
      if (tokens < 1) {
        buckets.set(client, { tokens, at: time });
        return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - tokens) / limit.ratePerSecond)) };
      }
      buckets.set(client, { tokens: tokens - 1, at: time });
      return { allowed: true };
    },
  };
}

export type RateLimiter = ReturnType<typeof createRateLimiter>;

/** The one limiter of this process's public API. */
export const publicApiRateLimiter: RateLimiter = createRateLimiter(PUBLIC_API_RATE_LIMIT);
