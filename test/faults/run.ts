// `npm run test:faults`: takes the database away from the running production app in five ways, each
// during a mixed load, and checks what a user and an operator would: the app stays up, answers fast
// with a clear 503 while the database is gone, says so on /api/health, comes back by itself, and
// loses none of the writes it acknowledged. Prints one row per fault; exits 1 if any check fails.
//
// It uses a PostgreSQL cluster of its own (initdb in a temporary folder, 127.0.0.1 only), the
// production build in .next-faults (built when missing or older than the sources), and ports from
// FAULTS_APP_PORT (default 3331) and FAULTS_PG_PORT (default 55433).
import pg from "pg";
import { chromium } from "@playwright/test";
import { UNAVAILABLE_MESSAGE_TEXT } from "../../lib/errors";
import { SEARCH_BUSY_MESSAGE } from "../../lib/search/bounded-search";
import { findChromium } from "../../scripts/lib/find-chromium";
import type { RunningApp } from "../support/app";
import type { Cluster } from "../support/cluster";
import { adminClient, concludeSuite, setUpSuite, sleep, suiteStopped, waitForHealthy, type Suite } from "../support/suite";
import { CACHED_KINDS, Load, type Sample } from "./load";

const APP_PORT = Number(process.env.FAULTS_APP_PORT ?? 3331);
const PG_PORT = Number(process.env.FAULTS_PG_PORT ?? 55433);
// The app's pool is kept small so that holding a few connections saturates it (fault 3).
const POOL_SIZE = 4;
const READERS = 5;
// Everything the suite does ends within this, cleanup included.
const SUITE_DEADLINE_MS = 15 * 60_000;
const RECOVERY_LIMIT_MS = 60_000;

const runId = `${Date.now().toString(36)}`;
const started = Date.now();

type Row = {
  fault: string;
  survived: boolean;
  requests: number;
  ok: number;
  unavailable: number;
  otherFailures: string;
  maxOutageLatencyMs: number;
  recoveryMs: number | null;
  failures: string[];
};

type Context = { cluster: Cluster; app: RunningApp; admin: () => Promise<pg.Client>; slugPath: string; cookie: string; password: string };

/**
 * Runs `inject` during the mixed load and checks the app through it. `inject` resolves when the
 * fault is lifted (database back); `expectNotReady` says the outage is long enough for /api/health
 * to be seen answering 503.
 */
