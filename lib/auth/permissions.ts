import type { Role } from "@/lib/generated/prisma/enums";

// The one role -> actions table (DESIGN.md section 1). Anything not listed is denied.
export const ACTIONS = [
  "workbench.access",
  /** One's own account: password, workbench language (set-interface-language). */
  "account.update",
  "articles.read",
  "articles.write",
  "claims.read",
  "claims.write",
  "relations.write",
  "verdicts.draft",
  "verdicts.submit",
  "verdicts.review",
  "verdicts.publish",
  "verdicts.correct",
  "discussion.write",
  "assignments.write",
  "notifications.read",
  "users.manage",
  "audit.read",
  /** Bring in other fact-checkers' ClaimReviews (lib/exchange). */
  "exchange.import",
  /** Map other fact-checkers' rating texts onto our scale: an editorial judgment, like a review. */
  "exchange.map_ratings",
] as const;

export type Action = (typeof ACTIONS)[number];

const EDITOR: readonly Action[] = [
  "workbench.access",
  "account.update",
  "articles.read",
  "articles.write",
  "claims.read",
  "claims.write",
  "relations.write",
  "verdicts.draft",
  "verdicts.submit",
  "exchange.import",
  "discussion.write",
  "assignments.write",
  "notifications.read",
];

const PERMISSIONS: Record<Role, ReadonlySet<Action>> = {
  editor: new Set(EDITOR),
  reviewer: new Set<Action>([...EDITOR, "verdicts.review", "verdicts.publish", "verdicts.correct", "exchange.map_ratings"]),
  admin: new Set<Action>([
    "workbench.access",
    "account.update",
    "articles.read",
    "claims.read",
    "notifications.read",
    "users.manage",
    "audit.read",
    "exchange.import",
    "exchange.map_ratings",
  ]),
};

/** What a caller is, as far as permissions go: nobody (anonymous), or an active user's role. */
export type Principal = { role: Role; status: "active" | "disabled" } | null;

export function can(principal: Principal, action: Action): boolean {
  if (!principal || principal.status !== "active") return false;
  return PERMISSIONS[principal.role]?.has(action) ?? false;
}
