// Sign-in throttling under a burst of concurrent attempts: the limits (5 failures per account before
// strangers are slowed to one attempt every 3 minutes, 20 per address, per 15 minutes) hold however many attempts arrive at once, and a refused attempt never
// reaches the password check. verifyPassword is the real argon2 check, only counted.
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { getDb } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import { verifyPassword } from "@/lib/auth/passwords";
import { verifyCredentials } from "@/lib/auth/verify-credentials";
import { makeAccount, unique } from "@/test/integration/support";

vi.mock("@/lib/auth/passwords", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@/lib/auth/passwords")>();
  return { ...actual, verifyPassword: vi.fn(actual.verifyPassword) };
});

const db = getDb();
const BURST = 30;

afterAll(async () => {
  await db.$disconnect();
});

beforeEach(() => {
  vi.mocked(verifyPassword).mockClear();
});

const newIp = () => `203.0.113.${unique()}`;

type Answer = "signed in" | "null" | "too many attempts" | string;

/** Fires all attempts at once and tallies the answers. */
async function burst(attempts: { email: string; password: string; ip: string }[]): Promise<Record<Answer, number>> {
  const results = await Promise.allSettled(attempts.map(({ email, password, ip }) => verifyCredentials({ email, password }, ip)));
  const tally: Record<Answer, number> = {};
  for (const result of results) {
    const answer =
      result.status === "fulfilled"
        ? result.value === null
          ? "null"
          : "signed in"
        : result.reason instanceof DomainError && result.reason.code === "rate_limited"
          ? "too many attempts"
          : `unexpected: ${String(result.reason)}`;
    tally[answer] = (tally[answer] ?? 0) + 1;
  }
  return tally;
}

describe(`a burst of ${BURST} concurrent sign-in attempts`, () => {
  it("with wrong passwords for one account (from many addresses): 5 are checked, the rest are refused unchecked", async () => {
    const { email, password } = await makeAccount("editor");
    const tally = await burst(Array.from({ length: BURST }, (_, i) => ({ email, password: `wrong-${i}`, ip: newIp() })));
    expect(tally).toEqual({ null: 5, "too many attempts": BURST - 5 });
    expect(vi.mocked(verifyPassword)).toHaveBeenCalledTimes(5);
    expect(await db.signInAttempt.count({ where: { email } })).toBe(5);
    // From a browser and an address the account does not know, even its owner with the right
    // password is slowed (test/integration/sign-in-throttle.test.ts: not from where they signed in before).
    await expect(verifyCredentials({ email, password }, newIp())).rejects.toMatchObject({ code: "rate_limited" });
  });

  it("for an unknown account gets exactly the same answers as for a real one", async () => {
    const email = `nobody-${unique()}@test.claimwork.example`;
    const tally = await burst(Array.from({ length: BURST }, (_, i) => ({ email, password: `wrong-${i}`, ip: newIp() })));
    expect(tally).toEqual({ null: 5, "too many attempts": BURST - 5 });
    expect(vi.mocked(verifyPassword)).toHaveBeenCalledTimes(5);
  });

  it("from one address against many accounts: 20 are checked, the rest are refused unchecked", async () => {
    const ip = newIp();
    const tally = await burst(
      Array.from({ length: BURST }, (_, i) => ({ email: `guess-${i}-${unique()}@test.claimwork.example`, password: "guess", ip })),
    );
    expect(tally).toEqual({ null: 20, "too many attempts": BURST - 20 });
    expect(vi.mocked(verifyPassword)).toHaveBeenCalledTimes(20);
    expect(await db.signInAttempt.count({ where: { ip } })).toBe(20);
  });

  it("with the right password among wrong ones: a success does not count as a failure", async () => {
    const { actor, email, password } = await makeAccount("reviewer");
    const tally = await burst([
      { email, password, ip: newIp() },
      ...Array.from({ length: 3 }, (_, i) => ({ email, password: `wrong-${i}`, ip: newIp() })),
    ]);
    expect(tally).toEqual({ "signed in": 1, null: 3 });
    // 3 failures so far: two more wrong attempts are still checked, then the account is locked.
    expect(await burst(Array.from({ length: 4 }, (_, i) => ({ email, password: `again-${i}`, ip: newIp() })))).toEqual({
      null: 2,
      "too many attempts": 2,
    });
    expect(await db.signInAttempt.findMany({ where: { email, succeeded: true }, select: { email: true } })).toEqual([{ email: actor.email }]);
  });
});