async function scenario(
  context: Context,
  fault: string,
  inject: (load: Load) => Promise<void>,
  options: { expectNotReady: boolean },
): Promise<Row> {
  const { app } = context;
  const load = new Load(app.url, context.slugPath, context.cookie, runId);
  const failures: string[] = [];
  load.start(READERS);
  await sleep(2_000);
  const outageStart = Date.now();
  await inject(load);
  const lifted = Date.now();
  const recoveryMs = await waitForHealthy(app, lifted, RECOVERY_LIMIT_MS);
  const recovered = Date.now();
  await sleep(3_000);
  await load.stop();

  if (recoveryMs === null) failures.push(`/api/health not 200 within ${RECOVERY_LIMIT_MS / 1000} s of the database coming back`);
  // After recovery, one request of each kind must succeed: service came back without a restart.
  for (const kind of ["home", "fact-check", "search", "health", "import"] as const) {
    const sample = await load.request(kind, "after");
    if (sample.status < 200 || sample.status >= 300) failures.push(`${kind} after recovery answered ${sample.status || sample.problem}`);
  }
  if (app.exit()) failures.push(`the app exited (${JSON.stringify(app.exit())})`);

  const during = load.samples.filter((s) => s.startedAt >= outageStart && s.startedAt <= recovered);
  const problems = new Map<string, number>();
  for (const sample of load.samples) if (sample.problem) problems.set(`${sample.kind}: ${sample.problem}`, (problems.get(`${sample.kind}: ${sample.problem}`) ?? 0) + 1);
  for (const [problem, count] of problems) failures.push(`${count} x ${problem}`);
  failures.push(...browserFailures.splice(0));
  // The reader cache keeps answering the pages it holds, database or not.
  const cachedDown = during.filter((s) => CACHED_KINDS.includes(s.kind) && (s.status < 200 || s.status >= 300));
  if (cachedDown.length > 0) failures.push(`${cachedDown.length} cached reader page(s) failed during the outage (${[...new Set(cachedDown.map((s) => s.status))].join(", ")})`);
  const healthDuring = during.filter((s) => s.kind === "health").map((s) => s.status);
  if (options.expectNotReady && !healthDuring.includes(503)) failures.push(`/api/health never answered 503 during the outage (${[...new Set(healthDuring)].join(", ")})`);

  const other = new Map<string, number>();
  for (const sample of load.samples) {
    if (sample.status === 503 || (sample.status >= 200 && sample.status < 300)) continue;
    const key = `${sample.kind} ${sample.status || "no answer"}`;
    other.set(key, (other.get(key) ?? 0) + 1);
  }
  ledgers.push(...load.ledger);
  for (const [key, text] of load.pageErrors) if (!pageErrors.has(key)) pageErrors.set(key, text);
  return {
    fault,
    survived: failures.length === 0,
    requests: load.samples.length,
    ok: load.samples.filter((s) => s.status >= 200 && s.status < 300).length,
    unavailable: load.samples.filter((s) => s.status === 503).length,
    otherFailures: [...other].map(([key, count]) => `${key} x${count}`).join(", ") || "-",
    maxOutageLatencyMs: Math.max(0, ...during.map((s: Sample) => s.endedAt - s.startedAt)),
    recoveryMs,
    failures,
  };
}

const ledgers: Load["ledger"] = [];
const pageErrors = new Map<string, string>();
// Failures seen in Chromium during a fault, reported with that fault's row.
const browserFailures: string[] = [];

/** Terminates every backend of the app's role; returns how many. */
async function terminateAppBackends(admin: pg.Client): Promise<number> {
  const result = await admin.query<{ n: number }>(
    "SELECT count(pg_terminate_backend(pid))::int AS n FROM pg_stat_activity WHERE usename = 'claimwork' AND pid <> pg_backend_pid()",
  );
  return result.rows[0]?.n ?? 0;
}

