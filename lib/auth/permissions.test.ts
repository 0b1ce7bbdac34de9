import { describe, expect, it } from "vitest";
import { ACTIONS, can, type Action } from "@/lib/auth/permissions";
import type { Role } from "@/lib/generated/prisma/enums";

// The expected permission table, written out by hand from DESIGN.md section 1 so that a change to
// lib/auth/permissions.ts has to be made here too, on purpose.
const Y = true;
const N = false;
const EXPECTED: Record<Action, Record<Role, boolean>> = {
  //                       editor  reviewer  admin
  "workbench.access": { editor: Y, reviewer: Y, admin: Y },
  "account.update": { editor: Y, reviewer: Y, admin: Y },
  "articles.read": { editor: Y, reviewer: Y, admin: Y },
  "articles.write": { editor: Y, reviewer: Y, admin: N },
  "claims.read": { editor: Y, reviewer: Y, admin: Y },
  "claims.write": { editor: Y, reviewer: Y, admin: N },
  "relations.write": { editor: Y, reviewer: Y, admin: N },
  "verdicts.draft": { editor: Y, reviewer: Y, admin: N },
  "verdicts.submit": { editor: Y, reviewer: Y, admin: N },
  "verdicts.review": { editor: N, reviewer: Y, admin: N },
  "verdicts.publish": { editor: N, reviewer: Y, admin: N },
  "verdicts.correct": { editor: N, reviewer: Y, admin: N },
  "discussion.write": { editor: Y, reviewer: Y, admin: N },
  "assignments.write": { editor: Y, reviewer: Y, admin: N },
  "notifications.read": { editor: Y, reviewer: Y, admin: Y },
  "users.manage": { editor: N, reviewer: N, admin: Y },
  "audit.read": { editor: N, reviewer: N, admin: Y },
  "exchange.import": { editor: Y, reviewer: Y, admin: Y },
  "exchange.map_ratings": { editor: N, reviewer: Y, admin: Y },
};

const ROLES: readonly Role[] = ["editor", "reviewer", "admin"];

describe("permission table", () => {
  it("the expected table names every action the code knows, and no other", () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...ACTIONS].sort());
  });

  for (const role of ROLES) {
    describe(`an active ${role}`, () => {
      for (const action of ACTIONS) {
        const allowed = EXPECTED[action][role];
        it(`${allowed ? "may" : "may not"} ${action}`, () => {
          expect(can({ role, status: "active" }, action)).toBe(allowed);
        });
      }
    });

    it(`a disabled ${role} is denied every action`, () => {
      const denied = ACTIONS.filter((action) => !can({ role, status: "disabled" }, action));
      expect(denied).toEqual([...ACTIONS]);
    });
  }

  it("an anonymous reader (no principal) is denied every action", () => {
    expect(ACTIONS.filter((action) => can(null, action))).toEqual([]);
  });

  it("an action that is not in the table is denied to every role", () => {
    for (const role of ROLES) {
      expect(can({ role, status: "active" }, "articles.delete" as Action)).toBe(false);
      expect(can({ role, status: "active" }, "__proto__" as Action)).toBe(false);
      expect(can({ role, status: "active" }, "" as Action)).toBe(false);
    }
  });

  it("an unknown role is denied every action", () => {
    const stranger = { role: "superuser" as Role, status: "active" as const };
    expect(ACTIONS.filter((action) => can(stranger, action))).toEqual([]);
  });

  it("only reviewers review and publish, only admins manage users and read the audit log", () => {
    const holders = (action: Action) => ROLES.filter((role) => can({ role, status: "active" }, action));
    expect(holders("verdicts.review")).toEqual(["reviewer"]);
    expect(holders("verdicts.publish")).toEqual(["reviewer"]);
    expect(holders("users.manage")).toEqual(["admin"]);
    expect(holders("audit.read")).toEqual(["admin"]);
  });
});
