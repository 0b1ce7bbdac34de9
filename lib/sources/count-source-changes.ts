import { getDb } from "@/lib/db";
import { requirePermission, type Actor } from "@/lib/auth/actor";
import { openSourceChangesFor } from "@/lib/sources/list-source-changes";

/** How many open source changes wait for the signed-in person: the number in the navigation. */
export async function countSourceChanges(actor: Actor): Promise<number> {
  requirePermission(actor, "workbench.access");
  const where = openSourceChangesFor(actor);
  return where ? getDb().sourceChangeItem.count({ where }) : 0;
}
