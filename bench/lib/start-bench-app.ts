import { appEnvironment, type BenchDatabase } from "./bench-database";
import { ensureBuild } from "./ensure-build";
import { freePort, startApp, type RunningServer } from "./servers";

/**
 * The app as `npm start` serves it, on the bench's database, on BENCH_PORT or a free port: built
 * first when the build is older than the sources, and stopped when the bench cleans up.
 */
export async function startBenchApp(
  database: BenchDatabase,
  { json, log }: { json: boolean; log: (line: string) => void },
): Promise<{ app: RunningServer; build: { distDir: string; note: string } }> {
  const port = process.env.BENCH_PORT ? Number(process.env.BENCH_PORT) : await freePort();
  const env = appEnvironment(database.url, port);
  const build = await ensureBuild(env, { quiet: json, log });
  log(`Starting the app on 127.0.0.1:${port} …`);
  const app = await startApp(port, build.distDir ? { ...env, NEXT_DIST_DIR: build.distDir } : env);
  database.defer(() => app.stop());
  return { app, build };
}
