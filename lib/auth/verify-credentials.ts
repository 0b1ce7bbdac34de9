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

  const since = new Date(Date.now() - WINDOW_MINUTES * 60_000);
  const [accountFailures, addressFailures] = await Promise.all([
    db.signInAttempt.count({ where: { email, succeeded: false, createdAt: { gte: since } } }),
    db.signInAttempt.count({ where: { ip, succeeded: false, createdAt: { gte: since } } }),
  ]);
  if (accountFailures >= MAX_FAILURES_PER_ACCOUNT || addressFailures >= MAX_FAILURES_PER_ADDRESS) {
    throw new DomainError("rate_limited", `Too many sign-in attempts. Try again in ${WINDOW_MINUTES} minutes.`);
  }

  const user = await db.user.findUnique({ where: { email } });
  const passwordMatches = await verifyPassword(user?.passwordHash ?? null, password);
  const succeeded = Boolean(user && passwordMatches && user.status === "active");
  await db.signInAttempt.create({ data: { email, ip, succeeded } });
  return succeeded && user ? { id: user.id, sessionVersion: user.sessionVersion } : null;
}
