// The workbench language each person picks (issue 16): set on one's own account only, audited in the
// same transaction, read back with the actor; an empty choice follows the browser again.
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { loadActor } from "@/lib/auth/load-actor";
import { setInterfaceLanguage } from "@/lib/users/set-interface-language";
import { expectRefusedWithoutWrites, makeUser, requestId, rowsWrittenBy } from "./support";

describe("setInterfaceLanguage", () => {
  it("sets the person's own language with one audit row, and the actor carries it on the next request", async () => {
    for (const role of ["editor", "reviewer", "admin"] as const) {
      const actor = await makeUser(role);
      expect(actor.interfaceLanguage).toBeNull();
      const written = await rowsWrittenBy(() => setInterfaceLanguage(actor, { language: "fr" }));
      expect(written).toEqual({ audit_events: 1 });
      const audit = await getDb().auditEvent.findFirstOrThrow({ where: { entityId: actor.id, action: "user.interface_language_set" } });
      expect(audit).toMatchObject({ actorId: actor.id, before: { interfaceLanguage: null }, after: { interfaceLanguage: "fr" } });
      expect((await loadActor(actor.id, requestId()))?.interfaceLanguage).toBe("fr");
    }
  });

  it("an empty choice goes back to the browser's language; the same choice again writes nothing", async () => {
    const actor = await makeUser("editor");
    await setInterfaceLanguage(actor, { language: "fr" });
    expect(await rowsWrittenBy(() => setInterfaceLanguage(actor, { language: "fr" }))).toEqual({});
    expect(await setInterfaceLanguage(actor, { language: "" })).toEqual({ language: null });
    expect((await loadActor(actor.id, requestId()))?.interfaceLanguage).toBeNull();
  });

  it("refuses a language the workbench does not speak, and a disabled user, writing nothing", async () => {
    const actor = await makeUser("editor");
    await expectRefusedWithoutWrites(() => setInterfaceLanguage(actor, { language: "de" as "fr" }), "invalid");
    const disabled = await makeUser("editor", "disabled");
    await expectRefusedWithoutWrites(() => setInterfaceLanguage(disabled, { language: "fr" }), "forbidden");
  });

  it("the database refuses any other value", async () => {
    const actor = await makeUser("editor");
    await expect(getDb().user.update({ where: { id: actor.id }, data: { interfaceLanguage: "xx" } })).rejects.toThrow();
  });
});