const FAULTS: { name: string; expectNotReady: boolean; inject: (context: Context, load: Load) => Promise<void> }[] = [
  {
    name: "restart -m fast",
    expectNotReady: false,
    inject: async ({ cluster }) => cluster.restart("fast"),
  },
  {
    name: "restart -m immediate",
    expectNotReady: false,
    inject: async ({ cluster }) => cluster.restart("immediate"),
  },
  {
    name: "pg_terminate_backend x3",
    expectNotReady: false,
    inject: async ({ admin }) => {
      const client = await admin();
      try {
        for (let round = 0; round < 3; round++) {
          await terminateAppBackends(client);
          await sleep(1_000);
        }
      } finally {
        await client.end().catch(() => {});
      }
    },
  },
  {
    name: "tables locked 15 s (pool saturated)",
    expectNotReady: true,
    inject: async ({ admin }, load) => {
      // Every statement of the app on a table waits behind this lock until its statement_timeout,
      // so all pooled connections are busy and new requests wait for one.
      const client = await admin();
      try {
        const tables = await client.query<{ name: string }>(
          "SELECT format('%I', tablename) AS name FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'",
        );
        await client.query("BEGIN");
        await client.query(`LOCK TABLE ${tables.rows.map((row) => row.name).join(", ")} IN ACCESS EXCLUSIVE MODE`);
        // Searches nobody made before and imports reach the database and wait behind the lock, each
        // holding one of the app's pooled connections until its statement times out (2 s for a
        // reader's search). Searches alone cannot fill the pool: at most POOL_SIZE of them run at
        // once (MAX_CONCURRENT_READER_SEARCHES), and each one ending hands its connection to the
        // health check waiting for one. They keep coming while the lock is held.
        const lockedUntil = Date.now() + 15_000;
        const holders = Array.from({ length: POOL_SIZE * 2 }, async (_, index) => {
          while (Date.now() < lockedUntil) {
            await load.request(index % 2 === 0 ? "search" : "import", "holding");
            await sleep(50);
          }
        });
        await sleep(15_000);
        await client.query("ROLLBACK");
        await Promise.all(holders);
      } finally {
        await client.end().catch(() => {});
      }
    },
  },
  {
    name: "max_connections used up 8 s",
    expectNotReady: true,
    inject: async ({ admin, cluster }) => {
      // The app's pooled connections are closed, and every slot a non-superuser may take is held.
      const client = await admin();
      const hogs: pg.Client[] = [];
      try {
        // The app reconnects at once, so close its connections and fill the freed slots until none is left to it.
        for (let round = 0; round < 20; round++) {
          await terminateAppBackends(client);
          for (;;) {
            const hog = new pg.Client({ connectionString: `postgresql://claimwork_hog@127.0.0.1:${cluster.port}/claimwork` });
            hog.on("error", () => {});
            try {
              await hog.connect();
            } catch {
              break;
            }
            hogs.push(hog);
          }
          const app = await client.query("SELECT 1 FROM pg_stat_activity WHERE usename = 'claimwork'");
          if (app.rowCount === 0) break;
        }
        await sleep(8_000);
      } finally {
        await Promise.all(hogs.map((hog) => hog.end().catch(() => {})));
        await client.end().catch(() => {});
      }
    },
  },
  {
    name: "cluster stopped, Chromium reading",
    expectNotReady: true,
    inject: async ({ cluster, app, admin, password, slugPath }) => {
      // What people in a browser see meanwhile: a reader of a page that needs the database gets the
      // app's error page (rendered after hydration), a reader of a cached fact-check reads it as
      // usual, an editor saving a claim gets the action's "unavailable" message.
      const browser = await chromium.launch({ executablePath: findChromium(), args: ["--no-sandbox", "--disable-gpu"] });
      try {
        const lookup = await admin();
        const claimId = (await lookup.query<{ id: string }>("SELECT id FROM claims WHERE id NOT IN (SELECT claim_id FROM verdicts) LIMIT 1")).rows[0]?.id;
        await lookup.end();
        const editor = await browser.newPage({ baseURL: app.url });
        await editor.goto("/signin");
        await editor.getByLabel("Email").fill("editor@claimwork.example");
        await editor.getByLabel("Password").fill(password);
        await editor.getByRole("button", { name: "Sign in" }).click();
        await editor.waitForURL(/\/workbench$/);
        await editor.goto(`/workbench/claims/${claimId}`);
        await editor.getByRole("button", { name: "Edit claim" }).click();
        const statement = editor.getByLabel("Statement (short, in its own language)");
        await statement.fill(`${await statement.inputValue()} (edited during the outage)`);

        await cluster.stop("fast");
        const reader = await browser.newPage({ baseURL: app.url });
        // A search is told one of two clear things: the error page, or, when the load's own searches
        // already hold every search slot while they wait for the database, that search is busy.
        const response = await reader.goto("/search?q=outage", { timeout: 30_000 });
        const errorPage = reader.getByRole("heading", { name: "This page could not be loaded" });
        const busy = reader.getByRole("alert").filter({ hasText: SEARCH_BUSY_MESSAGE });
        if (!(await errorPage.or(busy).first().waitFor({ timeout: 15_000 }).then(() => true, () => false))) {
          browserFailures.push(`a search in Chromium showed neither the error page nor "search is busy" (status ${response?.status()})`);
        }
        // A published fact-check the reader cache holds still reads as usual.
        const cached = await reader.goto(slugPath, { timeout: 30_000 });
        if (cached?.status() !== 200 || !(await reader.locator("h1").first().isVisible())) {
          browserFailures.push(`the cached fact-check in Chromium answered ${cached?.status()} while the database was down`);
        }
        await editor.getByRole("button", { name: "Save claim" }).click();
        const refusal = editor.getByRole("alert").filter({ hasText: UNAVAILABLE_MESSAGE_TEXT });
        if (!(await refusal.waitFor({ timeout: 15_000 }).then(() => true, () => false))) {
          browserFailures.push(`saving a claim in Chromium did not say "${UNAVAILABLE_MESSAGE_TEXT}"`);
        }
      } finally {
        await browser.close();
        await cluster.start();
      }
    },
  },
];

