// What the fault suite and the hostile-traffic suite both stand on: the production build (made when
// missing or older than the sources), a PostgreSQL cluster of the suite's own, a migrated and seeded
// database, and the app served on it as npm start serves it, with a watchdog that ends everything the
// suite started if it runs too long or is interrupted.
import { execFile } from "node:child_process";
import { writeFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { applyMigrations } from "../../scripts/db/apply-migrations";
import { ROOT, buildIsStale, nextBuild } from "../../scripts/lib/next-build";
import { signIn } from "../../scripts/lib/workbench-client";
import { startApp, type RunningApp } from "./app";
import { createCluster, type Cluster } from "./cluster";

/** One production build for both suites (npm test passes the one it made). */
export const SUITE_DIST_DIR = process.env.NEXT_DIST_DIR || ".next-faults";

const execFileAsync = promisify(execFile);
export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export type SuiteOptions = {
  /** "faults", "hostile": names the temporary folder and the messages. */
  name: string;
  appPort: number;
  pgPort: number;
  /** postgresql.conf settings of the cluster. */
  clusterSettings?: Record<string, string>;
  /** Login roles besides the app's own ("claimwork"), e.g. one that uses up connections. */
  extraRoles?: string[];
  /** DATABASE_POOL_SIZE of the app; its default when not given. */
  poolSize?: number;
  /** Everything the suite does ends within this, cleanup included. */
  deadlineMs: number;
  /** Settings of the app's environment besides (or instead of) the suite's own, e.g. SITE_URL. */
  env?: Record<string, string>;
  /** Starts other processes on the seeded database (given the app's environment) while the app starts. */
  startAlongside?: (env: NodeJS.ProcessEnv) => Promise<void>;
  /** Stops what the suite started besides the app and the cluster (other processes); run first by close. */
  onClose?: () => Promise<void>;
};

export type Suite = {
  cluster: Cluster;
  /** The app as last started. */
  app: RunningApp;
  /** The app's environment (DATABASE_URL, AUTH_SECRET, DEMO_PASSWORD…). */
  env: NodeJS.ProcessEnv;
  /** The demo accounts' password. */
  password: string;
  /** Path of the demo corpus's published fact-check, e.g. /fact-checks/some-slug. */
  slugPath: string;
  /** A superuser connection to the app's database; ended by the caller. */
  admin(): Promise<pg.Client>;
  /** Signs a demo account in ("editor", "reviewer", "admin"); returns its Cookie header. */
  signIn(account: "editor" | "reviewer" | "admin"): Promise<string>;
  /** When the build check ended: suite times are counted from here. */
  buildDone: number;
  /** Kills the app (all its processes) if it runs, starts it again and waits until it is ready. */
  restartApp(): Promise<RunningApp>;
  /** Kills the app if it runs, removes the cluster; safe to call twice. */
  close(): Promise<void>;
};

/** A superuser connection to the cluster's claimwork database; ended by the caller. */
export async function adminClient(cluster: Cluster): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: cluster.adminUrl("claimwork"), connectionTimeoutMillis: 10_000 });
  client.on("error", () => {}); // the fault suite restarts the server under its own feet
  await client.connect();
  return client;
}

/** Resolves with the ms from `since` until /api/health answers 200, or null after `limitMs`. */
export async function waitForHealthy(app: RunningApp, since: number, limitMs = 60_000): Promise<number | null> {
  while (Date.now() - since < limitMs) {
    try {
      const response = await fetch(`${app.url}/api/health`, { signal: AbortSignal.timeout(10_000) });
      await response.arrayBuffer();
      if (response.status === 200) return Date.now() - since;
    } catch {
      // not answering yet
    }
    await sleep(100);
  }
  return null;
}

/**
 * Builds if needed, then starts the cluster, the database (owned by the app's role "claimwork", so
 * that the superuser's reserved connections stay free for the suite), the seed and the app.
 */
