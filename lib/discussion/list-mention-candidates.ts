import type { Tx } from "@/lib/db";
import { getDb } from "@/lib/db";
import type { MentionCandidate } from "@/lib/discussion/find-mentions";

/** Colleagues one can @mention: active editors and reviewers (admins take no part in discussions). */
export async function listMentionCandidates(db: Tx = getDb()): Promise<MentionCandidate[]> {
  return db.user.findMany({
    where: { status: "active", role: { in: ["editor", "reviewer"] } },
    select: { id: true, name: true },
    orderBy: { name: "asc" },
  });
}
