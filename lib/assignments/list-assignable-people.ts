import { requirePermission, type Actor } from "@/lib/auth/actor";
import { listMentionCandidates } from "@/lib/discussion/list-mention-candidates";

/** Active editors and reviewers, by name: the people claims can be assigned to (and mentioned). */
export async function listAssignablePeople(actor: Actor): Promise<{ id: string; name: string }[]> {
  requirePermission(actor, "claims.read");
  return listMentionCandidates();
}
