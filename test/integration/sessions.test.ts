// Session lifetimes: every signed-in session has a row; a request past the idle timeout
// (SESSION_IDLE_MINUTES, 120 by default) or the absolute lifetime (SESSION_MAX_HOURS, 12) is refused,
// and a password change signs the user out everywhere.
import { afterAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { loadActor } from "@/lib/auth/load-actor";
import { getAuthOptions } from "@/lib/auth/auth-options";
import { sessionLimits } from "@/lib/auth/user-sessions";
import { verifyCredentials } from "@/lib/auth/verify-credentials";
import { changePassword } from "@/lib/users/change-password";
import { makeAccount, requestId, unique } from "@/test/integration/support";

const db = getDb();

afterAll(async () => {
  await db.$disconnect();
});

const newIp = () => `198.18.0.${unique()}`;
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

async function signedIn() {
  const account = await makeAccount("editor");
  const session = await verifyCredentials({ email: account.email, password: account.password }, newIp());
  if (!session) throw new Error("could not sign in");
  return { ...account, session };
}

/** The request a session token makes: getActor passes the token's user, version and session id. */
const request = (session: { id: string; sessionVersion: number; sessionId: string }) =>
  loadActor(session.id, requestId(), session.sessionVersion, session.sessionId);

/** Moves the session's sign-in and last request back in time. */
async function age(sessionId: string, { createdAgo, seenAgo }: { createdAgo: number; seenAgo: number }) {
  const now = Date.now();
  await db.userSession.update({ where: { id: sessionId }, data: { createdAt: new Date(now - createdAgo), lastSeenAt: new Date(now - seenAgo) } });
}

describe("session lifetimes", () => {
  it("default to a 120-minute idle timeout and a 12-hour absolute lifetime, and the token never outlives the latter", () => {
    expect(sessionLimits()).toEqual({ idleMs: 120 * MINUTE, maxMs: 12 * HOUR });
    const options = getAuthOptions();
    // Without jwt.maxAge, next-auth signs a sign-in token for 30 days.
    expect(options.jwt?.maxAge).toBe(12 * 60 * 60);
    expect(options.session?.maxAge).toBe(12 * 60 * 60);
  });

  it("a session token carries its session row's id", async () => {
    const { session } = await signedIn();
    const jwt = getAuthOptions().callbacks!.jwt!;
    const token = await jwt({ token: { sub: "x" }, user: { id: session.id, sessionVersion: session.sessionVersion, sid: session.sessionId } as never, account: null });
    expect(token).toMatchObject({ sub: session.id, sessionVersion: 0, sid: session.sessionId });
  });

  it("a session in use stays alive, and each request (at most once a minute) marks it as used", async () => {
    const { session, actor } = await signedIn();
    await age(session.sessionId, { createdAgo: 3 * HOUR, seenAgo: 119 * MINUTE });
    expect(await request(session)).toMatchObject({ id: actor.id });
    const row = await db.userSession.findUniqueOrThrow({ where: { id: session.sessionId } });
    expect(Date.now() - row.lastSeenAt.getTime()).toBeLessThan(MINUTE);
  });

  it("ends after the idle timeout without a request", async () => {
    const { session } = await signedIn();
    await age(session.sessionId, { createdAgo: 3 * HOUR, seenAgo: 121 * MINUTE });
    expect(await request(session)).toBeNull();
  });

  it("ends after the absolute lifetime however busy it is", async () => {
    const { session } = await signedIn();
    await age(session.sessionId, { createdAgo: 12 * HOUR + MINUTE, seenAgo: 0 });
    expect(await request(session)).toBeNull();
    await age(session.sessionId, { createdAgo: 12 * HOUR - MINUTE, seenAgo: 0 });
    expect(await request(session)).not.toBeNull();
  });

  it("a token naming no session row, or another user's, is refused", async () => {
    const first = await signedIn();
    const second = await signedIn();
    expect(await request({ ...first.session, sessionId: second.session.sessionId })).toBeNull();
    expect(await request({ ...first.session, sessionId: "00000000-0000-4000-8000-000000000000" })).toBeNull();
    expect(await request({ ...first.session, sessionId: "not-a-uuid" })).toBeNull();
  });

  it("signing in again drops this user's ended sessions", async () => {
    const { session, email, password } = await signedIn();
    await age(session.sessionId, { createdAgo: 13 * HOUR, seenAgo: 13 * HOUR });
    await verifyCredentials({ email, password }, newIp());
    expect(await db.userSession.findUnique({ where: { id: session.sessionId } })).toBeNull();
  });

  it("changing the password signs the user out everywhere: every other session, and this one", async () => {
    const { actor, email, password, session: here } = await signedIn();
    const elsewhere = await verifyCredentials({ email, password }, newIp());
    expect(await request(elsewhere!)).not.toBeNull();

    const newPassword = `a new password ${unique()}`;
    await changePassword(actor, { currentPassword: password, newPassword, confirmation: newPassword });

    expect(await request(elsewhere!)).toBeNull();
    expect(await request(here)).toBeNull();
    expect(await db.userSession.count({ where: { userId: actor.id } })).toBe(0);
    expect(await verifyCredentials({ email, password }, newIp())).toBeNull();
    const fresh = await verifyCredentials({ email, password: newPassword }, newIp());
    expect(fresh!.sessionVersion).toBe(here.sessionVersion + 1);
    expect(await request(fresh!)).toMatchObject({ id: actor.id });
  });
});
