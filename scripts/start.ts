// `npm start`: Claimwork on http://localhost:$PORT (default 3000).
// With DATABASE_URL: checks it answers, applies migrations, serves. Without it: starts the embedded
// PostgreSQL (PGlite, data in .data/), migrates and seeds it, so trying Claimwork needs no server.
// `npm run dev` does the same with `next dev`. Next listens on an internal port; the front server on
// PORT answers readers from its cache (scripts/serve/).
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { applyMigrations } from "./db/apply-migrations";
import { checkDatabase } from "./db/check-database";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "./db/embedded-postgres";
import { ROOT, buildIsStale, nextBuild } from "./lib/next-build";
import { serveApp } from "./serve/serve-app";

const dev = process.argv.includes("--dev");
const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? "127.0.0.1";
const dataDir = path.resolve(ROOT, process.env.CLAIMWORK_DATA_DIR ?? ".data");

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

/** AUTH_SECRET from the environment, or one generated once and kept in the data folder. */
function authSecret(): string {
  if (process.env.AUTH_SECRET) return process.env.AUTH_SECRET;
  const file = path.join(dataDir, "auth-secret");
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  }
  return readFileSync(file, "utf8").trim();
}

async function main() {
  if (!Number.isInteger(port) || port < 1 || port > 65535) fail(`PORT must be a number between 1 and 65535, not "${process.env.PORT}".`);
  let embedded: EmbeddedPostgres | undefined;
  let databaseUrl = process.env.DATABASE_URL?.trim();

  if (databaseUrl) {
    await checkDatabase(databaseUrl).catch((error: Error) => fail(error.message));
  } else {
    console.log(`No DATABASE_URL: starting the embedded PostgreSQL in ${path.relative(ROOT, dataDir) || "."}/pglite …`);
    embedded = await startEmbeddedPostgres({ dataDir: path.join(dataDir, "pglite") }).catch((error: Error) =>
      fail(`The embedded PostgreSQL could not start: ${error.message}`),
    );
    databaseUrl = embedded.url;
  }

  const applied = await applyMigrations(databaseUrl).catch((error: Error) => fail(error.message));
  if (applied.length > 0) console.log(`Applied ${applied.length} migration(s).`);

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    AUTH_SECRET: authSecret(),
    NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}`,
    SITE_URL: process.env.SITE_URL ?? `http://localhost:${port}`,
    NEXT_TELEMETRY_DISABLED: "1",
  };

  if (embedded) {
    // The seed runs in this process, on the same database the app will use.
    Object.assign(process.env, { DATABASE_URL: databaseUrl });
    const { seedDemo } = await import("@/seeds/seed-demo");
    const { printSeedReport } = await import("./seed-report");
    const { getDb } = await import("@/lib/db");
    const report = await seedDemo({ password: process.env.DEMO_PASSWORD || undefined });
    await getDb().$disconnect();
    printSeedReport(report);
    const generated = report.createdAccounts.filter((account) => account.password);
    if (generated.length > 0) {
      const file = path.join(dataDir, "demo-accounts.txt");
      writeFileSync(file, generated.map((a) => `${a.role}\t${a.email}\t${a.password}\n`).join(""), { mode: 0o600 });
      console.log(`(Also saved in ${path.relative(ROOT, file)}, readable only by you.)`);
    }
  }

  if (!dev && buildIsStale()) {
    console.log("Building the app (first start, or the code changed) …");
    if ((await nextBuild(env)) !== 0) fail("The build failed; see above.");
  }

  const app = await serveApp({ host, port, env, dev });
  console.log(`Claimwork: http://localhost:${port}`);

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await app.stop();
    await embedded?.close();
    process.exit(0);
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  const code = await app.exited;
  if (!stopping) {
    await embedded?.close();
    process.exit(code || 1);
  }
}

await main();
