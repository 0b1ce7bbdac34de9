// A workbench user over plain HTTP, for tests and benchmarks that act the way a browser (or an
// attacker with curl) does: sign in through next-auth's credentials endpoint, then call server actions
// by their id with a direct POST. Action ids come from the build's server-reference manifest.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

// The arguments are encoded by the same React client Next bundles for the browser (encodeReply), so a
// string starting with "$" goes as "$$…" (raw, React's decoder would read it as a reference), and
// undefined, Dates, BigInts and the like as React writes them.
const { encodeReply } = createRequire(import.meta.url)("next/dist/compiled/react-server-dom-webpack/client.node.js") as {
  encodeReply(value: unknown): Promise<string | FormData>;
};

export type ServerAction = {
  id: string;
  /** The exported name, e.g. createClaimAction. */
  name: string;
  /** The file that declares it, e.g. app/workbench/articles/[id]/actions.ts. */
  file: string;
  /** A page path that imports the action (dynamic segments filled with a nil UUID); actions are posted there. */
  pagePath: string;
};

type ManifestEntry = { workers: Record<string, unknown>; filename?: string; exportedName?: string };

const NIL_UUID = "00000000-0000-0000-0000-000000000000";

/**
 * Every server action of the build in `distDir` (e.g. ".next"), one entry per action id: two files
 * may export actions of the same name.
 */
export function allServerActions(distDir: string): ServerAction[] {
  const file = path.join(distDir, "server", "server-reference-manifest.json");
  const manifest = JSON.parse(readFileSync(file, "utf8")) as { node: Record<string, ManifestEntry> };
  const actions: ServerAction[] = [];
  for (const [id, entry] of Object.entries(manifest.node)) {
    const worker = Object.keys(entry.workers)[0];
    if (!worker || !entry.exportedName) continue;
    const pagePath = worker.replace(/^app/, "").replace(/\/page$/, "").replace(/\/\([^)]+\)/g, "").replace(/\[[^\]]+\]/g, NIL_UUID) || "/";
    actions.push({ id, name: entry.exportedName, file: entry.filename ?? "", pagePath });
  }
  return actions;
}

/** Every server action of the build in `distDir` (e.g. ".next"), by exported name. */
export function listServerActions(distDir: string): Map<string, ServerAction> {
  return new Map(allServerActions(distDir).map((action) => [action.name, action]));
}

/**
 * Posts a sign-in form to next-auth's credentials endpoint, as the sign-in page does (after fetching
 * a CSRF token); `fields` may add e.g. a callbackUrl. Returns the raw answer.
 */
export async function postCredentials(
  baseUrl: string,
  fields: { email: string; password: string } & Record<string, string>,
  headers: Record<string, string> = {},
): Promise<Response> {
  const csrfResponse = await fetch(`${baseUrl}/api/auth/csrf`, { headers });
  const { csrfToken } = (await csrfResponse.json()) as { csrfToken: string };
  return fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { ...headers, "content-type": "application/x-www-form-urlencoded", cookie: cookiePairs(csrfResponse).join("; ") },
    body: new URLSearchParams({ csrfToken, json: "true", ...fields }),
  });
}

/** The next-auth session cookie a response sets ("name=value"), if any. */
export function sessionCookie(response: Response): string | null {
  return cookiePairs(response).find((pair) => /^(__Secure-)?next-auth\.session-token=/.test(pair)) ?? null;
}

/** Signs in with email and password; returns the Cookie header of the session, or null when refused. */
export async function signIn(baseUrl: string, email: string, password: string, headers: Record<string, string> = {}): Promise<string | null> {
  return sessionCookie(await postCredentials(baseUrl, { email, password }, headers));
}

/**
 * Signs out through next-auth's endpoint, as the sign-out button does. Returns the status; the
 * session cookie passed in is what a thief would still hold afterwards.
 */
export async function signOut(baseUrl: string, sessionCookie: string): Promise<number> {
  const csrfResponse = await fetch(`${baseUrl}/api/auth/csrf`, { headers: { cookie: sessionCookie } });
  const { csrfToken } = (await csrfResponse.json()) as { csrfToken: string };
  const response = await fetch(`${baseUrl}/api/auth/signout`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: [sessionCookie, ...cookiePairs(csrfResponse)].join("; ") },
    body: new URLSearchParams({ csrfToken, json: "true" }),
  });
  return response.status;
}

function cookiePairs(response: Response): string[] {
  return response.headers.getSetCookie().map((cookie) => cookie.split(";")[0]!);
}

export type ActionResponse = {
  status: number;
  /** What the action returned ({ ok, data } or { ok, error }), or undefined when the server refused the call itself. */
  result: unknown;
  body: string;
};

/**
 * Calls a server action the way Next's client does: POST to a page with the Next-Action header and
 * the arguments encoded by React's encodeReply (JSON text, or a multipart form for values JSON cannot
 * carry, such as a Blob). `body` sends a raw body instead; `headers` can add or override anything
 * (Origin, Cookie, Host…).
 */
export async function callServerAction(
  baseUrl: string,
  action: Pick<ServerAction, "id" | "pagePath">,
  args: unknown[],
  options: { cookie?: string | null; headers?: Record<string, string>; body?: string; signal?: AbortSignal } = {},
): Promise<ActionResponse> {
  // Plain JSON data first: React's encoder refuses objects without a prototype, which parsed
  // hostile payloads (a "__proto__" key) can be, while a browser's form would send them as data.
  const body = options.body ?? (await encodeReply(JSON.parse(JSON.stringify(args)) as unknown[]));
  const response = await fetch(`${baseUrl}${action.pagePath}`, {
    method: "POST",
    redirect: "manual",
    signal: options.signal,
    headers: {
      "next-action": action.id,
      accept: "text/x-component",
      // A form's content type (with its boundary) is fetch's to write.
      ...(typeof body === "string" ? { "content-type": "text/plain;charset=UTF-8" } : {}),
      origin: baseUrl,
      ...(options.cookie ? { cookie: options.cookie } : {}),
      ...options.headers,
    },
    body,
  });
  const text = await response.text();
  return { status: response.status, result: actionResult(text), body: text };
}

/** The action's return value out of the RSC payload: row 0 names the row ("$@N") that holds it. */
function actionResult(body: string): unknown {
  const rows = new Map<string, string>();
  for (const line of body.split("\n")) {
    const colon = line.indexOf(":");
    if (colon > 0) rows.set(line.slice(0, colon), line.slice(colon + 1));
  }
  try {
    const head = JSON.parse(rows.get("0") ?? "null") as { a?: string } | null;
    const ref = head?.a?.startsWith("$@") ? head.a.slice(2) : undefined;
    const row = ref === undefined ? undefined : rows.get(ref);
    return row === undefined ? undefined : JSON.parse(row);
  } catch {
    return undefined;
  }
}
