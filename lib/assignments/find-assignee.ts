import type { Tx } from "@/lib/db";
import { can, type Action } from "@/lib/auth/permissions";
import { invalid } from "@/lib/errors";

/** The person a claim or verdict is handed to: active, and allowed to do the work (`action`). */
export async function findAssignee(tx: Tx, assigneeId: string, action: Action, what: string): Promise<{ id: string; name: string }> {
  const user = await tx.user.findUnique({ where: { id: assigneeId }, select: { id: true, name: true, role: true, status: true } });
  if (!user || user.status !== "active") throw invalid("Nothing was saved. The person to assign is not an active colleague.");
  if (!can(user, action)) throw invalid(`Nothing was saved. ${user.name} is ${user.role === "admin" ? "an admin" : `an ${user.role}`} and cannot ${what}.`);
  return { id: user.id, name: user.name };
}
