// nginx as the scale-out suite runs it: deploy/nginx.conf.template rendered for the suite's app
// processes, in a temporary folder of its own, in the foreground as a child of the suite (never the
// system's service), stopped by its pid.
import { spawn } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { renderNginxConf } from "../../deploy/render-nginx-conf";
import { sleep } from "../support/suite";

export type RunningNginx = {
  url: string;
  pid: number;
  /** The access log's lines so far (format "claimwork" of the template: upstream=… cache=…). */
  accessLog(): string[];
  /** Stops it (SIGQUIT: finish what is in flight; SIGKILL after 5 s) and removes its folder. */
  stop(): Promise<void>;
};

export async function startNginx(binary: string, options: { port: number; apps: string[] }): Promise<RunningNginx> {
  const stateDir = mkdtempSync(path.join(tmpdir(), "claimwork-scale-out-nginx-"));
  // Run as root, nginx's workers are another user, which must reach their buffers and cache here.
  chmodSync(stateDir, 0o755);
  const conf = path.join(stateDir, "nginx.conf");
  writeFileSync(conf, renderNginxConf({ listen: `127.0.0.1:${options.port}`, apps: options.apps, stateDir, workerProcesses: 1 }));
  const child = spawn(binary, ["-c", conf, "-p", `${stateDir}/`, "-g", "daemon off;"], { stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString("utf8")).slice(-4_000);
  };
  child.stdout.on("data", keep);
  child.stderr.on("data", keep);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  let running = true;
  void exited.then(() => {
    running = false;
  });
  const accessLogFile = path.join(stateDir, "access.log");
  const nginx: RunningNginx = {
    url: `http://127.0.0.1:${options.port}`,
    pid: child.pid ?? -1,
    accessLog: () => (existsSync(accessLogFile) ? readFileSync(accessLogFile, "utf8").split("\n").filter(Boolean) : []),
    async stop() {
      if (running) {
        child.kill("SIGQUIT");
        const kill = setTimeout(() => child.kill("SIGKILL"), 5_000);
        await exited;
        clearTimeout(kill);
      }
      rmSync(stateDir, { recursive: true, force: true });
    },
  };
  for (let tries = 0; tries < 50 && running; tries++) {
    try {
      await fetch(`${nginx.url}/api/health`, { signal: AbortSignal.timeout(5_000) }).then((response) => response.arrayBuffer());
      return nginx;
    } catch {
      await sleep(100);
    }
  }
  const errorLog = path.join(stateDir, "error.log");
  const log = `${output}\n${existsSync(errorLog) ? readFileSync(errorLog, "utf8") : ""}`.trim();
  await nginx.stop();
  throw new Error(`nginx did not start on ${nginx.url}:\n${log}`);
}

/** The upstream that answered each logged request matching `request` (e.g. "GET /workbench"). */
export function upstreamsOf(lines: string[], request: string): string[] {
  return lines.filter((line) => line.includes(`"${request}`)).map((line) => /upstream=(.*?) upstream_status=/.exec(line)?.[1] ?? "-");
}
