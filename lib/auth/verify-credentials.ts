import { z } from "zod";
import { getDb } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import { verifyPassword } from "@/lib/auth/passwords";

const WINDOW_MINUTES = 15;
const MAX_FAILURES_PER_ACCOUNT = 5;
const MAX_FAILURES_PER_ADDRESS = 20;

const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().email().max(254),
  password: z.string().min(1).max(1024),
});

export type SignedInUser = { id: string; sessionVersion: number };

/**
 * Checks an email and password. One answer (null) for an unknown account, a wrong password and a
 * disabled user; throttled per account and per address, counted in the database so that every app
 * process sees the same attempts.
 */
export async function verifyCredentials(input: unknown, ip: string): Promise<SignedInUser | null> {
  const parsed = credentialsSchema.safeParse(input);
  if (!parsed.success) return null;
  const { email, password } = parsed.data;
  const db = getDb();

  const attemptId = await reserveAttempt(email, ip);
  if (attemptId === null) {
    throw new DomainError("rate_limited", `Too many sign-in attempts. Try again in ${WINDOW_MINUTES} minutes.`);
  }
  const user = await db.user.findUnique({ where: { email } });
  const passwordMatches = await verifyPassword(user?.passwordHash ?? null, password);
  const succeeded = Boolean(user && passwordMatches && user.status === "active");
  if (succeeded) await db.signInAttempt.update({ where: { id: attemptId }, data: { succeeded: true } });
  return succeeded && user ? { id: user.id, sessionVersion: user.sessionVersion } : null;
}

// Advisory lock namespaces (the two-key form, which never collides with single-key locks).
const ACCOUNT_LOCK = 1;
const ADDRESS_LOCK = 2;

/**
 * Counts the recent failures and, if under both limits, records this attempt as a failure before the
 * password is checked (a success flips it afterwards). Per-account and per-address locks make count
 * and insert one step, so a burst of concurrent attempts cannot all see the same count; they are held
 * for these three statements only, never during the slow password check. Every caller takes the
 * account lock before the address lock, so two callers never wait for each other in a cycle.
 * Returns the attempt's id, or null when a limit is reached.
 */
async function reserveAttempt(email: string, ip: string): Promise<bigint | null> {
  const db = getDb();
  const since = new Date(Date.now() - WINDOW_MINUTES * 60_000);
  const [, , reserved] = await db.$transaction([
    db.$executeRaw`SELECT pg_advisory_xact_lock(${ACCOUNT_LOCK}::int, hashtext(${email}::text))`,
    db.$executeRaw`SELECT pg_advisory_xact_lock(${ADDRESS_LOCK}::int, hashtext(${ip}::text))`,
    // A statement of its own, so that it counts every attempt committed while this one waited.
    db.$queryRaw<{ id: bigint }[]>`
      INSERT INTO sign_in_attempts (email, ip, succeeded)
      SELECT ${email}::text, ${ip}::text, false
       WHERE (SELECT count(*) FROM sign_in_attempts
               WHERE email = ${email}::text AND NOT succeeded AND created_at >= ${since}) < ${MAX_FAILURES_PER_ACCOUNT}::int
         AND (SELECT count(*) FROM sign_in_attempts
               WHERE ip = ${ip}::text AND NOT succeeded AND created_at >= ${since}) < ${MAX_FAILURES_PER_ADDRESS}::int
      RETURNING id`,
    // A burst queues for a pooled connection: wait as long as any query may (lib/db.ts), not Prisma's 2 s.
  ], { maxWait: 5_000 });
  return reserved[0]?.id ?? null;
}
