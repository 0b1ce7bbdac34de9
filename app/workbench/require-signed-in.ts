import { redirect } from "next/navigation";
import { getActor } from "@/lib/auth/get-actor";
import type { Actor } from "@/lib/auth/actor";

/**
 * For workbench pages: the signed-in actor, or a redirect to sign-in that comes back here. This is
 * navigation only; every use case the page calls checks permissions again on its own.
 */
export async function requireSignedIn(returnTo: string): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect(`/signin?callbackUrl=${encodeURIComponent(returnTo)}`);
  return actor;
}
