// What every benchmark that serves the app needs around it: a database of its own on
// TEST_DATABASE_URL's or DATABASE_URL's server (default: postgresql://postgres@127.0.0.1:5432/postgres),
// migrated and named in DATABASE_URL for lib/; dropped at the end, on failure, on Ctrl-C and past a
// watchdog, after the clean-up tasks the benchmark deferred (its servers, its temporary files).
import { randomBytes } from "node:crypto";
import { applyMigrations } from "../../scripts/db/apply-migrations";
import { createDatabase, dropDatabase } from "../../scripts/db/create-database";

export type BenchDatabase = {
  url: string;
  /** Runs `task` at clean-up, before the database is dropped; the last deferred runs first. */
  defer(task: () => unknown): void;
};

export async function withBenchDatabase<T>(
  options: { prefix: string; watchdogMs: number; log: (line: string) => void },
  work: (database: BenchDatabase) => Promise<T>,
): Promise<T> {
  const serverUrl = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL || "postgresql://postgres@127.0.0.1:5432/postgres";
  const name = `${options.prefix}_${Date.now().toString(36)}_${process.pid}`;
  const tasks: (() => unknown)[] = [];
  let created = false;
  let cleaning: Promise<void> | undefined;
  const cleanup = () =>
    (cleaning ??= (async () => {
      for (const task of tasks.reverse()) await Promise.resolve().then(task).catch(() => {});
      if (created) await dropDatabase(serverUrl, name).catch((error: Error) => options.log(`could not drop ${name}: ${error.message}`));
    })());
  const watchdog = setTimeout(() => {
    options.log(`The benchmark ran past ${Math.round(options.watchdogMs / 60_000)} minutes; stopping.`);
    void cleanup().finally(() => process.exit(1));
  }, options.watchdogMs);
  watchdog.unref();
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => void cleanup().finally(() => process.exit(130)));
  }
  try {
    options.log(`Creating database ${name} …`);
    const url = await createDatabase(serverUrl, name);
    created = true;
    await applyMigrations(url);
    // lib/ reads DATABASE_URL once, on first use: set it before loading anything that uses it.
    process.env.DATABASE_URL = url;
    const { getDb } = await import("@/lib/db");
    tasks.push(() => getDb().$disconnect());
    return await work({ url, defer: (task) => tasks.push(task) });
  } finally {
    clearTimeout(watchdog);
    await cleanup();
  }
}

/** The environment `next start` needs to serve this database on 127.0.0.1:port. */
export function appEnvironment(databaseUrl: string, port: number): NodeJS.ProcessEnv {
  return {
    ...process.env,
    DATABASE_URL: databaseUrl,
    AUTH_SECRET: randomBytes(32).toString("base64url"),
    NEXTAUTH_URL: `http://127.0.0.1:${port}`,
    SITE_URL: `http://127.0.0.1:${port}`,
  };
}
