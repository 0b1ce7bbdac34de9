import { getDb } from "@/lib/db";
import { requirePermission, type Actor } from "@/lib/auth/actor";

/** Everyone who may appear in the audit log, for its "person" filter, by name. */
export async function listAuditPeople(actor: Actor): Promise<{ id: string; name: string; email: string }[]> {
  requirePermission(actor, "audit.read");
  return getDb().user.findMany({ orderBy: [{ name: "asc" }, { email: "asc" }], select: { id: true, name: true, email: true } });
}
