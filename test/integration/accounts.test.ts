// Accounts: invitations and reset links (one use, expiring, stored as a sha256 only), redeeming
// them, and changing one's own password. Every refusal writes nothing.
import { createHash } from "node:crypto";
import { readFile, readdir } from "node:fs/promises";
import path from "node:path";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { getDb } from "@/lib/db";
import { verifyCredentials } from "@/lib/auth/verify-credentials";
import { loadActor } from "@/lib/auth/load-actor";
import { inviteUser } from "@/lib/users/invite-user";
import { createResetLink } from "@/lib/users/create-reset-link";
import { redeemAccountLink } from "@/lib/users/redeem-account-link";
import { readAccountLink } from "@/lib/users/read-account-link";
import { changePassword } from "@/lib/users/change-password";
import { listPendingInvitations } from "@/lib/users/list-pending-invitations";
import { setUserStatus } from "@/lib/users/set-user-status";
import { databaseRefusal, expectRefusedWithoutWrites, makeAccount, makeUser, requestId, rowsWrittenBy, unique } from "@/test/integration/support";

const db = getDb();

afterAll(async () => {
  await db.$disconnect();
});
afterEach(() => {
  vi.useRealTimers();
});

const newIp = () => `198.18.1.${unique()}`;
const tokenOf = (linkPath: string) => linkPath.replace(/^\/account\/link\//, "");
const sha256 = (value: string) => createHash("sha256").update(value).digest("hex");
const newPassword = () => `a long new password ${unique()}`;
const invitee = () => ({ email: `invited-${unique()}@test.claimwork.example`, name: `Invited ${unique()}`, role: "reviewer" as const });

describe("inviting a person", () => {
  it("creates a link, not an account; the person chooses the password and the account starts there", async () => {
    const admin = await makeUser("admin");
    const person = invitee();
    let invitation: Awaited<ReturnType<typeof inviteUser>> | undefined;
    const invited = await rowsWrittenBy(async () => {
      invitation = await inviteUser(admin, person);
    });
    expect(invited).toEqual({ account_links: 1, audit_events: 1 });
    expect(await db.user.count({ where: { email: person.email } })).toBe(0);
    const token = tokenOf(invitation!.path);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(new Date(invitation!.expiresAt).getTime() - Date.now()).toBeGreaterThan(71.9 * 3_600_000);
    expect((await listPendingInvitations(admin)).map((row) => row.email)).toContain(person.email);

    expect(await readAccountLink(token)).toMatchObject({ kind: "invitation", email: person.email, name: person.name });
    const password = newPassword();
    const redeemed = await rowsWrittenBy(() => redeemAccountLink({ token, newPassword: password, confirmation: password }));
    expect(redeemed).toEqual({ users: 1, audit_events: 1 });
    const user = await db.user.findUniqueOrThrow({ where: { email: person.email } });
    expect(user).toMatchObject({ name: person.name, role: "reviewer", status: "active" });
    expect(await db.auditEvent.findFirst({ where: { entityId: user.id, action: "user.created" } })).toMatchObject({ actorId: user.id });
    expect(await verifyCredentials({ email: person.email, password }, newIp())).toMatchObject({ id: user.id });
    expect((await listPendingInvitations(admin)).map((row) => row.email)).not.toContain(person.email);
  });

  it("the database never holds the token: only its sha256, in the link row, and nowhere in the audit log", async () => {
    const admin = await makeUser("admin");
    const { path: linkPath, linkId } = await inviteUser(admin, invitee());
    const token = tokenOf(linkPath);
    expect(await db.accountLink.findUniqueOrThrow({ where: { id: linkId } })).toMatchObject({ tokenHash: sha256(token) });
    const [found] = await db.$queryRaw<{ n: number }[]>`
      SELECT ((SELECT count(*) FROM account_links t WHERE t::text LIKE ${`%${token}%`})
            + (SELECT count(*) FROM audit_events t WHERE t::text LIKE ${`%${token}%`}))::int AS n`;
    expect(found!.n).toBe(0);
  });

  it("is one use: a second redemption is refused and writes nothing, and the database refuses to reuse the row", async () => {
    const admin = await makeUser("admin");
    const { path: linkPath, linkId } = await inviteUser(admin, invitee());
    const token = tokenOf(linkPath);
    const password = newPassword();
    await redeemAccountLink({ token, newPassword: password, confirmation: password });
    const again = await expectRefusedWithoutWrites(() => redeemAccountLink({ token, newPassword: password, confirmation: password }), "not_found");
    expect(again.message).toMatch(/already used, has expired/);
    expect(await readAccountLink(token)).toBeNull();
    expect((await databaseRefusal((tx) => tx.accountLink.update({ where: { id: linkId }, data: { usedAt: null, userId: null } }))).code).toBe("23000");
    expect((await databaseRefusal((tx) => tx.accountLink.delete({ where: { id: linkId } }))).code).toBe("23000");
  });

  it("two people redeeming one link at once: one account, one refusal", async () => {
    const admin = await makeUser("admin");
    const person = invitee();
    const token = tokenOf((await inviteUser(admin, person)).path);
    const results = await Promise.allSettled([0, 1].map(() => {
      const password = newPassword();
      return redeemAccountLink({ token, newPassword: password, confirmation: password });
    }));
    expect(results.map((result) => result.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect(await db.user.count({ where: { email: person.email } })).toBe(1);
  });

  it("expires after ACCOUNT_LINK_HOURS (72 by default)", async () => {
    const admin = await makeUser("admin");
    const token = tokenOf((await inviteUser(admin, invitee())).path);
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now() + 72 * 3_600_000 + 60_000);
    expect(await readAccountLink(token)).toBeNull();
    const password = newPassword();
    await expectRefusedWithoutWrites(() => redeemAccountLink({ token, newPassword: password, confirmation: password }), "not_found");
  });

  it("a newer invitation for the same email replaces the older one", async () => {
    const admin = await makeUser("admin");
    const person = invitee();
    const first = tokenOf((await inviteUser(admin, person)).path);
    const second = tokenOf((await inviteUser(admin, { ...person, role: "editor" })).path);
    const password = newPassword();
    await expectRefusedWithoutWrites(() => redeemAccountLink({ token: first, newPassword: password, confirmation: password }), "not_found");
    await redeemAccountLink({ token: second, newPassword: password, confirmation: password });
    expect(await db.user.findUniqueOrThrow({ where: { email: person.email } })).toMatchObject({ role: "editor" });
  });

  it("is refused, writing nothing, to non-admins, for an existing email, and for bad input", async () => {
    const admin = await makeUser("admin");
    const existing = await makeAccount("editor");
    const reviewer = await makeUser("reviewer");
    await expectRefusedWithoutWrites(() => inviteUser(reviewer, invitee()), "forbidden");
    await expectRefusedWithoutWrites(() => inviteUser(null as never, invitee()), "unauthenticated");
    await expectRefusedWithoutWrites(() => inviteUser(admin, { ...invitee(), email: existing.email.toUpperCase() }), "conflict");
    await expectRefusedWithoutWrites(() => inviteUser(admin, { ...invitee(), email: "not an email" }), "invalid");
    await expectRefusedWithoutWrites(() => inviteUser(admin, { ...invitee(), name: "  " }), "invalid");
    await expectRefusedWithoutWrites(() => inviteUser(admin, { ...invitee(), role: "owner" as never }), "invalid");
    await expectRefusedWithoutWrites(() => inviteUser(admin, { ...invitee(), name: "a\u0000b" }), "invalid");
  });

  it("no use case takes a password an admin chose: the invitation ignores one, and app/ never creates users directly", async () => {
    const admin = await makeUser("admin");
    const person = invitee();
    await inviteUser(admin, { ...person, password: "chosen-by-the-admin-123" } as never);
    expect(await db.user.count({ where: { email: person.email } })).toBe(0);
    expect(await verifyCredentials({ email: person.email, password: "chosen-by-the-admin-123" }, newIp())).toBeNull();
    // ensureUser (a password given in code) is for the seed only.
    const files = await readdir(path.resolve("app"), { recursive: true });
    const sources = await Promise.all(files.filter((file) => /\.tsx?$/.test(file)).map((file) => readFile(path.resolve("app", file), "utf8")));
    expect(sources.filter((source) => source.includes("ensure-user"))).toEqual([]);
  });
});

describe("redeeming a link with a bad password", () => {
  it("is refused with a clear message, writes nothing, and leaves the link usable", async () => {
    const admin = await makeUser("admin");
    const person = invitee();
    const token = tokenOf((await inviteUser(admin, person)).path);
    const short = await expectRefusedWithoutWrites(() => redeemAccountLink({ token, newPassword: "short", confirmation: "short" }), "invalid");
    expect(short.message).toMatch(/at least 12 characters/);
    const blank = " ".repeat(20);
    await expectRefusedWithoutWrites(() => redeemAccountLink({ token, newPassword: blank, confirmation: blank }), "invalid");
    const mismatch = await expectRefusedWithoutWrites(() => redeemAccountLink({ token, newPassword: newPassword(), confirmation: newPassword() }), "invalid");
    expect(mismatch.message).toMatch(/not the same/);
    await expectRefusedWithoutWrites(() => redeemAccountLink({ token, newPassword: person.email, confirmation: person.email }), "invalid");
    const long = "x".repeat(257);
    await expectRefusedWithoutWrites(() => redeemAccountLink({ token, newPassword: long, confirmation: long }), "invalid");
    await expectRefusedWithoutWrites(() => redeemAccountLink({ token: "abc", newPassword: "a long enough password", confirmation: "a long enough password" }), "invalid");
    const unknown = "A".repeat(43);
    await expectRefusedWithoutWrites(() => redeemAccountLink({ token: unknown, newPassword: "a long enough password", confirmation: "a long enough password" }), "not_found");
    expect(await readAccountLink(token)).not.toBeNull();
  });
});

describe("a reset link", () => {
  it("lets the person choose a new password: the old one stops working and every session ends", async () => {
    const admin = await makeUser("admin");
    const { actor, email, password } = await makeAccount("editor");
    const session = await verifyCredentials({ email, password }, newIp());
    const { path: linkPath } = await createResetLink(admin, { userId: actor.id });
    const token = tokenOf(linkPath);
    // Until it is used, the current password keeps working.
    expect(await verifyCredentials({ email, password }, newIp())).not.toBeNull();
    expect(await readAccountLink(token)).toMatchObject({ kind: "password_reset", email, name: actor.name });

    const chosen = newPassword();
    const written = await rowsWrittenBy(() => redeemAccountLink({ token, newPassword: chosen, confirmation: chosen }));
    expect(written).toEqual({ audit_events: 1, user_sessions: -2 });
    expect(await loadActor(actor.id, requestId(), session!.sessionVersion, session!.sessionId)).toBeNull();
    expect(await verifyCredentials({ email, password }, newIp())).toBeNull();
    expect(await verifyCredentials({ email, password: chosen }, newIp())).toMatchObject({ id: actor.id });
    await expectRefusedWithoutWrites(() => redeemAccountLink({ token, newPassword: chosen, confirmation: chosen }), "not_found");
  });

  it("is refused, writing nothing, for oneself, a disabled account, an unknown user and non-admins", async () => {
    const admin = await makeUser("admin");
    const disabled = await makeUser("editor", "disabled");
    await expectRefusedWithoutWrites(() => createResetLink(admin, { userId: admin.id }), "invalid");
    const refusal = await expectRefusedWithoutWrites(() => createResetLink(admin, { userId: disabled.id }), "invalid");
    expect(refusal.message).toMatch(/disabled: enable it first/);
    await expectRefusedWithoutWrites(() => createResetLink(admin, { userId: "00000000-0000-4000-8000-000000000000" }), "not_found");
    await expectRefusedWithoutWrites(() => createResetLink(admin, { userId: "nope" }), "invalid");
    const editor = await makeUser("editor");
    await expectRefusedWithoutWrites(() => createResetLink(editor, { userId: disabled.id }), "forbidden");
  });

  it("stops working when the account is disabled before it is used", async () => {
    const admin = await makeUser("admin");
    const { actor } = await makeAccount("editor");
    const token = tokenOf((await createResetLink(admin, { userId: actor.id })).path);
    await setUserStatus(admin, { userId: actor.id, status: "disabled" });
    const chosen = newPassword();
    await expectRefusedWithoutWrites(() => redeemAccountLink({ token, newPassword: chosen, confirmation: chosen }), "not_found");
  });
});

describe("changing one's own password", () => {
  it("needs the current password; a refusal writes nothing", async () => {
    const { actor, password, email } = await makeAccount("reviewer");
    const chosen = newPassword();
    const wrong = await expectRefusedWithoutWrites(() => changePassword(actor, { currentPassword: "not it", newPassword: chosen, confirmation: chosen }), "invalid");
    expect(wrong.message).toMatch(/not your current password/);
    await expectRefusedWithoutWrites(() => changePassword(actor, { currentPassword: password, newPassword: "short", confirmation: "short" }), "invalid");
    await expectRefusedWithoutWrites(() => changePassword(actor, { currentPassword: password, newPassword: chosen, confirmation: `${chosen}!` }), "invalid");
    await expectRefusedWithoutWrites(() => changePassword(actor, { currentPassword: password, newPassword: password, confirmation: password }), "invalid");
    await expectRefusedWithoutWrites(() => changePassword(actor, { currentPassword: password, newPassword: email, confirmation: email }), "invalid");
    await expectRefusedWithoutWrites(() => changePassword(null as never, { currentPassword: password, newPassword: chosen, confirmation: chosen }), "unauthenticated");
    const disabled = await makeUser("editor", "disabled");
    await expectRefusedWithoutWrites(() => changePassword(disabled, { currentPassword: password, newPassword: chosen, confirmation: chosen }), "forbidden");
  });

  it("every role may change theirs, with one audit row that holds no password", async () => {
    for (const role of ["editor", "reviewer", "admin"] as const) {
      const { actor, password, email } = await makeAccount(role);
      const chosen = newPassword();
      const written = await rowsWrittenBy(() => changePassword(actor, { currentPassword: password, newPassword: chosen, confirmation: chosen }));
      expect(written).toEqual({ audit_events: 1 });
      const audit = await db.auditEvent.findFirstOrThrow({ where: { entityId: actor.id, action: "user.password_changed" } });
      expect(JSON.stringify({ before: audit.before, after: audit.after })).not.toContain(chosen);
      expect(await verifyCredentials({ email, password: chosen }, newIp())).toMatchObject({ id: actor.id });
    }
  });
});
