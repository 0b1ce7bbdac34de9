import { allServerActions, callServerAction, signIn, type ActionResponse, type ServerAction } from "@/scripts/lib/workbench-client";
import type { TestUser } from "./database";

// Server actions called over plain HTTP, by "<file>#<exported name>" or by exported name, for tests
// that set up or attack data the way a script would, without driving the browser through every form.
const distDir = process.env.NEXT_DIST_DIR || ".next";
let actions: ServerAction[] | undefined;

export const actionKey = (action: ServerAction) => `${action.file}#${action.name}`;

/** Every server action of the build under test (npm test builds into NEXT_DIST_DIR, default .next). */
export function everyServerAction(): ServerAction[] {
  actions ??= allServerActions(distDir);
  return actions;
}

export function serverAction(key: string): ServerAction {
  const action = everyServerAction().find((candidate) => actionKey(candidate) === key || candidate.name === key);
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
  postComment: "app/workbench/_discussion/actions.ts#postCommentAction",
  setUserStatus: "app/workbench/users/actions.ts#setUserStatusAction",
  changeUserRole: "app/workbench/users/actions.ts#changeUserRoleAction",
} as const;

export type ActionOutcome = { ok: true; data: unknown } | { ok: false; error: { code: string; message: string; fields?: Record<string, string[]> } };

export type HttpSession = {
  baseUrl: string;
  cookie: string;
  /** Calls the server action (key or exported name) with one argument; the raw answer. */
  raw(name: string, input: unknown): Promise<ActionResponse>;
  /** Calls the server action; its { ok, ... } result. */
  call(name: string, input: unknown): Promise<ActionOutcome>;
  /** Calls it and returns its data, failing with the action's message when it refused. */
  must<T>(name: string, input: unknown): Promise<T>;
};

/** A signed-in workbench user over plain HTTP. */
export async function httpSession(baseUrl: string, email: string, password: string): Promise<HttpSession> {
  const cookie = await signIn(baseUrl, email, password);
  if (!cookie) throw new Error(`sign-in refused for ${email}`);
  const session: HttpSession = {
    baseUrl,
    cookie,
    raw: (name, input) => callServerAction(baseUrl, serverAction(name), [input], { cookie }),
    async call(name, input) {
      const response = await session.raw(name, input);
      if (response.status !== 200 || typeof response.result !== "object" || response.result === null) {
        throw new Error(`${name}: HTTP ${response.status}, no action result: ${response.body.slice(0, 300)}`);
      }
      return response.result as ActionOutcome;
    },
    async must<T>(name: string, input: unknown) {
      const outcome = await session.call(name, input);
      if (!outcome.ok) throw new Error(`${name} refused: ${outcome.error.code}: ${outcome.error.message}`);
      return outcome.data as T;
    },
  };
  return session;
}
