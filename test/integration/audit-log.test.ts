// The audit log page's use cases: what an admin finds with each filter, pages that walk every row
// exactly once (rows written in the same millisecond included), readable changes, links to the
// record, the CSV export (formula cells neutralised), and who is refused.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { listAuditEvents, AUDIT_PAGE_SIZE } from "@/lib/audit/list-audit-events";
import { exportAuditEvents } from "@/lib/audit/export-audit-events";
import { listAuditPeople } from "@/lib/audit/list-audit-people";
import { updateClaim } from "@/lib/claims/update-claim";
import { expectDomainError, expectRefusedWithoutWrites, makeClaim, makeUser, unique } from "@/test/integration/support";

const db = getDb();
let admin: Actor;
let editor: Actor;

beforeAll(async () => {
  [admin, editor] = await Promise.all([makeUser("admin"), makeUser("editor")]);
});

afterAll(async () => {
  await db.$disconnect();
});

async function exportText(actor: Actor, filters: Record<string, unknown>): Promise<string> {
  let text = "";
  for await (const chunk of exportAuditEvents(actor, filters)) text += chunk;
  return text;
}

describe("the audit log for admins", () => {
  it("finds an editor's new claim and its edit by person and action, with what changed and a link to the claim", async () => {
    const claim = await makeClaim(editor, { statement: `Statement before ${unique()}` });
    const current = await db.claim.findUniqueOrThrow({ where: { id: claim.id } });
    const reworded = `Statement after ${unique()}`;
    await updateClaim(editor, {
      claimId: claim.id,
      expectedVersion: current.version,
      statement: reworded,
      claimant: current.claimant,
      claimantSameAs: current.claimantSameAs ?? undefined,
      claimedAt: current.claimedAt?.toISOString().slice(0, 10),
      language: current.language,
      tags: current.tags,
    });

    const created = await listAuditEvents(admin, { person: editor.id, action: "claim.created" });
    expect(created.rows.map((row) => [row.action, row.recordId, row.link, row.person?.name])).toEqual([
      ["claim.created", claim.id, `/workbench/claims/${claim.id}`, editor.name],
    ]);
    expect(created.rows[0]!.changes).toContainEqual({ field: "statement", before: null, after: claim.statement });

    const edited = await listAuditEvents(admin, { person: editor.id, kind: "claim", action: "claim.updated" });
    expect(edited.rows).toHaveLength(1);
    expect(edited.rows[0]!.changes).toContainEqual({ field: "statement", before: claim.statement, after: reworded });
    // Fields the edit left alone are not listed.
    expect(edited.rows[0]!.changes.map((change) => change.field)).not.toContain("claimant");
  });

  it("walks every row of a filter exactly once, newest first, across pages, with rows of the same instant", async () => {
    const someone = await makeUser("editor");
    const instant = new Date("2021-06-01T12:00:00.000Z");
    await db.auditEvent.createMany({
      data: Array.from({ length: 2 * AUDIT_PAGE_SIZE + 7 }, (_, i) => ({
        actorId: someone.id,
        action: "claim.updated",
        entityType: "claim",
        entityId: `not-a-record-${i}`,
        // Forty rows share one instant: only the id tells them apart.
        createdAt: i < 40 ? instant : new Date(instant.getTime() + i * 1_000),
      })),
    });
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await listAuditEvents(admin, { person: someone.id, cursor });
      seen.push(...page.rows.map((row) => row.recordId));
      cursor = page.nextCursor ?? undefined;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toHaveLength(2 * AUDIT_PAGE_SIZE + 7);
    expect(new Set(seen).size).toBe(seen.length);
    const newest = await listAuditEvents(admin, { person: someone.id });
    expect(newest.rows[0]!.recordId).toBe(`not-a-record-${2 * AUDIT_PAGE_SIZE + 6}`);
    expect(newest.rows[0]!.link).toBeNull(); // no such claim
  });

  it("filters by day, the last day included, in UTC", async () => {
    const someone = await makeUser("editor");
    await db.auditEvent.createMany({
      data: ["2020-01-01T23:59:59.999Z", "2020-01-02T00:00:00.000Z", "2020-01-02T23:59:59.999Z", "2020-01-03T00:00:00.000Z"].map((at) => ({
        actorId: someone.id,
        action: "article.imported",
        entityType: "article",
        entityId: at,
        createdAt: new Date(at),
      })),
    });
    const day = await listAuditEvents(admin, { person: someone.id, from: "2020-01-02", to: "2020-01-02" });
    expect(day.rows.map((row) => row.recordId)).toEqual(["2020-01-02T23:59:59.999Z", "2020-01-02T00:00:00.000Z"]);
    const since = await listAuditEvents(admin, { person: someone.id, from: "2020-01-03" });
    expect(since.rows.map((row) => row.recordId)).toEqual(["2020-01-03T00:00:00.000Z"]);
  });

  it("exports what the filters select as CSV, with formula-like cells made inert", async () => {
    const someone = await makeUser("editor");
    await db.user.update({ where: { id: someone.id }, data: { name: '=HYPERLINK("http://evil.example","Open")' } });
    await db.auditEvent.createMany({
      data: ["first", "second"].map((label, i) => ({
        actorId: someone.id,
        action: "claim.created",
        entityType: "claim",
        entityId: label,
        after: { statement: `+${label} "quoted"` },
        createdAt: new Date(Date.UTC(2022, 0, 1 + i)),
      })),
    });
    const lines = (await exportText(admin, { person: someone.id })).split("\r\n");
    expect(lines.at(-1)).toBe("");
    expect(lines[0]).toBe('"time (UTC)","person","email","action","kind of record","record id","request id","before (JSON)","after (JSON)"');
    expect(lines).toHaveLength(4);
    expect(lines[1]).toContain(`"'=HYPERLINK(""http://evil.example"",""Open"")"`);
    expect(lines[1]).toContain('"2022-01-02T00:00:00.000Z"');
    expect(lines[1]).toContain('"{""statement"":""+second \\""quoted\\""""}"');
    expect(lines[2]).toContain('"first"');
  });

  it("lists the people to filter by", async () => {
    const people = await listAuditPeople(admin);
    expect(people.map((person) => person.id)).toEqual(expect.arrayContaining([admin.id, editor.id]));
  });
});

