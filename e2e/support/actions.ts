import { allServerActions, callServerAction, signIn, type ServerAction } from "@/scripts/lib/workbench-client";
import type { TestUser } from "./database";

// Server actions called over plain HTTP, by "<file>#<exported name>", for tests that set up or attack
// data the way a script would, without driving the browser through every form.
const distDir = process.env.NEXT_DIST_DIR || ".next";
let actions: Map<string, ServerAction> | undefined;

export const actionKey = (action: ServerAction) => `${action.file}#${action.name}`;

export function serverAction(key: string): ServerAction {
  actions ??= new Map(allServerActions(distDir).map((action) => [actionKey(action), action]));
  const action = actions.get(key);
  if (!action) throw new Error(`no server action ${key} in the build's manifest`);
  return action;
}

export async function sessionOf(baseUrl: string, user: TestUser, headers: Record<string, string> = {}): Promise<string> {
  const cookie = await signIn(baseUrl, user.email, user.password, headers);
  if (!cookie) throw new Error(`${user.email} could not sign in`);
  return cookie;
}

/** Calls the action and returns its data; throws with the action's own message when it refuses. */
export async function perform<T>(baseUrl: string, key: string, cookie: string, input: unknown): Promise<T> {
  const reply = await callServerAction(baseUrl, serverAction(key), [input], { cookie });
  const result = reply.result as { ok: true; data: T } | { ok: false; error: { message: string } } | undefined;
  if (!result?.ok) throw new Error(`${key}: ${result ? result.error.message : `HTTP ${reply.status}`}`);
  return result.data;
}

export const ACTIONS = {
  createClaim: "app/workbench/articles/[id]/actions.ts#createClaimAction",
  saveDraft: "app/workbench/claims/[id]/verdict/actions.ts#saveVerdictDraftAction",
  submit: "app/workbench/claims/[id]/verdict/actions.ts#submitVerdictAction",
  review: "app/workbench/review/actions.ts#reviewVerdictAction",
  publish: "app/workbench/review/actions.ts#publishVerdictAction",
  setUserStatus: "app/workbench/users/actions.ts#setUserStatusAction",
  changeUserRole: "app/workbench/users/actions.ts#changeUserRoleAction",
} as const;