export async function setUpSuite(options: SuiteOptions): Promise<Suite> {
  let cluster: Cluster | undefined;
  let app: RunningApp | undefined;
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    clearTimeout(watchdog);
    await options.onClose?.().catch((error: Error) => console.error(`cleanup: ${error.message}`));
    if (app && !app.exit()) await app.kill();
    await cluster?.destroy();
  };
  const watchdog = setTimeout(() => {
    console.error(`test:${options.name}: still running after ${options.deadlineMs / 60_000} min; stopping.`);
    void close().finally(() => process.exit(1));
  }, options.deadlineMs);
  watchdog.unref();
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => void close().finally(() => process.exit(1)));

  try {
    const distDir = SUITE_DIST_DIR;
    if (buildIsStale(distDir)) {
      console.log(`Building the app into ${distDir} …`);
      if ((await nextBuild({ ...process.env, NEXT_DIST_DIR: distDir })) !== 0) throw new Error("next build failed");
    }
    const buildDone = Date.now();

    cluster = await createCluster(options.pgPort, options.clusterSettings, options.name);
    await cluster.start();
    const setup = new pg.Client({ connectionString: cluster.adminUrl() });
    await setup.connect();
    await setup.query("CREATE ROLE claimwork LOGIN");
    for (const role of options.extraRoles ?? []) await setup.query(`CREATE ROLE ${role} LOGIN`);
    await setup.query("CREATE DATABASE claimwork OWNER claimwork");
    await setup.end();
    const databaseUrl = `postgresql://claimwork@127.0.0.1:${cluster.port}/claimwork`;
    await applyMigrations(databaseUrl);

    const password = `${options.name}-${randomBytes(9).toString("base64url")}`;
    const appUrl = `http://127.0.0.1:${options.appPort}`;
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATABASE_URL: databaseUrl,
      ...(options.poolSize ? { DATABASE_POOL_SIZE: String(options.poolSize) } : {}),
      AUTH_SECRET: randomBytes(32).toString("base64url"),
      DEMO_PASSWORD: password,
      NEXT_DIST_DIR: distDir,
      NEXTAUTH_URL: appUrl,
      SITE_URL: appUrl,
      ...options.env,
    };
    await execFileAsync(path.join(ROOT, "node_modules", ".bin", "tsx"), ["scripts/seed.ts"], { cwd: ROOT, env, timeout: 180_000, killSignal: "SIGKILL" });
    const lookup = await adminClient(cluster);
    const slug = (await lookup.query<{ slug: string }>("SELECT slug FROM publications LIMIT 1")).rows[0]?.slug;
    await lookup.end();
    if (!slug) throw new Error("the demo data has no published fact-check");

    const start = async () => {
      app = await startApp(options.appPort, env);
      if ((await waitForHealthy(app, Date.now())) === null) throw new Error(`the app never became ready:\n${app.output()}`);
      return app;
    };
    await Promise.all([start(), options.startAlongside?.(env)]);
    const suite: Suite = {
      cluster,
      app: app!,
      env,
      password,
      slugPath: `/fact-checks/${slug}`,
      admin: () => adminClient(cluster!),
      async signIn(account) {
        const cookie = await signIn(appUrl, `${account}@claimwork.example`, password);
        if (!cookie) throw new Error(`the demo ${account} could not sign in`);
        return cookie;
      },
      buildDone,
      async restartApp() {
        if (app && !app.exit()) await app.kill();
        suite.app = await start();
        return suite.app;
      },
      close,
    };
    return suite;
  } catch (error) {
    await close();
    throw error;
  }
}

/**
 * The end of a suite's run: writes { passed, failed } to `reportFile` (npm test names one and adds
 * them to its count), prints the failed checks, and returns the exit code.
 */
export function concludeSuite(outcome: { reportFile: string | undefined; checks: boolean[]; failures: string[]; success: string; appOutput?: string }): number {
  if (outcome.reportFile) {
    const passed = outcome.checks.filter(Boolean).length;
    writeFileSync(outcome.reportFile, JSON.stringify({ passed, failed: outcome.checks.length - passed }));
  }
  if (outcome.failures.length > 0) {
    console.error(`\n${outcome.failures.length} failed check(s):\n- ${outcome.failures.join("\n- ")}`);
    if (outcome.appOutput !== undefined) console.error(`\nlast app output:\n${outcome.appOutput.slice(-4_000)}`);
    return 1;
  }
  console.log(`\n${outcome.success}`);
  return 0;
}

/** A suite that could not run to its end: what stopped it, and what the app said last. */
export function suiteStopped(error: unknown, suite: Suite | undefined): number {
  console.error(error instanceof Error ? error.message : error);
  if (suite) console.error(`\nlast app output:\n${suite.app.output().slice(-4_000)}`);
  return 1;
}
