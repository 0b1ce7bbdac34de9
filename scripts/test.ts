// `npm test`: everything a change must pass, in order: typecheck, lint, Vitest (unit tests and
// integration tests against a real PostgreSQL in a database made for this run), a production build,
// Playwright end-to-end tests in Chromium against that build, then the fault suite (the database
// goes away), the hostile-traffic suite (attacks while a reader and an editor work) and, where nginx
// is installed, the scale-out suite (two app processes behind nginx), each against that build as
// `npm start` serves it, with a PostgreSQL cluster of its own.
//
// Database: TEST_DATABASE_URL (or DATABASE_URL) names a PostgreSQL server on which this run creates,
// and afterwards drops, databases of its own. Without either, the embedded PostgreSQL is used.
// Browser: the system's Chromium where present, else Playwright's own (fetched here if missing).
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { applyMigrations } from "./db/apply-migrations";
import { checkDatabase } from "./db/check-database";
import { createDatabase, dropDatabase } from "./db/create-database";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "./db/embedded-postgres";
import { ROOT, nextBuild, run } from "./lib/next-build";
import { findChromium } from "./lib/find-chromium";
import { findNginx } from "./lib/find-nginx";

const bin = (name: string) => path.join(ROOT, "node_modules", ".bin", name);
const runId = `${Date.now().toString(36)}_${process.pid}`;
const reports = mkdtempSync(path.join(tmpdir(), "claimwork-test-"));
const started = Date.now();
const timings: string[] = [];

type TestDatabase = { url: string; dispose(): Promise<void> };

async function step(name: string, work: () => Promise<number>): Promise<void> {
  const begin = Date.now();
  console.log(`\n=== ${name}`);
  const code = await work();
  timings.push(`${name}: ${((Date.now() - begin) / 1000).toFixed(1)} s`);
  if (code !== 0) throw new Error(`${name} failed (exit code ${code})`);
}

