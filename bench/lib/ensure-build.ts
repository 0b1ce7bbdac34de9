import { spawn } from "node:child_process";
import { NEXT_BIN, ROOT, buildIsStale, nextBuild } from "../../scripts/lib/next-build";

/** A side build folder, so that building here never replaces the .next another run is serving. */
const BENCH_DIST_DIR = ".next-bench";

/** nextBuild, with the child's stdout sent to stderr. */
function buildToStderr(env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(NEXT_BIN, ["build"], {
      cwd: ROOT,
      env: { ...env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
      stdio: ["ignore", process.stderr, process.stderr],
    });
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
    child.on("error", () => resolve(127));
  });
}

/**
 * The build to serve: the main .next when it is current (buildIsStale), else the side folder, built
 * there when it too is older than the sources. Returns the NEXT_DIST_DIR to use ("" for .next).
 */
export async function ensureBuild(
  env: NodeJS.ProcessEnv,
  { quiet, log }: { quiet: boolean; log: (line: string) => void },
): Promise<{ distDir: string; note: string }> {
  if (!buildIsStale()) return { distDir: "", note: `reused ${process.env.NEXT_DIST_DIR || ".next"} (current)` };
  if (!buildIsStale(BENCH_DIST_DIR)) return { distDir: BENCH_DIST_DIR, note: `reused ${BENCH_DIST_DIR} (current)` };
  log(`Building the app into ${BENCH_DIST_DIR} (.next is missing or older than the sources) …`);
  const started = Date.now();
  const buildEnv = { ...env, NEXT_DIST_DIR: BENCH_DIST_DIR };
  // With --json, stdout carries the JSON only: the build's output goes to stderr.
  const code = quiet ? await buildToStderr(buildEnv) : await nextBuild(buildEnv);
  if (code !== 0) throw new Error(`next build failed (exit code ${code})`);
  return { distDir: BENCH_DIST_DIR, note: `built into ${BENCH_DIST_DIR} in ${((Date.now() - started) / 1000).toFixed(0)} s` };
}