/** SIGTERM with an import in flight: it must be finished (2xx and stored) or refused, then the app exits by itself. */
async function sigtermScenario(context: Context): Promise<Row> {
  const { app } = context;
  const failures: string[] = [];
  const load = new Load(app.url, context.slugPath, context.cookie, runId);
  const client = await context.admin();
  let exitInfo: { code: number | null; signal: NodeJS.Signals | null } | null = null;
  try {
    // Hold inserts into articles so that the import is inside its transaction when SIGTERM arrives.
    await client.query("BEGIN");
    await client.query("LOCK TABLE articles IN EXCLUSIVE MODE");
    const inFlight = load.request("import", "sigterm");
    const waiting = async () =>
      (await client.query("SELECT 1 FROM pg_stat_activity WHERE usename = 'claimwork' AND wait_event_type = 'Lock'")).rowCount ?? 0;
    for (let tries = 0; tries < 100 && (await waiting()) === 0; tries++) await sleep(100);
    if ((await waiting()) === 0) failures.push("the import never reached the database");
    process.kill(app.pid, "SIGTERM");
    await sleep(1_000);
    // A request after SIGTERM must be refused, not half-served.
    const late = await load.request("import", "after-sigterm");
    if (late.status >= 200 && late.status < 300) failures.push("an import sent after SIGTERM was accepted");
    await client.query("COMMIT");
    const sample = await inFlight;
    if (sample.status === 0) failures.push(`the in-flight import got no answer (${sample.problem})`);
    else if (!(sample.status >= 200 && sample.status < 300) && sample.status !== 503) failures.push(`the in-flight import answered ${sample.status}`);
    exitInfo = await Promise.race([app.exited, sleep(30_000).then(() => null)]);
    // scripts/serve.ts lets Next drain, then exits 0.
    if (!exitInfo) failures.push("the app did not exit within 30 s of SIGTERM");
    else if (exitInfo.code !== 0) failures.push(`the app exited with ${JSON.stringify(exitInfo)}`);
  } finally {
    await client.end().catch(() => {});
  }
  ledgers.push(...load.ledger);
  return {
    fault: `SIGTERM, import in flight (exit ${exitInfo?.code ?? exitInfo?.signal ?? "-"})`,
    survived: failures.length === 0,
    requests: load.samples.length,
    ok: load.samples.filter((s) => s.status >= 200 && s.status < 300).length,
    unavailable: load.samples.filter((s) => s.status === 503).length,
    otherFailures: load.samples.filter((s) => s.status === 0).length ? `refused connections x${load.samples.filter((s) => s.status === 0).length}` : "-",
    maxOutageLatencyMs: Math.max(0, ...load.samples.map((s) => s.endedAt - s.startedAt)),
    recoveryMs: null,
    failures,
  };
}

/** Compares the ledger of imports with the articles table. */
async function checkLedger(cluster: Cluster) {
  const client = await adminClient(cluster);
  try {
    const stored = await client.query<{ id: string; title: string }>("SELECT id, title FROM articles WHERE title LIKE $1", [
      `Fault suite import ${runId} %`,
    ]);
    const byTitle = new Map(stored.rows.map((row) => [row.title, row.id]));
    const acknowledged = ledgers.filter((entry) => entry.outcome === "acknowledged");
    const lost = acknowledged.filter((entry) => byTitle.get(entry.title) !== entry.articleId);
    const refused = ledgers.filter((entry) => entry.outcome === "refused");
    const refusedButStored = refused.filter((entry) => byTitle.has(entry.title));
    const ambiguous = ledgers.filter((entry) => entry.outcome === "ambiguous");
    return {
      acknowledged: acknowledged.length,
      lost,
      refused: refused.length,
      refusedButStored,
      ambiguous: ambiguous.length,
      ambiguousStored: ambiguous.filter((entry) => byTitle.has(entry.title)).length,
    };
  } finally {
    await client.end();
  }
}