/** A migrated database of this run's own, on the given server or in an embedded instance. */
async function testDatabase(purpose: string): Promise<TestDatabase> {
  const serverUrl = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;
  let database: TestDatabase;
  if (serverUrl) {
    await checkDatabase(serverUrl, process.env.TEST_DATABASE_URL ? "TEST_DATABASE_URL" : "DATABASE_URL");
    const name = `claimwork_test_${purpose}_${runId}`;
    const url = await createDatabase(serverUrl, name);
    database = { url, dispose: () => dropDatabase(serverUrl, name) };
  } else {
    const dataDir = mkdtempSync(path.join(tmpdir(), `claimwork-${purpose}-pglite-`));
    const embedded: EmbeddedPostgres = await startEmbeddedPostgres({ dataDir });
    database = {
      url: embedded.url,
      dispose: async () => {
        await embedded.close();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }
  await applyMigrations(database.url);
  return database;
}

/**
 * On a PostgreSQL server, one copy of the migrated Vitest database per Vitest worker, so that test
 * files run two at a time without seeing each other's rows (vitest.config.ts). The embedded database
 * has no CREATE DATABASE ... TEMPLATE: there the files run one by one on the one database.
 */
async function workerDatabases(migrated: TestDatabase): Promise<TestDatabase[]> {
  const serverUrl = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;
  if (!serverUrl) return [];
  const template = new URL(migrated.url).pathname.slice(1);
  const copies: TestDatabase[] = [];
  for (const worker of [1, 2]) {
    const name = `${template}_w${worker}`;
    const url = await createDatabase(serverUrl, name, template);
    copies.push({ url, dispose: () => dropDatabase(serverUrl, name) });
  }
  return copies;
}

function counts(file: string, read: (report: Record<string, unknown>) => [number, number]): [number, number] {
  if (!existsSync(file)) return [0, 0];
  return read(JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>);
}

async function main(): Promise<number> {
  const disposers: (() => Promise<void>)[] = [];
  let failure: Error | undefined;
  const vitestReport = path.join(reports, "vitest.json");
  const playwrightReport = path.join(reports, "playwright.json");
  const faultsReport = path.join(reports, "faults.json");
  const hostileReport = path.join(reports, "hostile.json");
  const scaleOutReport = path.join(reports, "scale-out.json");
  let scaleOutSkipped = false;
  try {
    await step("Typecheck (tsc)", () => run(bin("tsc"), ["--noEmit"]));
    await step("Lint (eslint)", () => run(bin("eslint"), ["--max-warnings=0", "."]));

    const vitestDb = await testDatabase("vitest");
    disposers.push(vitestDb.dispose);
    const workerDbs = await workerDatabases(vitestDb);
    disposers.push(...workerDbs.map((database) => database.dispose));
    await step("Unit and integration tests (vitest)", () =>
      run(bin("vitest"), ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${vitestReport}`], {
        ...process.env,
        DATABASE_URL: vitestDb.url,
        VITEST_DATABASE_URLS: workerDbs.map((database) => database.url).join(","),
      }),
    );
    for (const database of [...workerDbs, vitestDb]) {
      await database.dispose();
      disposers.pop();
    }

    const e2eDb = await testDatabase("e2e");
    disposers.push(e2eDb.dispose);
    const e2eEnv: NodeJS.ProcessEnv = {
      ...process.env,
      DATABASE_URL: e2eDb.url,
      AUTH_SECRET: randomBytes(32).toString("base64url"),
      DEMO_PASSWORD: `demo-${randomBytes(9).toString("base64url")}`,
    };
    await step("Seed the end-to-end database", () => run(bin("tsx"), ["scripts/seed.ts"], e2eEnv));
    await step("Production build (next build)", () => nextBuild(e2eEnv));

    const chromium = findChromium();
    if (!chromium) {
      await step("Fetch Playwright's Chromium (no system Chromium found)", () => run(bin("playwright"), ["install", "chromium"]));
    }
    await step("End-to-end tests (playwright, Chromium)", () =>
      run(bin("playwright"), ["test", "--reporter=list,json"], { ...e2eEnv, PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightReport }),
    );
    // Under five minutes here, so part of every run (README, "When the database goes away").
    await step("Fault suite (a PostgreSQL cluster of its own)", () =>
      run(bin("tsx"), ["test/faults/run.ts"], { ...process.env, NEXT_DIST_DIR: process.env.NEXT_DIST_DIR || ".next", FAULTS_REPORT: faultsReport }),
    );
    await step("Hostile-traffic suite (a PostgreSQL cluster of its own)", () =>
      run(bin("tsx"), ["test/hostile/run.ts"], { ...process.env, NEXT_DIST_DIR: process.env.NEXT_DIST_DIR || ".next", HOSTILE_REPORT: hostileReport }),
    );
    if (findNginx()) {
      await step("Scale-out suite (two app processes behind nginx, a PostgreSQL cluster of its own)", () =>
        run(bin("tsx"), ["test/scale-out/run.ts"], { ...process.env, NEXT_DIST_DIR: process.env.NEXT_DIST_DIR || ".next", SCALE_OUT_REPORT: scaleOutReport }),
      );
    } else {
      scaleOutSkipped = true;
      console.log("\n=== Scale-out suite: SKIPPED, nginx is not installed (apt-get install nginx; .ci/run installs it)");
    }
  } catch (error) {
    failure = error instanceof Error ? error : new Error(String(error));
  } finally {
    for (const dispose of disposers.reverse()) await dispose().catch((error: Error) => console.error(`cleanup: ${error.message}`));
  }

  const [unitPassed, unitFailed] = counts(vitestReport, (r) => [Number(r.numPassedTests ?? 0), Number(r.numFailedTests ?? 0)]);
  const [e2ePassed, e2eFailed] = counts(playwrightReport, (r) => {
    const stats = r.stats as Record<string, number> | undefined;
    return [(stats?.expected ?? 0) + (stats?.flaky ?? 0), stats?.unexpected ?? 0];
  });
  console.log(`\n${timings.join("\n")}\ntotal: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  const suiteChecks = (r: Record<string, unknown>): [number, number] => [Number(r.passed ?? 0), Number(r.failed ?? 0)];
  const [faultsPassed, faultsFailed] = counts(faultsReport, suiteChecks);
  const [hostilePassed, hostileFailed] = counts(hostileReport, suiteChecks);
  const [scaleOutPassed, scaleOutFailed] = counts(scaleOutReport, suiteChecks);
  console.log(
    `vitest: ${unitPassed} passed, ${unitFailed} failed; playwright: ${e2ePassed} passed, ${e2eFailed} failed; ` +
      `faults: ${faultsPassed} passed, ${faultsFailed} failed; hostile: ${hostilePassed} passed, ${hostileFailed} failed; ` +
      `scale-out: ${scaleOutSkipped ? "skipped (no nginx)" : `${scaleOutPassed} passed, ${scaleOutFailed} failed`}`,
  );
  if (failure) console.error(`\n${failure.message}`);
  const reportedFailures = unitFailed + e2eFailed + faultsFailed + hostileFailed + scaleOutFailed;
  const failed = reportedFailures + (failure && reportedFailures === 0 ? 1 : 0);
  const skipped = scaleOutSkipped ? ", scale-out suite skipped (nginx is not installed)" : "";
  console.log(`${unitPassed + e2ePassed + faultsPassed + hostilePassed + scaleOutPassed} passed, ${failed} failed${skipped}`);
  rmSync(reports, { recursive: true, force: true });
  return failure ? 1 : 0;
}

process.exitCode = await main();
