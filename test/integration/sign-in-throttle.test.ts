// The sign-in throttle's model (lib/auth/sign-in-throttle.ts): strangers' failures slow and refuse
// strangers, never the owner from a browser (device cookie) or an address they signed in from before.
import { afterAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { verifyCredentials } from "@/lib/auth/verify-credentials";
import { newDeviceToken } from "@/lib/auth/device-token";
import { expectDomainError, makeAccount, unique } from "@/test/integration/support";

const db = getDb();

afterAll(async () => {
  await db.$disconnect();
});

/** A documentation-range address of this test only. */
const newIp = () => `192.0.2.${unique()}`;

/** The owner signs in once, as from their usual browser: returns that browser's device token and address. */
async function ownerSignedInBefore(email: string, password: string): Promise<{ device: string; ip: string }> {
  const ip = newIp();
  const user = await verifyCredentials({ email, password }, ip);
  expect(user).not.toBeNull();
  return { device: user!.deviceToken, ip };
}

/** Moves every attempt of this account back in time, as if `minutes` had passed. */
async function minutesPass(email: string, minutes: number): Promise<void> {
  await db.$executeRaw`UPDATE sign_in_attempts SET created_at = created_at - make_interval(mins => ${minutes}::int) WHERE email = ${email}::text`;
}

describe("a stranger guessing an account's password", () => {
  it("from many addresses: after 5 failures strangers are slowed, but the owner signs in from the browser they used before, from any address", async () => {
    const { email, password, actor } = await makeAccount("editor");
    const owner = await ownerSignedInBefore(email, password);
    let refused = 0;
    for (let attempt = 1; attempt <= 8; attempt++) {
      await verifyCredentials({ email, password: `wrong-${attempt}` }, newIp()).catch(() => (refused += 1));
    }
    expect(refused).toBe(3);
    // A stranger with the right password from a new place is slowed too: the throttle cannot tell them apart.
    await expectDomainError(verifyCredentials({ email, password }, newIp()), "rate_limited");
    // The owner's browser, even on a new network, is known: not slowed.
    expect(await verifyCredentials({ email, password }, newIp(), owner.device)).toMatchObject({ id: actor.id, deviceToken: owner.device });
    // And from the address they signed in from before, even without the cookie (another browser there).
    expect(await verifyCredentials({ email, password }, owner.ip)).toMatchObject({ id: actor.id });
  });

  it("from the owner's own address (everyone behind one proxy): cookie-less attempts there are refused after 5 failures, the owner's browser is not", async () => {
    const { email, password, actor } = await makeAccount("reviewer");
    const owner = await ownerSignedInBefore(email, password);
    for (let attempt = 1; attempt <= 5; attempt++) expect(await verifyCredentials({ email, password: `wrong-${attempt}` }, owner.ip)).toBeNull();
    const error = await expectDomainError(verifyCredentials({ email, password }, owner.ip), "rate_limited");
    expect(error.message).toBe("Too many sign-in attempts. Try again in 15 minutes.");
    expect(await verifyCredentials({ email, password }, owner.ip, owner.device)).toMatchObject({ id: actor.id });
    const sources = await db.signInAttempt.groupBy({ by: ["source", "succeeded"], where: { email }, _count: true, orderBy: [{ source: "asc" }, { succeeded: "asc" }] });
    expect(sources.map((row) => [row.source, row.succeeded, row._count])).toEqual([
      ["known_device", true, 1],
      ["known_address", false, 5],
      ["unknown", true, 1],
    ]);
  });

  it("is still slowed when spraying one account from many addresses: 5 fast guesses, then one every 3 minutes", async () => {
    const { email } = await makeAccount("editor");
    const answers: string[] = [];
    const guess = async () => {
      try {
        answers.push((await verifyCredentials({ email, password: `guess-${unique()}` }, newIp())) === null ? "checked" : "signed in");
      } catch (error) {
        answers.push((error as { code?: string }).code ?? "error");
      }
    };
    for (let n = 0; n < 7; n++) await guess();
    expect(answers).toEqual(["checked", "checked", "checked", "checked", "checked", "rate_limited", "rate_limited"]);
    await minutesPass(email, 2);
    await guess();
    expect(answers.at(-1)).toBe("rate_limited");
    await minutesPass(email, 1);
    await guess();
    await guess();
    expect(answers.slice(-2)).toEqual(["checked", "rate_limited"]);
    expect(await db.signInAttempt.count({ where: { email } })).toBe(6);
  });

  it("is refused per address when spraying many accounts from one address, except for accounts that address is known to", async () => {
    const regular = await makeAccount("editor");
    const ip = newIp();
    expect(await verifyCredentials({ email: regular.email, password: regular.password }, ip)).not.toBeNull();
    for (let attempt = 1; attempt <= 20; attempt++) {
      await verifyCredentials({ email: `spray-${attempt}-${unique()}@test.claimwork.example`, password: "guess" }, ip);
    }
    const stranger = await makeAccount("editor");
    await expectDomainError(verifyCredentials({ email: stranger.email, password: stranger.password }, ip), "rate_limited");
    expect(await verifyCredentials({ email: regular.email, password: regular.password }, ip)).toMatchObject({ id: regular.actor.id });
  });

  it("a device cookie counts only for the accounts that signed in with it, and is throttled too", async () => {
    const owner = await makeAccount("editor");
    const other = await makeAccount("editor");
    const { device } = await ownerSignedInBefore(owner.email, owner.password);
    // The other account never signed in with this browser: it is a stranger's browser for that account.
    for (let attempt = 1; attempt <= 5; attempt++) await verifyCredentials({ email: other.email, password: "wrong" }, newIp(), device);
    await expectDomainError(verifyCredentials({ email: other.email, password: other.password }, newIp(), device), "rate_limited");
    // Five failures with the owner's own device (a stolen cookie) refuse that device for that account.
    const ip = newIp();
    for (let attempt = 1; attempt <= 5; attempt++) expect(await verifyCredentials({ email: owner.email, password: "wrong" }, ip, device)).toBeNull();
    await expectDomainError(verifyCredentials({ email: owner.email, password: owner.password }, newIp(), device), "rate_limited");
    // A malformed cookie is ignored (an unknown source, slowed like any), a fresh one is not known to anybody.
    await expectDomainError(verifyCredentials({ email: owner.email, password: owner.password }, newIp(), "not a token"), "rate_limited");
    await expectDomainError(verifyCredentials({ email: other.email, password: other.password }, newIp(), newDeviceToken()), "rate_limited");
  });

  it("a known source's attempt is recorded before its password is checked, like every other", async () => {
    const { email, password } = await makeAccount("reviewer");
    const owner = await ownerSignedInBefore(email, password);
    const before = await db.signInAttempt.count({ where: { email } });
    expect(await verifyCredentials({ email, password: "wrong" }, newIp(), owner.device)).toBeNull();
    expect(await db.signInAttempt.findFirstOrThrow({ where: { email }, orderBy: { id: "desc" } })).toMatchObject({ source: "known_device", succeeded: false });
    expect(await db.signInAttempt.count({ where: { email } })).toBe(before + 1);
  });
});
