// Bulk work on claims ticked in the list: tag, assign, link to one claim. All or nothing, one audit
// row per claim changed, and a refusal that names each refused claim and why.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { tagClaims } from "@/lib/claims/tag-claims";
import { assignClaims } from "@/lib/assignments/assign-claims";
import { relateClaimsToOne } from "@/lib/relations/relate-claims-to-one";
import { relateClaims } from "@/lib/relations/relate-claims";
import { expectRefusedWithoutWrites, makeClaim, makeUser, rowsWrittenBy } from "@/test/integration/support";

const db = getDb();
let editor: Actor, otherEditor: Actor, admin: Actor;
beforeAll(async () => {
  [editor, otherEditor, admin] = await Promise.all([makeUser("editor"), makeUser("editor"), makeUser("admin")]);
});
afterAll(() => db.$disconnect());

const claims = (count: number) => Promise.all(Array.from({ length: count }, () => makeClaim(editor)));

describe("bulk work on claims", () => {
  it("tags many claims at once, one audit row and one new version per claim that changed", async () => {
    const [a, b, c] = await claims(3);
    await tagClaims(editor, { claimIds: [a!.id], tags: "budget" });
    const written = await rowsWrittenBy(async () => {
      expect(await tagClaims(editor, { claimIds: [a!.id, b!.id, c!.id], tags: "budget, health" })).toEqual({ changed: 3, unchanged: 0 });
    });
    expect(written).toEqual({ audit_events: 3 });
    const tagged = await db.claim.findMany({ where: { id: { in: [a!.id, b!.id] } }, orderBy: { version: "asc" } });
    expect(tagged.map((claim) => claim.tags.sort())).toEqual([["budget", "health", "test"], ["budget", "health", "test"]]);
    expect(await tagClaims(editor, { claimIds: [a!.id], tags: ["health"] })).toEqual({ changed: 0, unchanged: 1 });
  });

  it("refuses the whole batch when one claim would have too many tags, naming it", async () => {
    const [ok] = await claims(1);
    const full = await makeClaim(editor, { tags: Array.from({ length: 19 }, (_, n) => `tag${n}`) });
    const error = await expectRefusedWithoutWrites(() => tagClaims(editor, { claimIds: [ok!.id, full.id], tags: "one, two" }), "invalid");
    expect(error.message).toContain(full.statement.slice(0, 40));
    expect(error.message).toContain("21 tags");
    expect(error.details).toEqual({ refused: [{ claimId: full.id, reason: "it would have 21 tags (at most 20)" }] });
  });

  it("assigns many claims to an editor, who is notified of each", async () => {
    const batch = await claims(3);
    const written = await rowsWrittenBy(() => assignClaims(editor, { claimIds: batch.map((claim) => claim.id), assigneeId: otherEditor.id }));
    expect(written).toEqual({ claim_assignments: 3, notifications: 3, audit_events: 3 });
    await expectRefusedWithoutWrites(() => assignClaims(admin, { claimIds: [batch[0]!.id], assigneeId: editor.id }), "forbidden");
    await expectRefusedWithoutWrites(() => assignClaims(editor, { claimIds: [batch[0]!.id, "00000000-0000-4000-8000-000000000000"], assigneeId: editor.id }), "invalid");
  });

  it("links many claims to one, and refuses the batch if one is the target or already linked", async () => {
    const [original, first, second, third] = await claims(4);
    await relateClaims(editor, { type: "same_claim", fromClaimId: original!.id, toClaimId: third!.id, rationale: "Linked earlier" });
    // The mirror of an existing symmetric link counts as linked; so does the target itself.
    const error = await expectRefusedWithoutWrites(
      () => relateClaimsToOne(editor, { claimIds: [first!.id, third!.id, original!.id], toClaimId: original!.id, type: "same_claim", rationale: "Duplicates" }),
      "invalid",
    );
    expect(error.details).toEqual({
      refused: [
        { claimId: third!.id, reason: "it is already linked as the same claim" },
        { claimId: original!.id, reason: "it is the claim the others are linked to" },
      ],
    });
    const written = await rowsWrittenBy(() => relateClaimsToOne(editor, { claimIds: [first!.id, second!.id], toClaimId: original!.id, type: "same_claim", rationale: "Duplicates" }));
    expect(written).toEqual({ claim_relations: 2, audit_events: 2 });
    await expectRefusedWithoutWrites(() => relateClaimsToOne(admin, { claimIds: [third!.id], toClaimId: original!.id, type: "supports", rationale: "No right" }), "forbidden");
  });
});
