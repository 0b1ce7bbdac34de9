// The app under test: the production build served as npm start serves it (scripts/serve.ts: the front
// server with the reader cache, `next start` behind it) on 127.0.0.1, in a child process whose exit
// the suite watches (the app must never die except on the SIGTERM it is sent on purpose).
import { spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { ROOT } from "../../scripts/lib/next-build";
import { serveArgs } from "../../scripts/lib/serve-command";

export type RunningApp = {
  url: string;
  pid: number;
  /** Exit code and signal once the process has exited; null while it runs. */
  exit(): { code: number | null; signal: NodeJS.Signals | null } | null;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** The last lines the process printed. */
  output(): string;
  /** Its process and every descendant (tsx, the front server, Next), for memory figures. */
  processes(): number[];
  /** SIGKILLs the process and every descendant (a SIGKILLed parent leaves its children running). */
  kill(): Promise<void>;
};

/** The pid and the pids of all its descendants, read from /proc (empty once it has exited). */
export function processTree(pid: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // "pid (comm) state ppid …": comm may hold spaces and parentheses, so read after the last ")".
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const parent = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
    } catch {
      // exited meanwhile
    }
  }
  const tree: number[] = [];
  const visit = (id: number) => {
    tree.push(id);
    for (const child of children.get(id) ?? []) visit(child);
  };
  try {
    readFileSync(`/proc/${pid}/stat`);
    visit(pid);
  } catch {
    // not running
  }
  return tree;
}

/** The resident memory of these processes together (VmRSS), in bytes. */
export function residentBytes(pids: number[]): number {
  let total = 0;
  for (const pid of pids) {
    try {
      const match = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
      total += Number(match?.[1] ?? 0) * 1024;
    } catch {
      // exited meanwhile
    }
  }
  return total;
}

/**
 * Starts the app on 127.0.0.1:port and resolves once it has started listening (not once the
 * database answers: the suite may start it against a database that is down). The one place that
 * says how the app is served.
 */
export async function startApp(port: number, env: NodeJS.ProcessEnv): Promise<RunningApp> {
  const child = spawn(process.execPath, serveArgs(), {
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
  const pid = child.pid ?? -1;
  const app: RunningApp = {
    url: `http://127.0.0.1:${port}`,
    pid,
    exit: () => exitState,
    exited,
    output: () => output,
    processes: () => (exitState ? [] : processTree(pid)),
    async kill() {
      for (const id of processTree(pid).reverse()) {
        try {
          process.kill(id, "SIGKILL");
        } catch {
          // already gone
        }
      }
      await exited;
    },
  };

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
  await app.kill();
  throw new Error(`the app did not start listening on ${app.url}:\n${output}`);
}
