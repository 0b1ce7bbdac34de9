import { getDb } from "@/lib/db";
import { can } from "@/lib/auth/permissions";
import { requirePermission, type Actor } from "@/lib/auth/actor";
import { VERDICT_AUTHORS_SELECT, verdictAuthorIds } from "@/lib/assignments/verdict-author-ids";

type Person = { id: string; name: string };
export type ClaimAssignments = {
  editor: Person | null;
  /** null when the claim has no verdict yet. */
  verdict: { id: string; reviewer: Person | null; reviewerCandidates: Person[] } | null;
  editorCandidates: Person[];
  canAssign: boolean;
};

/** Who works on a claim and who reviews its verdict, with the people each may be handed to. */
export async function getClaimAssignments(actor: Actor, claimId: string): Promise<ClaimAssignments> {
  requirePermission(actor, "claims.read");
  const db = getDb();
  const [claimAssignment, verdict, colleagues] = await Promise.all([
    db.claimAssignment.findUnique({ where: { claimId } }),
    db.verdict.findUnique({
      where: { claimId },
      select: { id: true, ...VERDICT_AUTHORS_SELECT },
    }),
    db.user.findMany({ where: { status: "active", role: { in: ["editor", "reviewer"] } }, select: { id: true, name: true, role: true }, orderBy: { name: "asc" } }),
  ]);
  const verdictAssignment = verdict ? await db.verdictAssignment.findUnique({ where: { verdictId: verdict.id } }) : null;
  const people = await db.user.findMany({
    where: { id: { in: [claimAssignment?.assigneeId, verdictAssignment?.assigneeId].filter((id): id is string => Boolean(id)) } },
    select: { id: true, name: true },
  });
  const person = (id: string | undefined) => people.find((candidate) => candidate.id === id) ?? null;
  const authors = verdict ? verdictAuthorIds(verdict) : new Set<string>();
  const toPerson = ({ id, name }: Person) => ({ id, name });
  return {
    editor: person(claimAssignment?.assigneeId),
    verdict: verdict
      ? {
          id: verdict.id,
          reviewer: person(verdictAssignment?.assigneeId),
          reviewerCandidates: colleagues.filter((colleague) => colleague.role === "reviewer" && !authors.has(colleague.id)).map(toPerson),
        }
      : null,
    editorCandidates: colleagues.map(toPerson),
    canAssign: can(actor, "assignments.write"),
  };
}
