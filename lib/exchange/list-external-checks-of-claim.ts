import { getDb } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { requirePermission, type Actor } from "@/lib/auth/actor";
import { matchExternalFactChecks, type ExternalMatch } from "./match-external-fact-checks";

/** Other fact-checkers' reviews of the same claim (or of its negation), in any language, for its workbench page ("Already checked by …"). */
export async function listExternalChecksOfClaim(actor: Actor, claimId: string): Promise<ExternalMatch[]> {
  requirePermission(actor, "claims.read");
  const claim = await getDb().claim.findUnique({ where: { id: claimId }, select: { statement: true, claimant: true, language: true } });
  if (!claim) throw notFound("claim");
  return matchExternalFactChecks(claim);
}
