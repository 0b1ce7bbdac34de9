// Signing in and the session's view of the user: checked against the database on every request.
import { createHash } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { can } from "@/lib/auth/permissions";
import { loadActor } from "@/lib/auth/load-actor";
import { verifyCredentials } from "@/lib/auth/verify-credentials";
import { changeUserRole } from "@/lib/users/change-user-role";
import { setUserStatus } from "@/lib/users/set-user-status";
import { signOutEverywhere } from "@/lib/users/sign-out-everywhere";
import { expectDomainError, makeAccount, makeUser, requestId, unique } from "@/test/integration/support";

const db = getDb();

afterAll(async () => {
  await db.$disconnect();
});

/** A documentation-range address of this test only, so address throttling never leaks between tests. */
const newIp = () => `198.51.100.${unique()}`;

describe("verifyCredentials", () => {
  it("signs in with the right password and records a successful attempt", async () => {
    const { actor, email, password } = await makeAccount("editor");
    const ip = newIp();
    const user = await verifyCredentials({ email, password }, ip);
    expect(user).toEqual({ id: actor.id, sessionVersion: 0, sessionId: expect.any(String), deviceToken: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/) });
    // The browser's new device token is remembered by its hash only.
    expect(await db.signInAttempt.findMany({ where: { ip }, select: { email: true, succeeded: true, source: true, deviceHash: true } })).toEqual([
      { email, succeeded: true, source: "unknown", deviceHash: createHash("sha256").update(user!.deviceToken).digest("hex") },
    ]);
    expect(await db.userSession.findUniqueOrThrow({ where: { id: user!.sessionId } })).toMatchObject({ userId: actor.id });
  });

  it("accepts the email in another case and with spaces around it", async () => {
    const { actor, email, password } = await makeAccount("reviewer");
    expect(await verifyCredentials({ email: `  ${email.toUpperCase()} `, password }, newIp())).toMatchObject({ id: actor.id });
  });

  it("gives the same answer (null) for a wrong password and for an unknown email", async () => {
    const { email } = await makeAccount("editor");
    const wrongPassword = await verifyCredentials({ email, password: "not the password" }, newIp());
    const unknownEmail = await verifyCredentials({ email: `nobody-${unique()}@test.claimwork.example`, password: "whatever" }, newIp());
    expect(wrongPassword).toBeNull();
    expect(unknownEmail).toBeNull();
  });

  it("refuses a disabled user even with the right password", async () => {
    const { email, password } = await makeAccount("reviewer", "disabled");
    expect(await verifyCredentials({ email, password }, newIp())).toBeNull();
  });

  it("answers null to malformed input instead of throwing", async () => {
    expect(await verifyCredentials({ email: "not-an-email", password: "x" }, newIp())).toBeNull();
    expect(await verifyCredentials(undefined, newIp())).toBeNull();
    expect(await verifyCredentials({ email: `a-${unique()}@test.claimwork.example`, password: "" }, newIp())).toBeNull();
  });

  it("after 5 failures for one account, slows the next attempt from an unknown source, even with the right password", async () => {
    const { email, password } = await makeAccount("editor");
    for (let attempt = 1; attempt <= 5; attempt++) {
      // Different addresses: the account-wide count, not only the one per address.
      expect(await verifyCredentials({ email, password: `wrong-${attempt}` }, newIp())).toBeNull();
    }
    const error = await expectDomainError(verifyCredentials({ email, password }, newIp()), "rate_limited");
    expect(error.message).toBe("Too many sign-in attempts. Try again in 3 minutes.");
  });

  it("throttles one account without locking out another", async () => {
    const victim = await makeAccount("editor");
    const bystander = await makeAccount("editor");
    const ip = newIp();
    for (let attempt = 1; attempt <= 5; attempt++) await verifyCredentials({ email: victim.email, password: "wrong" }, ip);
    await expectDomainError(verifyCredentials({ email: victim.email, password: victim.password }, newIp()), "rate_limited");
    expect(await verifyCredentials({ email: bystander.email, password: bystander.password }, newIp())).toMatchObject({
      id: bystander.actor.id,
    });
  });

  it("after 20 failures from one address, refuses that address for every account it is not known to", async () => {
    const ip = newIp();
    for (let attempt = 1; attempt <= 20; attempt++) {
      await verifyCredentials({ email: `guess-${attempt}-${unique()}@test.claimwork.example`, password: "guess" }, ip);
    }
    const { email, password } = await makeAccount("editor");
    await expectDomainError(verifyCredentials({ email, password }, ip), "rate_limited");
    expect(await verifyCredentials({ email, password }, newIp())).not.toBeNull();
  });
});

describe("loadActor", () => {
  it("reads the new role at once after an admin changes it: a demoted reviewer can no longer review", async () => {
    const admin = await makeUser("admin");
    const reviewer = await makeUser("reviewer");
    expect(can(await loadActor(reviewer.id, requestId()), "verdicts.review")).toBe(true);

    await changeUserRole(admin, { userId: reviewer.id, role: "editor" });

    const demoted = await loadActor(reviewer.id, requestId(), 0);
    expect(demoted).toMatchObject({ id: reviewer.id, role: "editor", status: "active" });
    expect(can(demoted, "verdicts.review")).toBe(false);
    expect(can(demoted, "verdicts.publish")).toBe(false);
    expect(can(demoted, "claims.write")).toBe(true);
  });

  it("returns null once an admin disables the user, and the actor again once re-enabled", async () => {
    const admin = await makeUser("admin");
    const editor = await makeUser("editor");
    await setUserStatus(admin, { userId: editor.id, status: "disabled" });
    expect(await loadActor(editor.id, requestId())).toBeNull();
    await setUserStatus(admin, { userId: editor.id, status: "active" });
    expect(await loadActor(editor.id, requestId())).toMatchObject({ id: editor.id, status: "active" });
  });

  it("does not revive sessions issued before the account was disabled when it is re-enabled", async () => {
    // schema.prisma documents sessionVersion as "bumped on sign-out everywhere, demotion or disabling".
    const admin = await makeUser("admin");
    const { actor, email, password } = await makeAccount("editor");
    const session = await verifyCredentials({ email, password }, newIp());
    await setUserStatus(admin, { userId: actor.id, status: "disabled" });
    await setUserStatus(admin, { userId: actor.id, status: "active" });
    expect(await loadActor(actor.id, requestId(), session!.sessionVersion)).toBeNull();
  });

  it("returns null for a session carrying the version from before sign-out everywhere", async () => {
    const { actor, email, password } = await makeAccount("reviewer");
    const session = await verifyCredentials({ email, password }, newIp());
    expect(await loadActor(actor.id, requestId(), session!.sessionVersion)).not.toBeNull();

    await signOutEverywhere(actor.id);

    expect(await loadActor(actor.id, requestId(), session!.sessionVersion)).toBeNull();
    const fresh = await verifyCredentials({ email, password }, newIp());
    expect(fresh!.sessionVersion).toBe(session!.sessionVersion + 1);
    expect(await loadActor(actor.id, requestId(), fresh!.sessionVersion)).toMatchObject({ id: actor.id, role: "reviewer" });
  });

  it("returns null for a user that does not exist", async () => {
    expect(await loadActor("00000000-0000-4000-8000-000000000000", requestId())).toBeNull();
  });
});
