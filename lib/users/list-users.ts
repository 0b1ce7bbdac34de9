import { getDb } from "@/lib/db";
import { requirePermission, type Actor } from "@/lib/auth/actor";

export type UserRow = { id: string; email: string; name: string; role: string; status: string };

export async function listUsers(actor: Actor): Promise<UserRow[]> {
  requirePermission(actor, "users.manage");
  return getDb().user.findMany({
    orderBy: { email: "asc" },
    select: { id: true, email: true, name: true, role: true, status: true },
  });
}