describe("who may read the audit log", () => {
  it("refuses editors, reviewers, disabled admins and anonymous callers, page and export alike", async () => {
    const reviewer = await makeUser("reviewer");
    const disabledAdmin = await makeUser("admin", "disabled");
    for (const actor of [editor, reviewer, disabledAdmin]) {
      await expectRefusedWithoutWrites(() => listAuditEvents(actor, {}), "forbidden");
      await expectRefusedWithoutWrites(() => exportText(actor, {}), "forbidden");
      await expectRefusedWithoutWrites(() => listAuditPeople(actor), "forbidden");
    }
    await expectDomainError(listAuditEvents(null as unknown as Actor, {}), "unauthenticated");
  });

  it("says what is wrong with a filter", async () => {
    const backwards = await expectDomainError(listAuditEvents(admin, { from: "2024-02-02", to: "2024-02-01" }), "invalid");
    expect(backwards.message).toMatch(/first day must not come after the last day/);
    const action = await expectDomainError(listAuditEvents(admin, { action: "claim.exploded" }), "invalid");
    expect(action.message).toMatch(/choose an action from the list/);
    const day = await expectDomainError(listAuditEvents(admin, { from: "99999-01-01" }), "invalid");
    expect(day.message).toMatch(/the first day/);
    const cursor = await expectDomainError(listAuditEvents(admin, { cursor: "garbage" }), "invalid");
    expect(cursor.message).toMatch(/page link is damaged/);
    const other = (await listAuditEvents(admin, {})).nextCursor;
    if (other) {
      const moved = await expectDomainError(listAuditEvents(admin, { action: "claim.created", cursor: other }), "invalid");
      expect(moved.message).toMatch(/belongs to another search/);
    }
  });
});
