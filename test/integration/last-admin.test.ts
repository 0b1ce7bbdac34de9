// The newsroom always keeps an active admin. Two admins who demote or disable each other at the same
// moment, each in their own transaction on their own pooled connection, must end with exactly one
// change made: the other admin, no longer an admin by then, is refused and writes nothing.
//
// "At least one active admin" is a property of the whole users table, which every integration file
// shares. So that each round starts with its two admins as the newsroom's only active admins (and
// losing both would leave none), the file disables every other active admin for its duration,
// directly in SQL and without audit rows, and enables them again at the end.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import type { Actor } from "@/lib/auth/actor";
import type { AuditAction } from "@/lib/audit/record-audit-event";
import { changeUserRole } from "@/lib/users/change-user-role";
import { setUserStatus } from "@/lib/users/set-user-status";
import { expectRefusedWithoutWrites, makeUser, rowsWrittenBy } from "@/test/integration/support";

const db = getDb();
const ROUNDS = 100;
const NO_LONGER_ADMIN = /^You are no longer an active admin/;

let adminA: Actor;
let adminB: Actor;
let setAside: string[] = [];

beforeAll(async () => {
  [adminA, adminB] = await Promise.all([makeUser("admin"), makeUser("admin")]);
  const disabled = await db.$queryRaw<{ id: string }[]>`
    UPDATE users SET status = 'disabled'
     WHERE role = 'admin' AND status = 'active' AND id NOT IN (${adminA.id}::uuid, ${adminB.id}::uuid)
    RETURNING id::text`;
  setAside = disabled.map((row) => row.id);
});

beforeEach(restoreBothAdmins);

afterAll(async () => {
  await db.$executeRaw`UPDATE users SET status = 'active' WHERE id::text = ANY(${setAside})`;
  await db.$disconnect();
});

/** Ids of the newsroom's active admins. */
async function activeAdmins(): Promise<string[]> {
  const admins = await db.user.findMany({ where: { role: "admin", status: "active" }, select: { id: true } });
  return admins.map((admin) => admin.id);
}

/** Makes A and B the newsroom's only active admins again (the file set every other one aside). */
async function restoreBothAdmins(): Promise<void> {
  await db.user.updateMany({ where: { id: { in: [adminA.id, adminB.id] } }, data: { role: "admin", status: "active" } });
}

interface Contender {
  actor: Actor;
  run: () => Promise<unknown>;
  action: AuditAction;
}

const demote = (actor: Actor, target: Actor): Contender => ({
  actor,
  run: () => changeUserRole(actor, { userId: target.id, role: "editor" }),
  action: "user.role_changed",
});

const disable = (actor: Actor, target: Actor): Contender => ({
  actor,
  run: () => setUserStatus(actor, { userId: target.id, status: "disabled" }),
  action: "user.status_changed",
});

const totals = { races: 0, noAdminLeft: 0 };

/**
 * Runs the race ROUNDS times, the two calls started together (in alternating order), and returns
 * every problem seen, each naming its round.
 */
async function runRace(contenders: [Contender, Contender]): Promise<string[]> {
  const problems: string[] = [];
  for (let index = 0; index < ROUNDS; index++) {
    const round = `round ${index + 1}`;
    await restoreBothAdmins();
    const order = index % 2 === 0 ? [0, 1] : [1, 0];
    const results: PromiseSettledResult<unknown>[] = [];
    const written = await rowsWrittenBy(async () => {
      const settled = await Promise.allSettled(order.map((i) => contenders[i]!.run()));
      order.forEach((i, started) => (results[i] = settled[started]!));
    });
    totals.races++;
    const admins = await activeAdmins();
    if (admins.length === 0) totals.noAdminLeft++;
    const winners = results.flatMap((result, i) => (result.status === "fulfilled" ? [i] : []));
    if (winners.length !== 1) {
      const reasons = results.map((result) => (result.status === "rejected" ? String(result.reason) : "succeeded"));
      problems.push(`${round}: ${winners.length} calls succeeded (${reasons.join(" / ")}); ${admins.length} active admins left`);
      continue;
    }
    const won = contenders[winners[0]!]!;
    const reason = (results[1 - winners[0]!] as PromiseRejectedResult).reason as unknown;
    if (!(reason instanceof DomainError) || reason.code !== "forbidden" || !NO_LONGER_ADMIN.test(reason.message)) {
      const shown = reason instanceof DomainError ? `${reason.code}: ${reason.message}` : String(reason);
      problems.push(`${round}: the loser was refused with "${shown}", expected forbidden ${NO_LONGER_ADMIN}`);
    }
    if (JSON.stringify(written) !== JSON.stringify({ audit_events: 1 })) {
      problems.push(`${round}: wrote ${JSON.stringify(written)}, expected one audit row`);
    }
    const audit = await db.auditEvent.findFirstOrThrow({ orderBy: { id: "desc" } });
    if (audit.action !== won.action || audit.actorId !== won.actor.id) {
      problems.push(`${round}: the newest audit row is ${audit.action} by ${audit.actorId}, expected ${won.action} by ${won.actor.id}`);
    }
    if (admins.length !== 1 || admins[0] !== won.actor.id) {
      problems.push(`${round}: the active admins are [${admins.join(", ")}], expected only the winner ${won.actor.id}`);
    }
  }
  return problems;
}

