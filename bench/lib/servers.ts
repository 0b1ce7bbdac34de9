// The two HTTP servers the page benchmark loads: the app (as npm start serves it) and a bare Node server that
// answers the same HTML bytes from memory, each in a child process of its own, on 127.0.0.1 only.
import { spawn, type ChildProcess } from "node:child_process";
import { ROOT } from "../../scripts/lib/next-build";
import { freePort } from "../../scripts/lib/free-port";
import { serveArgs } from "../../scripts/lib/serve-command";

export { freePort };


export type RunningServer = { url: string; pid: number; stop(): Promise<void>; output(): string };

function track(child: ChildProcess, url: string): RunningServer {
  let output = "";
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString("utf8")).slice(-4000);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return {
    url,
    pid: child.pid ?? -1,
    output: () => output,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill("SIGTERM");
      const killLater = setTimeout(() => child.kill("SIGKILL"), 15_000);
      await exited;
      clearTimeout(killLater);
    },
  };
}

/** Resolves when `url` answers 200, or throws after `timeoutMs` (or when the process has exited). */
export async function waitUntilUp(server: RunningServer, path: string, timeoutMs: number, exited: () => boolean): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (exited()) throw new Error(`the server exited before answering:\n${server.output()}`);
    try {
      const response = await fetch(new URL(path, server.url), { signal: AbortSignal.timeout(5_000) });
      await response.arrayBuffer();
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`no answer from ${server.url}${path} within ${timeoutMs / 1000} s:\n${server.output()}`);
}

/**
 * The app as `npm start` serves it (scripts/serve.ts: the front server with the reader cache, and
 * `next start` behind it) on 127.0.0.1:port with the given environment. Its pid is the front
 * server's; Next is its child.
 */
export async function startApp(port: number, env: NodeJS.ProcessEnv): Promise<RunningServer> {
  const child = spawn(process.execPath, serveArgs(), {
    cwd: ROOT,
    env: { ...env, HOST: "127.0.0.1", PORT: String(port), NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const server = track(child, `http://127.0.0.1:${port}`);
  await waitUntilUp(server, "/api/health", 60_000, () => child.exitCode !== null);
  return server;
}

// The bare server: the smallest thing that can answer the page, as the ceiling to compare with.
const BARE_SERVER = `
const http = require("node:http");
const { readFileSync } = require("node:fs");
const body = readFileSync(process.env.BARE_BODY_FILE);
const headers = { "content-type": process.env.BARE_CONTENT_TYPE, "content-length": body.length };
http.createServer((request, response) => { response.writeHead(200, headers); response.end(body); })
  .listen(Number(process.env.BARE_PORT), "127.0.0.1");
`;

/** A bare Node http server on 127.0.0.1:port answering every request with the bytes in bodyFile. */
export async function startBareServer(port: number, bodyFile: string, contentType: string): Promise<RunningServer> {
  const child = spawn(process.execPath, ["-e", BARE_SERVER], {
    env: { PATH: process.env.PATH, NODE_ENV: "production", BARE_BODY_FILE: bodyFile, BARE_CONTENT_TYPE: contentType, BARE_PORT: String(port) },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const server = track(child, `http://127.0.0.1:${port}`);
  await waitUntilUp(server, "/", 10_000, () => child.exitCode !== null);
  return server;
}
