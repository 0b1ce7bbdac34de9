import { getDb } from "@/lib/db";
import { accountLinkToken, hashAccountLinkToken } from "@/lib/users/account-link-token";

export type AccountLinkView = { kind: "invitation" | "password_reset"; email: string; name: string; expiresAt: Date };

/**
 * What the page of an invitation or reset link shows its holder: whose account it is for, or null
 * when the link cannot be used (unknown, used, replaced or expired). Needs no session: the token is
 * the proof, and shows nothing beyond that account's name and email.
 */
export async function readAccountLink(token: string): Promise<AccountLinkView | null> {
  if (!accountLinkToken.safeParse(token).success) return null;
  const db = getDb();
  const link = await db.accountLink.findUnique({ where: { tokenHash: hashAccountLinkToken(token) } });
  if (!link || link.usedAt || link.revokedAt || link.expiresAt <= new Date()) return null;
  if (link.kind === "invitation") return { kind: link.kind, email: link.email!, name: link.name!, expiresAt: link.expiresAt };
  const user = await db.user.findUnique({ where: { id: link.userId! } });
  if (!user || user.status !== "active") return null;
  return { kind: link.kind, email: user.email, name: user.name, expiresAt: link.expiresAt };
}