describe(`two admins act on each other at the same moment (${ROUNDS} rounds each)`, () => {
  afterAll(() => {
    console.info(`last-admin races: ${totals.races} races run, ${totals.noAdminLeft} left no active admin`);
  });

  it("each demotes the other: one is demoted, the other stays the active admin", { timeout: 60_000 }, async () => {
    expect(await runRace([demote(adminA, adminB), demote(adminB, adminA)])).toEqual([]);
  });

  it("each disables the other: one is disabled, the other stays the active admin", { timeout: 60_000 }, async () => {
    expect(await runRace([disable(adminA, adminB), disable(adminB, adminA)])).toEqual([]);
  });

  it("one demotes while the other disables: one change, the other stays the active admin", { timeout: 60_000 }, async () => {
    expect(await runRace([demote(adminA, adminB), disable(adminB, adminA)])).toEqual([]);
  });
});

describe("the acting admin is re-read inside the transaction", () => {
  it("an admin demoted since their request began changes no role and no account", async () => {
    const [stale, editor] = await Promise.all([makeUser("admin"), makeUser("editor")]);
    await changeUserRole(adminA, { userId: stale.id, role: "reviewer" });
    // `stale` still says admin, as the actor of a request that began before the demotion would.
    const promote = await expectRefusedWithoutWrites(() => changeUserRole(stale, { userId: editor.id, role: "admin" }), "forbidden");
    expect(promote.message).toMatch(NO_LONGER_ADMIN);
    await expectRefusedWithoutWrites(() => setUserStatus(stale, { userId: editor.id, status: "disabled" }), "forbidden");
    expect(await db.user.findUniqueOrThrow({ where: { id: editor.id } })).toMatchObject({ role: "editor", status: "active" });
  });

  it("an admin disabled since their request began changes no role and no account", async () => {
    const [stale, editor] = await Promise.all([makeUser("admin"), makeUser("editor")]);
    await setUserStatus(adminA, { userId: stale.id, status: "disabled" });
    await expectRefusedWithoutWrites(() => changeUserRole(stale, { userId: editor.id, role: "reviewer" }), "forbidden");
    await expectRefusedWithoutWrites(() => setUserStatus(stale, { userId: editor.id, status: "disabled" }), "forbidden");
    expect(await db.user.findUniqueOrThrow({ where: { id: editor.id } })).toMatchObject({ role: "editor", status: "active" });
  });
});

describe("the lone active admin", () => {
  it("can neither demote nor disable themselves", async () => {
    await changeUserRole(adminA, { userId: adminB.id, role: "editor" });
    expect(await activeAdmins()).toEqual([adminA.id]);
    const demoteSelf = await expectRefusedWithoutWrites(() => changeUserRole(adminA, { userId: adminA.id, role: "editor" }), "invalid");
    expect(demoteSelf.message).toBe("You cannot change your own role; ask another admin.");
    await expectRefusedWithoutWrites(() => setUserStatus(adminA, { userId: adminA.id, status: "disabled" }), "invalid");
    expect(await activeAdmins()).toEqual([adminA.id]);
  });
});

describe("input", () => {
  it("is validated before anything is read or written", async () => {
    const editor = await makeUser("editor");
    const wrongRole = { userId: editor.id, role: "owner" } as unknown as Parameters<typeof changeUserRole>[1];
    const wrongStatus = { userId: editor.id, status: "gone" } as unknown as Parameters<typeof setUserStatus>[1];
    expect((await expectRefusedWithoutWrites(() => changeUserRole(adminA, wrongRole), "invalid")).message).toMatch(/^Nothing was saved\. role:/);
    expect((await expectRefusedWithoutWrites(() => setUserStatus(adminA, wrongStatus), "invalid")).message).toMatch(/^Nothing was saved\. status:/);
    await expectRefusedWithoutWrites(() => changeUserRole(adminA, { userId: "not-a-uuid", role: "editor" }), "invalid");
  });
});
