import { callServerAction, listServerActions, signIn, type ActionResponse, type ServerAction } from "../../scripts/lib/workbench-client";

// A workbench user over plain HTTP, for tests that write much faster than through the pages: the
// same server actions and API routes the pages use, with the session of a real sign-in.

let actions: Map<string, ServerAction> | undefined;

/** Every server action of the build under test (npm test builds into NEXT_DIST_DIR, default .next). */
export function serverActions(): Map<string, ServerAction> {
  actions ??= listServerActions(process.env.NEXT_DIST_DIR || ".next");
  return actions;
}

export type ActionOutcome = { ok: true; data: unknown } | { ok: false; error: { code: string; message: string; fields?: Record<string, string[]> } };

export type HttpSession = {
  baseUrl: string;
  cookie: string;
  /** Calls the server action exported as `name` with one argument; the raw answer. */
  raw(name: string, input: unknown): Promise<ActionResponse>;
  /** Calls the server action exported as `name`; its { ok, ... } result. */
  call(name: string, input: unknown): Promise<ActionOutcome>;
  /** Calls it and returns its data, failing with the action's message when it refused. */
  must<T>(name: string, input: unknown): Promise<T>;
};

export async function httpSession(baseUrl: string, email: string, password: string): Promise<HttpSession> {
  const cookie = await signIn(baseUrl, email, password);
  if (!cookie) throw new Error(`sign-in refused for ${email}`);
  const action = (name: string) => {
    const found = serverActions().get(name);
    if (!found) throw new Error(`no server action named ${name} in the build`);
    return found;
  };
  const session: HttpSession = {
    baseUrl,
    cookie,
    raw: (name, input) => callServerAction(baseUrl, action(name), [input], { cookie }),
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
