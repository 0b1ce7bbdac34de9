// PostgreSQL's own client tools (pg_dump, pg_restore), found wherever the system put them and run
// without the password on their command line.
import { execFile } from "node:child_process";
import { constants } from "node:fs";
import { access, readdir } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";

export type PostgresToolName = "pg_dump" | "pg_restore";

export interface PostgresTool {
  name: PostgresToolName;
  path: string;
  major: number;
}

const run = promisify(execFile);
// Debian and Ubuntu keep each major version's tools here, off PATH.
const DEBIAN_VERSIONS_DIR = "/usr/lib/postgresql";
const WHERE_LOOKED = `PATH, pg_config --bindir and ${DEBIAN_VERSIONS_DIR}/*/bin`;

/**
 * The first `name` whose major version is at least serverMajor (pg_dump refuses newer servers), looking
 * in PATH, then in `pg_config --bindir`, then in /usr/lib/postgresql/<version>/bin, newest first.
 */
export async function findPostgresTool(name: PostgresToolName, serverMajor: number): Promise<PostgresTool> {
  const found: PostgresTool[] = [];
  const seen = new Set<string>();
  for (const dir of await candidateDirs()) {
    const file = path.join(dir, name);
    if (seen.has(file) || !(await isExecutable(file))) continue;
    seen.add(file);
    const major = await majorVersion(file);
    if (major === undefined) continue;
    if (major >= serverMajor) return { name, path: file, major };
    found.push({ name, path: file, major });
  }
  const install = `install the PostgreSQL ${serverMajor} client tools (Debian/Ubuntu: apt install postgresql-client-${serverMajor})`;
  if (found.length === 0) throw new Error(`${name} not found (looked in ${WHERE_LOOKED}): ${install}`);
  const versions = found.map((tool) => `${tool.major} at ${tool.path}`).join(", ");
  throw new Error(`${name} ${versions} cannot work with PostgreSQL ${serverMajor}: ${install}, or put their bin folder first in PATH`);
}

/** Runs the tool against databaseUrl (its password goes through PGPASSWORD, never argv); returns stdout. */
export async function runPostgresTool(tool: PostgresTool, args: string[], databaseUrl?: string): Promise<string> {
  const env = { ...process.env };
  const finalArgs = [...args];
  if (databaseUrl !== undefined) {
    const url = new URL(databaseUrl);
    if (url.password) env.PGPASSWORD = decodeURIComponent(url.password);
    url.password = "";
    finalArgs.push(`--dbname=${url.toString()}`);
  }
  try {
    const { stdout } = await run(tool.path, finalArgs, { env, maxBuffer: 64 * 1024 * 1024 });
    return stdout;
  } catch (error) {
    const stderr = typeof error === "object" && error !== null && "stderr" in error ? String(error.stderr) : "";
    throw new Error(`${tool.name} failed: ${errorLines(stderr) || (error instanceof Error ? error.message : String(error))}`);
  }
}

/** The tools' error lines, on one line, without the SQL they echo after "Command was:". */
function errorLines(stderr: string): string {
  const lines = stderr.split("\n").map((line) => line.trim());
  const errors = lines.filter((line) => /\b(error|fatal):/i.test(line));
  return (errors.length > 0 ? errors : lines.filter(Boolean).slice(0, 2)).join(" ").replace(/\s+/g, " ");
}

async function candidateDirs(): Promise<string[]> {
  const dirs = (process.env.PATH ?? "").split(path.delimiter).filter(Boolean);
  const pgConfigDir = await run("pg_config", ["--bindir"]).then(
    ({ stdout }) => stdout.trim(),
    () => "",
  );
  if (pgConfigDir) dirs.push(pgConfigDir);
  const versions = await readdir(DEBIAN_VERSIONS_DIR).catch(() => [] as string[]);
  versions
    .filter((version) => /^\d+(\.\d+)?$/.test(version))
    .sort((a, b) => Number(b) - Number(a))
    .forEach((version) => dirs.push(path.join(DEBIAN_VERSIONS_DIR, version, "bin")));
  return dirs;
}

async function isExecutable(file: string): Promise<boolean> {
  return access(file, constants.X_OK).then(
    () => true,
    () => false,
  );
}

/** 15 from "pg_dump (PostgreSQL) 15.20 (Debian 15.20-0+deb12u1)"; undefined if it does not run. */
async function majorVersion(file: string): Promise<number | undefined> {
  try {
    const { stdout } = await run(file, ["--version"]);
    const match = /\(PostgreSQL\)\s+(\d+)/.exec(stdout);
    return match ? Number(match[1]) : undefined;
  } catch {
    return undefined;
  }
}
