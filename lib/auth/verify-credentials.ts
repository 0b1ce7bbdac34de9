import { z } from "zod";
import { getDb } from "@/lib/db";
import { rateLimited } from "@/lib/errors";
import type { SignInSource } from "@/lib/generated/prisma/enums";
import { verifyPassword } from "@/lib/auth/passwords";
import { hashToken, newDeviceToken, wellFormedDeviceToken } from "@/lib/auth/device-token";
import { decideAttempt, THROTTLE, type AttemptCounts } from "@/lib/auth/sign-in-throttle";
import { startSession } from "@/lib/auth/user-sessions";

const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().email().max(254),
  password: z.string().min(1).max(1024),
});

export type SignedInUser = {
  id: string;
  sessionVersion: number;
  /** The session row this sign-in started (its id goes into the session token). */
  sessionId: string;
  /** The device token the browser keeps (its cookie is set, or refreshed, on every success). */
  deviceToken: string;
};

/**
 * Checks an email and password. One answer (null) for an unknown account, a wrong password and a
 * disabled user; throttled per account and source, per address and per account
 * (lib/auth/sign-in-throttle.ts), counted in the database so that every app process sees the same
 * attempts. `deviceCookie` is what the browser sent in its device cookie, if anything.
 */
export async function verifyCredentials(input: unknown, ip: string, deviceCookie?: string | null): Promise<SignedInUser | null> {
  const parsed = credentialsSchema.safeParse(input);
  if (!parsed.success) return null;
  const { email, password } = parsed.data;
  const db = getDb();
  const presentedToken = wellFormedDeviceToken(deviceCookie);
  const presentedHash = presentedToken ? hashToken(presentedToken) : null;

  const source = await sourceOf(email, ip, presentedHash);
  const reserved = await reserveAttempt(email, ip, source, presentedHash);
  if (!reserved.allowed) {
    throw rateLimited({ key: "tooManySignIns", params: { minutes: reserved.retryAfterMinutes } });
  }
  const user = await db.user.findUnique({ where: { email } });
  const passwordMatches = await verifyPassword(user?.passwordHash ?? null, password);
  if (!user || !passwordMatches || user.status !== "active") return null;

  // The browser keeps its device token (it may know other accounts too), or gets its first one.
  const deviceToken = presentedToken ?? newDeviceToken();
  const sessionId = await db.$transaction(async (tx) => {
    await tx.signInAttempt.update({ where: { id: reserved.attemptId }, data: { succeeded: true, deviceHash: hashToken(deviceToken) } });
    return startSession(tx, user.id);
  });
  return { id: user.id, sessionVersion: user.sessionVersion, sessionId, deviceToken };
}

/** Whether this account signed in before with this browser's device token, or from this address. */
async function sourceOf(email: string, ip: string, deviceHash: string | null): Promise<SignInSource> {
  const since = new Date(Date.now() - THROTTLE.knownForDays * 24 * 3_600_000);
  const [known] = await getDb().$queryRaw<{ device: boolean | null; address: boolean | null }[]>`
    SELECT bool_or(device_hash = ${deviceHash}::text) AS device, bool_or(ip = ${ip}::text) AS address
      FROM sign_in_attempts
     WHERE email = ${email}::text AND succeeded AND created_at >= ${since}
       AND (ip = ${ip}::text OR device_hash = ${deviceHash}::text)`;
  if (known?.device) return "known_device";
  if (known?.address) return "known_address";
  return "unknown";
}

// Advisory lock namespaces (the two-key form, which never collides with single-key locks).
const ACCOUNT_LOCK = 1;
const ADDRESS_LOCK = 2;

/**
 * Counts the recent attempts and, if the throttle allows this one, records it as a failure before
 * the password is checked (a success flips it afterwards). Per-account and per-address locks make
 * count and insert one step, so a burst of concurrent attempts cannot all see the same counts; they
 * are held for these few statements only, never during the slow password check. Every caller takes
 * the account lock before the address lock, so two callers never wait for each other in a cycle.
 */
async function reserveAttempt(
  email: string,
  ip: string,
  source: SignInSource,
  deviceHash: string | null,
): Promise<{ allowed: true; attemptId: bigint } | { allowed: false; retryAfterMinutes: number }> {
  const db = getDb();
  return db.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${ACCOUNT_LOCK}::int, hashtext(${email}::text))`;
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${ADDRESS_LOCK}::int, hashtext(${ip}::text))`;
      const now = new Date();
      const since = new Date(now.getTime() - THROTTLE.windowMinutes * 60_000);
      // Statements of their own after the locks, so that they count every attempt committed while this one waited.
      const [account] = await tx.$queryRaw<{ account_failures: number; device_failures: number; pair_failures: number; last_unknown: Date | null }[]>`
        SELECT count(*) FILTER (WHERE NOT succeeded)::int AS account_failures,
               count(*) FILTER (WHERE NOT succeeded AND source = 'known_device' AND device_hash = ${deviceHash}::text)::int AS device_failures,
               count(*) FILTER (WHERE NOT succeeded AND source <> 'known_device' AND ip = ${ip}::text)::int AS pair_failures,
               max(created_at) FILTER (WHERE source = 'unknown') AS last_unknown
          FROM sign_in_attempts
         WHERE email = ${email}::text AND created_at >= ${since}`;
      const [address] = await tx.$queryRaw<{ failures: number }[]>`
        SELECT count(*)::int AS failures FROM sign_in_attempts
         WHERE ip = ${ip}::text AND NOT succeeded AND source <> 'known_device' AND created_at >= ${since}`;
      const counts: AttemptCounts = {
        sourceFailures: source === "known_device" ? (account?.device_failures ?? 0) : (account?.pair_failures ?? 0),
        addressFailures: address?.failures ?? 0,
        accountFailures: account?.account_failures ?? 0,
        lastUnknownAttemptAt: account?.last_unknown ?? null,
      };
      const decision = decideAttempt(source, counts, now);
      if (!decision.allowed) return decision;
      const attempt = await tx.signInAttempt.create({
        data: { email, ip, succeeded: false, source, deviceHash: source === "known_device" ? deviceHash : null, createdAt: now },
        select: { id: true },
      });
      return { allowed: true as const, attemptId: attempt.id };
    },
    // A burst queues for a pooled connection: wait as long as any query may (lib/db.ts), not Prisma's 2 s.
    { maxWait: 5_000, timeout: 10_000 },
  );
}
