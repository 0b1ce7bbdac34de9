// A throw-away PostgreSQL cluster for the fault and hostile-traffic suites: initdb in a temporary
// folder owned by the postgres user, listening on 127.0.0.1 only with trust authentication, started,
// stopped and restarted by pg_ctl so that the fault suite can take the database away from the app on
// purpose.
import { execFile } from "node:child_process";
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir, userInfo } from "node:os";
import path from "node:path";
import { promisify } from "node:util";

const execFileAsync = promisify(execFile);
const OWNER = "postgres";

/** The folder holding initdb and pg_ctl: PG_BIN, else pg_config --bindir, else the newest Debian install. */
async function findPgBin(): Promise<string> {
  const candidates: string[] = [];
  if (process.env.PG_BIN) candidates.push(process.env.PG_BIN);
  try {
    candidates.push((await execFileAsync("pg_config", ["--bindir"])).stdout.trim());
  } catch {
    // pg_config is not on PATH: look where Debian and Ubuntu put the server
  }
  const debian = "/usr/lib/postgresql";
  if (existsSync(debian)) {
    const versions = readdirSync(debian).filter((name) => /^\d+$/.test(name)).sort((a, b) => Number(b) - Number(a));
    candidates.push(...versions.map((version) => path.join(debian, version, "bin")));
  }
  const found = candidates.find((dir) => existsSync(path.join(dir, "initdb")) && existsSync(path.join(dir, "pg_ctl")));
  if (!found) throw new Error(`initdb and pg_ctl not found (looked in: ${candidates.join(", ") || "nothing"}); set PG_BIN`);
  return found;
}

export type Cluster = {
  port: number;
  /** URL of the superuser the suite uses to inject faults and read the tables back. */
  adminUrl(database?: string): string;
  start(): Promise<void>;
  stop(mode?: "fast" | "immediate"): Promise<void>;
  restart(mode: "fast" | "immediate"): Promise<void>;
  /** Stops the server if running and removes its folder; safe to call twice. */
  destroy(): Promise<void>;
};

/** initdb's a new cluster on 127.0.0.1:port (not started); `suite` names its temporary folder. */
export async function createCluster(port: number, settings: Record<string, string> = {}, suite = "faults"): Promise<Cluster> {
  const bin = await findPgBin();
  const root = mkdtempSync(path.join(tmpdir(), `claimwork-${suite}-pg-`));
  const dataDir = path.join(root, "data");
  // initdb and pg_ctl refuse to run as root: the folder belongs to postgres, and so do they.
  const asOwner = userInfo().username === "root";
  if (asOwner) {
    const { stdout } = await execFileAsync("id", ["-u", OWNER]);
    const { stdout: gid } = await execFileAsync("id", ["-g", OWNER]);
    chownSync(root, Number(stdout.trim()), Number(gid.trim()));
  }
  chmodSync(root, 0o700);
  const run = async (tool: string, args: string[], timeoutMs = 60_000): Promise<string> => {
    const [command, fullArgs] = asOwner ? ["runuser", ["-u", OWNER, "--", path.join(bin, tool), ...args]] : [path.join(bin, tool), args];
    const { stdout, stderr } = await execFileAsync(command, fullArgs, { timeout: timeoutMs, killSignal: "SIGKILL" });
    return stdout + stderr;
  };

  await run("initdb", ["-D", dataDir, "-U", "postgres", "--auth=trust", "--no-sync", "-E", "UTF8", "--locale=C.UTF-8"]);
  // Only TCP on loopback, and nothing in the shared socket folder: this cluster is the suite's alone.
  writeFileSync(path.join(dataDir, "pg_hba.conf"), "host all all 127.0.0.1/32 trust\n");
  const conf = {
    listen_addresses: "'127.0.0.1'",
    port: String(port),
    unix_socket_directories: `'${root}'`,
    fsync: "off",
    logging_collector: "off",
    ...settings,
  };
  writeFileSync(
    path.join(dataDir, "postgresql.auto.conf"),
    Object.entries(conf).map(([key, value]) => `${key} = ${value}\n`).join(""),
  );
  const logFile = path.join(root, "server.log");
  let destroyed = false;

  const cluster: Cluster = {
    port,
    adminUrl: (database = "postgres") => `postgresql://postgres@127.0.0.1:${port}/${database}`,
    async start() {
      try {
        await run("pg_ctl", ["-D", dataDir, "-l", logFile, "-w", "-t", "60", "start"], 90_000);
      } catch (error) {
        // pg_ctl only says "could not start server": the reason is in the server's log.
        const log = existsSync(logFile) ? readFileSync(logFile, "utf8").trim().split("\n").slice(-5).join("\n") : "";
        throw new Error(`PostgreSQL did not start on 127.0.0.1:${port}:\n${log}`, { cause: error });
      }
    },
    async stop(mode = "fast") {
      await run("pg_ctl", ["-D", dataDir, "-m", mode, "-w", "-t", "60", "stop"], 90_000);
    },
    async restart(mode) {
      await run("pg_ctl", ["-D", dataDir, "-l", logFile, "-m", mode, "-w", "-t", "60", "restart"], 120_000);
    },
    async destroy() {
      if (destroyed) return;
      destroyed = true;
      if (existsSync(path.join(dataDir, "postmaster.pid"))) {
        await run("pg_ctl", ["-D", dataDir, "-m", "immediate", "-w", "-t", "30", "stop"], 40_000).catch(() => "");
      }
      rmSync(root, { recursive: true, force: true });
    },
  };
  return cluster;
}
