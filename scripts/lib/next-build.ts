import { spawn } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("../../", import.meta.url));
export const NEXT_BIN = path.join(ROOT, "node_modules", ".bin", "next");

const SOURCES = ["app", "lib", "seeds", "proxy.ts", "instrumentation.ts", "next.config.js", "package.json", "package-lock.json", "tsconfig.json"];
const SKIP = new Set(["node_modules", "generated"]);

function newestChange(entry: string): number {
  if (!existsSync(entry)) return 0;
  const stats = statSync(entry);
  if (!stats.isDirectory()) return stats.mtimeMs;
  let newest = stats.mtimeMs;
  for (const child of readdirSync(entry)) {
    if (!SKIP.has(child) && !child.startsWith(".next")) newest = Math.max(newest, newestChange(path.join(entry, child)));
  }
  return newest;
}

/** True when there is no production build in distDir, or a source file changed after it was made. */
export function buildIsStale(distDir = process.env.NEXT_DIST_DIR || ".next"): boolean {
  const buildId = path.join(ROOT, distDir, "BUILD_ID");
  if (!existsSync(buildId)) return true;
  const builtAt = statSync(buildId).mtimeMs;
  return SOURCES.some((source) => newestChange(path.join(ROOT, source)) > builtAt);
}

/** Runs a command in the repository with inherited output; resolves with its exit code. */
export function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: ROOT, env, stdio: "inherit" });
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
    child.on("error", () => resolve(127));
  });
}

export function nextBuild(env: NodeJS.ProcessEnv = process.env): Promise<number> {
  return run(NEXT_BIN, ["build"], { ...env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" });
}
