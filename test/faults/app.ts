// The app under test: the production build served as npm start serves it (scripts/serve.ts: the front
// server with the reader cache, `next start` behind it) on 127.0.0.1, in a child process whose exit
// the suite watches (the app must never die except on the SIGTERM it is sent on purpose).
import { spawn } from "node:child_process";
import path from "node:path";
import { ROOT } from "../../scripts/lib/next-build";

export type RunningApp = {
  url: string;
  pid: number;
  /** Exit code and signal once the process has exited; null while it runs. */
  exit(): { code: number | null; signal: NodeJS.Signals | null } | null;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** The last lines the process printed. */
  output(): string;
};

/**
 * Starts the app on 127.0.0.1:port and resolves once it has started listening (not once the
 * database answers: the suite may start it against a database that is down). The one place that
 * says how the app is served.
 */
export async function startApp(port: number, env: NodeJS.ProcessEnv): Promise<RunningApp> {
  const child = spawn(path.join(ROOT, "node_modules", ".bin", "tsx"), ["scripts/serve.ts"], {
    cwd: ROOT,
    env: { ...env, HOST: "127.0.0.1", PORT: String(port), NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString("utf8")).slice(-20_000);
  };
  child.stdout.on("data", keep);
  child.stderr.on("data", keep);
  let exitState: { code: number | null; signal: NodeJS.Signals | null } | null = null;
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once("exit", (code, signal) => {
      exitState = { code, signal };
      resolve(exitState);
    }),
  );
  const app: RunningApp = { url: `http://127.0.0.1:${port}`, pid: child.pid ?? -1, exit: () => exitState, exited, output: () => output };

  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline && !exitState) {
    try {
      const response = await fetch(`${app.url}/api/health`, { signal: AbortSignal.timeout(5_000) });
      await response.arrayBuffer();
      return app;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  child.kill("SIGKILL");
  throw new Error(`the app did not start listening on ${app.url}:\n${output}`);
}
