import type { Tx } from "@/lib/db";
import { can, type Action } from "@/lib/auth/permissions";
import { invalid } from "@/lib/errors";

/** The person a claim or verdict is handed to: active, and allowed to do the work (`action`). */
export async function findAssignee(tx: Tx, assigneeId: string, action: Action, what: "workOnClaims" | "reviewVerdicts"): Promise<{ id: string; name: string }> {
  const user = await tx.user.findUnique({ where: { id: assigneeId }, select: { id: true, name: true, role: true, status: true } });
  if (!user || user.status !== "active") throw invalid({ key: "assigneeNotActive" });
  if (!can(user, action)) throw invalid({ key: "assigneeCannot", params: { name: user.name, role: user.role, what } });
  return { id: user.id, name: user.name };
}
