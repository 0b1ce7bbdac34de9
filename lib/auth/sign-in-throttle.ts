import type { SignInSource } from "@/lib/generated/prisma/enums";

/**
 * The sign-in throttle (README, "Signing in"). Every attempt has a source, as far as its account is
 * concerned: a browser whose device cookie this account signed in with before (known_device), an
 * address this account signed in from before (known_address), or neither (unknown). Failures are
 * counted in a sliding window:
 *
 * - per account and source (a known device, or an address): 5, then that source is refused for
 *   that account. A stranger's failures never fill the owner's device's bucket.
 * - per address, over all accounts, for unknown sources: 20, then that address is refused for
 *   accounts it is not known to (someone spraying many accounts from one place).
 * - per account, over all sources: from 5 on, unknown sources are slowed to one attempt per account
 *   every few minutes (many addresses guessing one password), never refused outright, so the
 *   owner on a new machine waits a little; known devices and known addresses are not slowed.
 */
export const THROTTLE = {
  windowMinutes: 15,
  failuresPerSource: 5,
  failuresPerAddress: 20,
  failuresPerAccountBeforeSlowing: 5,
  slowedIntervalMinutes: 3,
  /** How long a successful sign-in makes its device and address known to the account. */
  knownForDays: 90,
} as const;

export type AttemptCounts = {
  /** Failures of this account from this source (this known device, or this address). */
  sourceFailures: number;
  /** Failures from this address over all accounts, known devices aside. */
  addressFailures: number;
  /** Failures of this account from anywhere. */
  accountFailures: number;
  /** When this account last had an attempt from an unknown source. */
  lastUnknownAttemptAt: Date | null;
};

export type ThrottleDecision = { allowed: true } | { allowed: false; retryAfterMinutes: number };

/** Whether an attempt from this source may go on to the password check. Pure: the counts are read under lock. */
export function decideAttempt(source: SignInSource, counts: AttemptCounts, now: Date): ThrottleDecision {
  const refused = { allowed: false, retryAfterMinutes: THROTTLE.windowMinutes } as const;
  if (counts.sourceFailures >= THROTTLE.failuresPerSource) return refused;
  if (source !== "unknown") return { allowed: true };
  if (counts.addressFailures >= THROTTLE.failuresPerAddress) return refused;
  if (counts.accountFailures >= THROTTLE.failuresPerAccountBeforeSlowing && counts.lastUnknownAttemptAt) {
    const waitMs = counts.lastUnknownAttemptAt.getTime() + THROTTLE.slowedIntervalMinutes * 60_000 - now.getTime();
    if (waitMs > 0) return { allowed: false, retryAfterMinutes: Math.max(1, Math.ceil(waitMs / 60_000)) };
  }
  return { allowed: true };
}
