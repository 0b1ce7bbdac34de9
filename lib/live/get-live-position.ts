import { getDb } from "@/lib/db";
import { requirePermission, type Actor } from "@/lib/auth/actor";
import { currentLivePosition } from "@/lib/live/read-settled-changes";

/**
 * Where a page about to render starts following changes. Read BEFORE the page's data: a change that
 * commits in between then comes again on the stream, never falls between the two.
 */
export async function getLivePosition(actor: Actor | null): Promise<string> {
  requirePermission(actor, "workbench.access");
  return currentLivePosition(getDb());
}