function printTable(rows: Row[]): void {
  const header = ["fault", "survived", "requests", "2xx", "503", "other answers", "max latency in outage", "back after"];
  const lines = rows.map((row) => [
    row.fault,
    row.survived ? "yes" : "NO",
    String(row.requests),
    String(row.ok),
    String(row.unavailable),
    row.otherFailures,
    `${row.maxOutageLatencyMs} ms`,
    row.recoveryMs === null ? "-" : `${row.recoveryMs} ms`,
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...lines.map((line) => line[column]!.length)));
  const format = (cells: string[]) => cells.map((cell, column) => cell.padEnd(widths[column]!)).join(" | ");
  console.log(`\n${format(header)}\n${widths.map((width) => "-".repeat(width)).join("-|-")}`);
  for (const line of lines) console.log(format(line));
}

async function main(): Promise<number> {
  let suite: Suite | undefined;
  try {
    suite = await setUpSuite({
      name: "faults",
      appPort: APP_PORT,
      pgPort: PG_PORT,
      clusterSettings: { max_connections: "30", superuser_reserved_connections: "3" },
      // The app connects as an ordinary role, so that the slots kept for superusers stay free for the suite.
      extraRoles: ["claimwork_hog"],
      poolSize: POOL_SIZE,
      deadlineMs: SUITE_DEADLINE_MS,
    });
    const { cluster, app, buildDone } = suite;
    const context: Context = {
      cluster,
      app,
      admin: () => adminClient(cluster),
      slugPath: suite.slugPath,
      cookie: await suite.signIn("editor"),
      password: suite.password,
    };

    const rows: Row[] = [];
    for (const fault of FAULTS) {
      console.log(`fault: ${fault.name} …`);
      rows.push(await scenario(context, fault.name, (load) => fault.inject(context, load), { expectNotReady: fault.expectNotReady }));
      if (app.exit()) break;
    }
    if (!app.exit()) {
      console.log("fault: SIGTERM with an import in flight …");
      rows.push(await sigtermScenario(context));
    }
    const ledger = await checkLedger(cluster);

    printTable(rows);
    console.log(
      `\nimports: ${ledger.acknowledged} acknowledged, ${ledger.lost.length} of them lost; ` +
        `${ledger.refused} refused (${ledger.refusedButStored.length} of them stored anyway); ` +
        `${ledger.ambiguous} without an answer (${ledger.ambiguousStored} of them stored)`,
    );
    for (const [key, text] of pageErrors) console.log(`${key} page showed: "${text}"`);
    console.log(`time: ${((Date.now() - buildDone) / 1000).toFixed(0)} s (${((Date.now() - started) / 1000).toFixed(0)} s with the build check)`);
    const failures = rows.flatMap((row) => row.failures.map((failure) => `${row.fault}: ${failure}`));
    if (ledger.lost.length > 0) failures.push(`lost acknowledged imports: ${ledger.lost.map((entry) => entry.title).join("; ")}`);
    if (ledger.refusedButStored.length > 0) failures.push(`refused imports found stored: ${ledger.refusedButStored.map((entry) => entry.title).join("; ")}`);
    // npm test counts each fault, and the ledger, as one test.
    return concludeSuite({
      reportFile: process.env.FAULTS_REPORT,
      checks: [...rows.map((row) => row.failures.length === 0), ledger.lost.length === 0 && ledger.refusedButStored.length === 0],
      failures,
      success: "all faults survived, no acknowledged write lost",
      appOutput: app.output(),
    });
  } catch (error) {
    return suiteStopped(error, suite);
  } finally {
    await suite?.close();
  }
}

process.exitCode = await main();
