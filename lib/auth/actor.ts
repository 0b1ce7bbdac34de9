import type { Role } from "@/lib/generated/prisma/enums";
import type { Locale } from "@/lib/i18n/locales";
import { forbidden, unauthenticated } from "@/lib/errors";
import { can, type Action } from "@/lib/auth/permissions";

/** The signed-in person a use case acts for, as re-read from the database on this request. */
export type Actor = {
  id: string;
  email: string;
  name: string;
  role: Role;
  status: "active" | "disabled";
  requestId: string;
  /** The workbench language the person picked; null or absent: the browser's Accept-Language decides. */
  interfaceLanguage?: Locale | null;
};

/** Every use case starts here: no actor, or an actor without the permission, stops the work. */
export function requirePermission(actor: Actor | null, action: Action): Actor {
  if (!actor) throw unauthenticated();
  if (!can(actor, action)) throw forbidden();
  return actor;
}
